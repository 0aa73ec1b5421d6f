//! The inspector: the live IPC trace, newest first, streamed over a Channel in batches.
//! Read-only.

import { commands, TRACE_CAPACITY, type TraceEntry } from "../../bindings/ipc";
import { boot } from "./lib/boot";
import { listenInbox, show } from "./lib/demos";
import { byId, drawInBatches, el, onClick } from "./lib/dom";
import { channel, unwrap } from "./lib/ipc";
import { describeEntry, traceWatchers } from "./lib/trace";

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

/** Drawing rows is what makes a live trace expensive (their layout and paint take CPU from
 * every other window), so the trace is drawn every 250 ms at most, the newest 25 entries each
 * time. Every entry is still counted, and the export has all that Rust keeps. */
const addRow = drawInBatches(byId("trace"), {
  every: 250,
  max: 25,
  keep: TRACE_CAPACITY,
  gap: (skipped) => {
    const gap = el("tr");
    gap.className = "skipped";
    const cell = el("td", `${skipped} more entries, not drawn (Export trace has them)`);
    cell.colSpan = 6;
    gap.append(cell);
    return gap;
  },
  drawn: () => {
    byId("trace-count").textContent = `${seen} entries`;
  },
});

/** Takes a batch of entries, oldest first. */
function addBatch(entries: TraceEntry[]): void {
  seen += entries.length;
  for (const watch of traceWatchers) watch(entries);
  for (const entry of entries) addRow(() => row(entry));
}

function listenToButtons(): void {
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
}

void boot({
  inbox: listenInbox,
  trace: () => unwrap(commands.subscribeTrace(channel(addBatch))),
  buttons: listenToButtons,
});

// Only `vite build --mode bench` keeps this (see main.ts).
if (import.meta.env.MODE === "bench") void import("./lib/bench").then((bench) => bench.install());
