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

const KEEP = 500;
let seen = 0;

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

/** Shows a batch of entries (oldest first) at the top, newest first, in one DOM update. */
function addBatch(entries: TraceEntry[]): void {
  const body = byId("trace");
  body.prepend(...entries.slice(-KEEP).map(row).reverse());
  while (body.childElementCount > KEEP) body.lastElementChild?.remove();
  seen += entries.length;
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
