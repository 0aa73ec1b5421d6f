//! The inspector: the live IPC trace, newest first, streamed over a Channel in batches.
//! Read-only.

import { commands, type TraceEntry } from "../../bindings/ipc";
import { listenInbox, show } from "./lib/demos";
import { byId, el, onClick, showStatus } from "./lib/dom";
import { announceReady } from "./lib/events";
import { channel, unwrap } from "./lib/ipc";
import { describeEntry } from "./lib/trace";

byId("app").innerHTML = `
  <section>
    <button id="export">Export trace</button> <output id="export-out"></output>
    <span id="trace-count" class="muted"></span>
  </section>
  <section>
    <button id="stats">Core stats</button> <output id="stats-out"></output>
  </section>
  <section><h2>Inbox</h2><ul id="inbox" class="log short"></ul></section>
  <table>
    <thead><tr><th>#</th><th>ms</th><th>what</th><th>name</th><th>window / target</th><th>detail</th></tr></thead>
    <tbody id="trace"></tbody>
  </table>`;

/** Rows the table keeps. */
const KEEP = 500;
/** Drawing rows is what makes a live trace expensive (the rows' layout and paint take CPU from
 * every other window), so new entries are drawn at most every DRAW_MS, and at most DRAW_MAX
 * of them each time: the newest. Every entry is still counted, and the export has them all. */
const DRAW_MS = 250;
const DRAW_MAX = 25;
let seen = 0;
/** Entries received and not drawn yet, oldest first; at most DRAW_MAX of them. */
let waiting: TraceEntry[] = [];
/** Entries received since the last drawing that will not be drawn. */
let skipped = 0;
let drawScheduled = false;

function row(entry: TraceEntry): HTMLTableRowElement {
  const described = describeEntry(entry);
  const tr = el("tr");
  tr.className = described.tone;
  tr.dataset.what = entry.type;
  for (const cell of [
    String(entry.id),
    String(entry.atMs),
    entry.type,
    described.name,
    described.subject,
    described.detail,
  ]) {
    tr.append(el("td", cell));
  }
  return tr;
}

/** Takes a batch of entries (oldest first) and schedules their drawing. */
function addBatch(entries: TraceEntry[]): void {
  seen += entries.length;
  waiting.push(...entries);
  if (waiting.length > DRAW_MAX) {
    skipped += waiting.length - DRAW_MAX;
    waiting = waiting.slice(-DRAW_MAX);
  }
  if (!drawScheduled) {
    drawScheduled = true;
    setTimeout(draw, DRAW_MS);
  }
}

/** Draws the waiting entries at the top, newest first, in one DOM update, after a line that
 * says how many entries were not drawn, if any. */
function draw(): void {
  drawScheduled = false;
  const rows: HTMLTableRowElement[] = waiting.map(row).reverse();
  if (skipped > 0) {
    const gap = el("tr");
    gap.className = "skipped";
    const cell = el("td", `${skipped} more entries, not drawn (Export trace has them)`);
    cell.colSpan = 6;
    gap.append(cell);
    rows.push(gap);
  }
  const body = byId("trace");
  body.prepend(...rows);
  while (body.childElementCount > KEEP) body.lastElementChild?.remove();
  waiting = [];
  skipped = 0;
  byId("trace-count").textContent = `${seen} entries`;
}

async function start(): Promise<void> {
  onClick("stats", async () =>
    show("stats-out", await commands.coreStats(), (s) =>
      [
        `${s.openWindows} windows open`,
        `outbox tracks ${s.outboxWindows}`,
        `${s.heldEvents} held`,
        `${s.jobs} jobs`,
        `${s.pings} pings`,
        `${s.traceSubscribers} trace subscribers`,
        s.residentKib === null ? "" : `core ${(s.residentKib / 1024).toFixed(1)} MiB resident`,
      ]
        .filter(Boolean)
        .join(", "),
    ),
  );
  onClick("export", async () =>
    show("export-out", await commands.exportTrace(), (t) => `${t.entries} entries in ${t.path}`),
  );
  await listenInbox();
  await unwrap(commands.subscribeTrace(channel(addBatch)));
  const ready = await announceReady();
  showStatus(`ready (${ready.flushed} held event(s) delivered)`);
}

start().catch((e: unknown) => showStatus(`failed to start: ${String(e)}`, true));
