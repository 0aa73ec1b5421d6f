//! The inspector: the live IPC trace, newest first, streamed over a Channel in batches; its
//! export, and the core's counts. Read-only.

import { commands, TRACE_CAPACITY } from "../../../bindings/ipc";
import { boot, type Component, frame } from "../lib/boot";
import { inbox } from "../lib/demos";
import { drawInBatches, el, section, show, whenClicked } from "../lib/dom";
import { channel, type TraceEntry, unwrap } from "../lib/ipc";
import { pluginCommands } from "../lib/plugin";
import { describeEntry } from "../lib/trace";

/** Called with each batch of entries the inspector receives, oldest first: a page has one
 * trace subscription, so whatever else wants the entries (the bench's probe, in bench builds)
 * watches here. */
export const traceWatchers: ((entries: TraceEntry[]) => void)[] = [];

function row(entry: TraceEntry): HTMLTableRowElement {
  const described = describeEntry(entry);
  return el(
    "tr",
    { class: described.tone, "data-what": entry.type },
    ...[
      String(entry.id),
      String(entry.atMs),
      entry.type,
      described.name,
      described.subject,
      described.detail,
    ].map((cell) => el("td", {}, cell)),
  );
}

/** The log's records, newest first: the core's log, streamed with the trace. */
function logList(): { root: HTMLElement; add: (entry: TraceEntry) => void } {
  const list = el("ul", { class: "log short", testid: "log" });
  const add = drawInBatches(list, {
    every: 250,
    max: 25,
    keep: 200,
    gap: (skipped) => el("li", { class: "skipped" }, `${skipped} more, not drawn`),
  });
  return {
    root: section("Log", list),
    add: (entry) =>
      add(() => {
        const row = describeEntry(entry);
        return el("li", { class: row.tone }, `${row.name} ${row.subject}: ${row.detail}`);
      }),
  };
}

/** The trace table, fed from a subscription, and the log beside it. Drawing rows is what
 * makes a live trace expensive (their layout and paint take CPU from every other window), so
 * it is drawn every 250 ms at most, the newest 25 entries each time. Every entry is still
 * counted, and the export has all that Rust keeps. */
function trace(): Component {
  const count = el("span", { class: "muted", testid: "trace-count" });
  const rows = el("tbody", { testid: "trace" });
  let seen = 0;
  const addRow = drawInBatches(rows, {
    every: 250,
    max: 25,
    keep: TRACE_CAPACITY,
    gap: (skipped) =>
      el(
        "tr",
        { class: "skipped" },
        el("td", { colspan: 6 }, `${skipped} more entries, not drawn (Export trace has them)`),
      ),
    drawn: () => {
      count.textContent = `${seen} entries`;
    },
  });
  const log = logList();
  /** Takes a batch of entries, oldest first. */
  const addBatch = (entries: TraceEntry[]) => {
    seen += entries.length;
    for (const watch of traceWatchers) watch(entries);
    for (const entry of entries) {
      if (entry.type === "log") log.add(entry);
      else addRow(() => row(entry));
    }
  };
  const head = el(
    "tr",
    {},
    ...["#", "ms", "what", "name", "window / target", "detail"].map((h) => el("th", {}, h)),
  );
  return {
    root: el("div", {}, log.root, count, el("table", {}, el("thead", {}, head), rows)),
    ready: unwrap(pluginCommands.subscribeTrace(channel(addBatch))),
  };
}

function tools(): Component {
  const exportButton = el("button", { testid: "export" }, "Export trace");
  const exportOut = el("output", { testid: "export-out" });
  const stats = el("button", { testid: "stats" }, "Core stats");
  const statsOut = el("output", { testid: "stats-out" });
  whenClicked(exportButton, exportOut, async () =>
    show(exportOut, await commands.exportTrace(), (t) => `${t.entries} entries in ${t.path}`),
  );
  whenClicked(stats, statsOut, async () =>
    show(statsOut, await commands.coreStats(), (s) =>
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
  return {
    root: el(
      "div",
      {},
      el("section", {}, exportButton, exportOut),
      el("section", {}, stats, statsOut),
    ),
  };
}

/** Builds the inspector's page into `root` and announces it ready. */
export function mount(root: HTMLElement): Promise<void> {
  return boot(frame(root, "Inspector"), {
    tools,
    inbox: () => inbox({ short: true }),
    trace,
  });
}
