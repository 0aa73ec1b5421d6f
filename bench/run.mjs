// @ts-check
// The runner of `npm run bench`: starts the app (built by scripts/bench.sh with the timing loops
// of bench/probe.ts) through tauri-driver, several times, has main's page time each
// scenario, and writes every sample to a results file, typed by bindings/files/BenchRun.ts.
// `--smoke`: tiny sizes and one launch, so that `npm test` keeps the harness working.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { APP, App, startDriver, stopDriver } from "../tests/e2e/harness.mjs";
import { probe } from "./probes.mjs";
import { descendants, pidOf, pssMib, startedAt } from "./procs.mjs";

/** @typedef {import("../bindings/files/BenchRun").BenchRun} BenchRun */
/** @typedef {import("../bindings/files/Series").Series} Series */
/** @typedef {import("../bindings/files/Scenario").Scenario} Scenario */
/** @typedef {import("./probe").CallName} CallName */
/** @typedef {import("./probe").TransferName} TransferName */

const { values } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    out: { type: "string" },
    profile: { type: "string", default: "release" },
  },
});
if (!values.out) throw new Error("usage: run.mjs --out RESULTS.json [--smoke] [--profile P]");
const smoke = values.smoke ?? false;
const launches = smoke ? 1 : Number(process.env.BENCH_LAUNCHES ?? 3);
const rounds = smoke ? 2 : Number(process.env.BENCH_ROUNDS ?? 20);
// Calls per block: `performance.now()` ticks in whole milliseconds here, so a block of 100
// sub-millisecond calls resolves 0.01 ms, nearly 2% of one call: enough for the neighbours'
// goals (1.5x), while the goals on typed calls and the inspector (3% and 10% bounds) take 300 a
// block, a third of that. Sends cost milliseconds and need fewer.
const blocks = smoke
  ? { neighbours: 5, precise: 5, sends: 5 }
  : { neighbours: 100, precise: 300, sends: 20 };
// Ends with 9 windows open even in a smoke, so that the fan-out runs there too.
const windowCounts = smoke ? [1, 9] : [1, 3, 9];
// The hello-world app scripts/bench.sh builds beside Switchboard.
const HELLO = process.env.SWITCHBOARD_BENCH_HELLO ?? "";
// Start-ups of each app, alternating, before the launches that measure the rest.
const startups = smoke ? 1 : 4;
// Messages in a burst, and sent one `sendMessage` each, by IN_FLIGHT senders; floods of each
// kind in a launch.
const floods = smoke
  ? { burst: 200, sends: 50, repeats: 1 }
  : { burst: 10_000, sends: 2_000, repeats: 5 };
const IN_FLIGHT = 32;
// The neighbours scenario: worker-1's commands in flight, the size of each of its pulls, and
// how long each load runs alone.
const NEIGHBOUR_CALLS = 64;
const neighbourPull = smoke ? 1024 * 1024 : 100 * 1024 * 1024;
const aloneMs = smoke ? 500 : 3000;
// Before a load runs alone: main's calls just before still count as calling until pacing has
// forgotten main, a second after its last call (crates/switchboard/src/pace.rs), and worker-1's
// load would be paced against them.
const FORGOTTEN_MS = 1500;
const KiB = 1024;
const MiB = 1024 * KiB;
const transferSizes = smoke ? [KiB, MiB] : [KiB, 64 * KiB, MiB, 10 * MiB, 100 * MiB];
// JSON stops at 1 MiB: it moves some 3 MiB/s, so larger sizes only make the run long.
const jsonSizes = smoke ? [KiB] : [KiB, 64 * KiB, MiB];
const transferRounds = smoke ? 1 : 5;
/** @type {TransferName[]} */
const downloads = [
  "down_raw",
  "down_pieces",
  "down_pieces_large",
  "down_chunks_64k",
  "down_chunks_1m",
];
/** @type {TransferName[]} */
const uploads = ["up_raw"];

/** @param {string} command @param {string[]} args */
function output(command, args) {
  try {
    return execFileSync(command, args, { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** @typedef {import("../bindings/files/Unit").Unit} Unit */
/** @typedef {import("./probe").Arrivals} Arrivals */

/** @type {Map<string, Series>} every series, by scenario, variant, windows open and bytes */
const series = new Map();

/** Adds `samples` to their series (across launches), which it creates with `unit`.
 * @param {Scenario} scenario @param {string} variant @param {Unit} unit @param {number} windows
 * @param {number[]} samples @param {{ recipients?: number, bytes?: number }} [each] what each
 * sample's call sends: to how many windows, and how many bytes */
function add(scenario, variant, unit, windows, samples, { recipients = 0, bytes = 0 } = {}) {
  const key = `${scenario}/${variant}/${windows}/${bytes}`;
  const known = series.get(key) ?? {
    scenario,
    variant,
    windows,
    recipients,
    bytes,
    unit,
    samples: [],
    perLaunch: [],
  };
  known.samples.push(...samples);
  // How many samples each launch (or start-up) gave, so that a tail can be judged per launch.
  while (known.perLaunch.length <= launchIndex) known.perLaunch.push(0);
  known.perLaunch[launchIndex] = (known.perLaunch[launchIndex] ?? 0) + samples.length;
  series.set(key, known);
}

/** The launch (or, for start-ups, the start-up) that samples come from, counted from 0. */
let launchIndex = 0;

/** How many windows each timed call sends to; `null`: every window open.
 * @type {Record<CallName, number | null>} */
const RECIPIENTS = {
  typed: 0,
  raw: 0,
  core: 0,
  channel: 1,
  event: 1,
  fanout1: 1,
  fanout4: 4,
  fanout8: 8,
  fanout16: 16,
  broadcast: null,
  to_all: null,
};

/** Has main's page time `names` in blocks of `block` calls, `times` rounds, and records them
 * under the variant `rename` gives.
 * @param {App} app @param {Scenario} scenario @param {number} windows @param {CallName[]} names
 * @param {number} block @param {{ times?: number, rename?: (call: string) => string }} [options] */
async function time(app, scenario, windows, names, block, options = {}) {
  const { times = rounds, rename = (call) => call } = options;
  const samples = await probe(app, "main", "timeBlocks", names, times, block);
  for (const [call, taken] of Object.entries(samples)) {
    const recipients = RECIPIENTS[/** @type {CallName} */ (call)] ?? windows;
    add(scenario, rename(call), "ms_per_call", windows, taken, { recipients });
  }
}

/** Has main's page time `names` at every size in `sizes`, and records them in MiB/s.
 * @param {App} app @param {number} windows @param {TransferName[]} names @param {number[]} sizes */
async function timeTransfers(app, windows, names, sizes) {
  const samples = await probe(app, "main", "timeTransfers", names, sizes, transferRounds);
  for (const [key, taken] of Object.entries(samples)) {
    const [variant = key, bytes] = key.split("/");
    const scenario = variant.startsWith("up_") ? "upload" : "download";
    add(scenario, variant, "mib_per_second", windows, taken, { bytes: Number(bytes) });
  }
}

/** Polls `read` until it reports `want` arrivals, or nothing new came for 5 s.
 * @param {() => Promise<Arrivals | null>} read @param {number} want @returns {Promise<Arrivals>} */
async function arrivals(read, want) {
  let last = await read();
  let quietSince = Date.now();
  while (!last || last.received < want) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await read();
    if (now && now.received !== last?.received) quietSince = Date.now();
    last = now;
    if (Date.now() - quietSince > 5000) break;
  }
  if (!last) throw new Error("nothing arrived");
  return last;
}

/** Floods worker-1 from main with `count` messages of text `tag`, `way` given, and waits for
 * worker-1's page to have counted them. Returns when the flood started and what arrived.
 * @param {App} app @param {string} tag @param {"event" | "channel"} transport
 * @param {number} count @param {import("./probe").FloodWay} way @param {number} inFlight */
async function flooded(app, tag, transport, count, way, inFlight) {
  await probe(app, "worker-1", "countInbox", tag);
  const started = await probe(
    app,
    "main",
    "flood",
    "worker-1",
    tag,
    transport,
    count,
    way,
    inFlight,
  );
  const got = await arrivals(() => probe(app, "worker-1", "inboxCounted"), count);
  return { started, got };
}

/** Floods worker-1 from main, `way` given, counted by worker-1's page.
 * @param {App} app @param {string} variant @param {"event" | "channel"} transport
 * @param {number} count @param {import("./probe").FloodWay} way
 * @param {number} windows */
async function floodWorker(app, variant, transport, count, way, windows) {
  const tag = `${variant} ${Date.now()}`;
  const { started, got } = await flooded(app, tag, transport, count, way, IN_FLIGHT);
  const seconds = Math.max(got.lastAt - started, 1) / 1000;
  add("messages", variant, "per_second", windows, [got.distinct / seconds]);
  add("messages", `${variant}:lost`, "count", windows, [count - got.distinct]);
  add("messages", `${variant}:duplicated`, "count", windows, [got.received - got.distinct]);
  add("messages", `${variant}:out_of_order`, "count", windows, [got.outOfOrder]);
}

/** The inspector's trace under `bursts` bursts of `count` messages to worker-1, one after
 * another: entries per second of each, entries lost, and frame times idle and under the loads.
 * Several bursts a launch, because a stall that comes in one burst of several (as WebKit's
 * allocator did, docs/tauri-behaviour.md#allocator-convoy) must show in every launch's p99.
 * @param {App} app @param {number} count @param {number} bursts @param {number} windows */
async function traceLoad(app, count, bursts, windows) {
  await app.in("main", () => app.rawInvoke("open_inspector", {}));
  await app.in("inspector", () => app.waitText("[data-testid=status]", /^ready/, 30000));
  await probe(app, "inspector", "countTrace");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = await probe(app, "inspector", "traceCounted", true);
  add("trace_load", "frames_idle", "ms_per_frame", windows, idle?.frames ?? []);
  for (let n = 0; n < bursts; n++) {
    await probe(app, "inspector", "countTrace");
    const started = await probe(
      app,
      "main",
      "flood",
      "worker-1",
      "trace",
      "channel",
      count,
      "burst",
      1,
    );
    // The burst's entries, and the command's own.
    const got = await arrivals(
      async () => (await probe(app, "inspector", "traceCounted", false))?.arrivals ?? null,
      count + 1,
    );
    const busy = await probe(app, "inspector", "traceCounted", true);
    const seconds = Math.max(got.lastAt - started, 1) / 1000;
    add("trace_load", "entries", "per_second", windows, [got.distinct / seconds]);
    add("trace_load", "entries:lost", "count", windows, [
      got.highest - got.lowest + 1 - got.distinct,
    ]);
    add("trace_load", "frames_busy", "ms_per_frame", windows, busy?.frames ?? []);
  }
  await app.in("main", () => app.rawInvoke("close_window", { label: "inspector" }));
}

/** Main's calls while worker-1 is busy: idle (before and after), then while worker-1 keeps
 * `NEIGHBOUR_CALLS` commands in flight, pulls 100 MiB after 100 MiB, or takes bursts of
 * messages; and worker-1's own rate at each, alone (main idle) and sharing (main calling).
 * @param {App} app @param {number} windows */
async function neighbours(app, windows) {
  const idle = () =>
    time(app, "neighbours", windows, ["raw"], blocks.neighbours, { rename: () => "idle" });
  const pause = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
  await idle();
  for (const kind of /** @type {const} */ (["commands", "pull"])) {
    const unit = kind === "pull" ? "mib_per_second" : "per_second";
    const work = async (/** @type {() => Promise<unknown>} */ during) => {
      await probe(app, "worker-1", "startNoise", kind, NEIGHBOUR_CALLS, neighbourPull);
      await during();
      const done = await probe(app, "worker-1", "stopNoise");
      return done.units / Math.max(done.seconds, 0.001);
    };
    await pause(FORGOTTEN_MS);
    add("neighbours", `${kind}:alone`, unit, windows, [await work(() => pause(aloneMs))]);
    const shared = await work(() =>
      time(app, "neighbours", windows, ["raw"], blocks.neighbours, { rename: () => kind }),
    );
    add("neighbours", `${kind}:shared`, unit, windows, [shared]);
  }
  // Bursts: one alone gives the worker's rate and how long it takes, which then paces the
  // bursts sent while main calls, so that the worker is kept as busy as it can be.
  await pause(FORGOTTEN_MS);
  const aloneTag = `neighbour alone ${Date.now()}`;
  const { started, got: alone } = await flooded(app, aloneTag, "channel", floods.burst, "burst", 1);
  const aloneMsTaken = Math.max(alone.lastAt - started, 1);
  add("neighbours", "burst:alone", "per_second", windows, [alone.distinct / (aloneMsTaken / 1000)]);
  const tag = `neighbour sharing ${Date.now()}`;
  await probe(app, "worker-1", "countInbox", tag);
  await probe(app, "main", "startBursts", "worker-1", tag, floods.burst, aloneMsTaken);
  await time(app, "neighbours", windows, ["raw"], blocks.neighbours, { rename: () => "burst" });
  await probe(app, "main", "stopBursts");
  const got = await probe(app, "worker-1", "inboxCounted");
  if (!got) throw new Error("worker-1 counted no burst");
  add("neighbours", "burst:shared", "per_second", windows, [
    got.distinct / (Math.max(got.lastAt - got.firstAt, 1) / 1000),
  ]);
  // Whatever is still on its way arrives before the idle figure is taken again.
  await arrivals(() => probe(app, "worker-1", "inboxCounted"), got.distinct + 1);
  await idle();
}

/** PSS of the process running `binary`, and of all its descendants, in MiB.
 * @param {string} binary @returns {{ core: number, children: number }} */
function memoryOf(binary) {
  const pid = pidOf(binary);
  if (pid === null) throw new Error(`no process runs ${binary}`);
  const children = descendants(pid).reduce((sum, child) => sum + pssMib(child), 0);
  return { core: pssMib(pid), children };
}

/** Records the memory of `binary` (variant names prefixed by `name`) with `windows` open.
 * @param {string} name @param {string} binary @param {number} windows */
function recordMemory(name, binary, windows) {
  const { core, children } = memoryOf(binary);
  add("memory", `${name} core`, "mib", windows, [core]);
  add("memory", `${name} webviews`, "mib", windows, [children]);
}

/** When the current page set `mark` (`performance.mark`), in epoch ms, or null.
 * @param {App} app @param {string} mark @returns {Promise<number | null>} */
function markedAt(app, mark) {
  return app.browser.execute((/** @type {string} */ mark) => {
    const entry = performance.getEntriesByName(mark)[0];
    return entry ? performance.timeOrigin + entry.startTime : null;
  }, mark);
}

/** Starts `binary`, and records the time from its process's start to the `mark` of its main
 * page, and its memory then. @param {string} name @param {string} binary @param {string} mark */
async function startup(name, binary, mark) {
  const app = await App.start(binary);
  try {
    const pid = pidOf(binary);
    if (pid === null) throw new Error(`no process runs ${binary}`);
    const readyAt = await app.in("main", () => markedAt(app, mark));
    if (readyAt === null) throw new Error(`${name} never marked ${mark}`);
    add("startup", name, "ms", 1, [readyAt - startedAt(pid)]);
    // Its own variant: a launch's figures with one window come later, after some work.
    recordMemory(`${name} at start`, binary, 1);
  } finally {
    await app.stop();
  }
}

/** Opens a worker from main and waits until its page is ready. @param {App} app */
async function openWorker(app) {
  const opened = await app.in("main", () => app.rawInvoke("open_worker", {}));
  if (!opened.ok) throw new Error(`open_worker: ${JSON.stringify(opened)}`);
  await app.in(opened.ok, () => app.waitText("[data-testid=status]", /^ready/, 30000));
}

const began = Date.now();
/** Logs the step the run is at, with the time since it began. @param {string} what */
function step(what) {
  console.log(`bench: ${((Date.now() - began) / 1000).toFixed(0)} s: ${what}`);
}

/** One launch: every scenario once (the event burst in the `first` launch only).
 * @param {App} app @param {boolean} first */
async function launch(app, first) {
  step("calls");
  await time(app, "call", 1, ["typed", "raw", "core"], blocks.precise);

  // Open and closed cannot share a round, so they alternate over several cycles instead, for
  // drift to hit both alike.
  const cycles = smoke ? 1 : 5;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const each = Math.ceil(rounds / cycles);
    await time(app, "inspector", 1, ["raw"], blocks.precise, {
      times: each,
      rename: () => "closed",
    });
    await app.in("main", () => app.rawInvoke("open_inspector", {}));
    await app.in("inspector", () => app.waitText("[data-testid=status]", /^ready/, 30000));
    await time(app, "inspector", 2, ["raw"], blocks.precise, { times: each, rename: () => "open" });
    await app.in("main", () => app.rawInvoke("close_window", { label: "inspector" }));
    await app.waitForWindows(["main"]);
  }

  step("sends by windows open");
  let open = 1;
  for (const windows of windowCounts) {
    for (; open < windows; open++) await openWorker(app);
    recordMemory("switchboard", APP, windows);
    await time(app, "targeted_send", windows, ["channel", "event", "raw"], blocks.sends);
  }
  if (open >= 9) await time(app, "fan_out", open, ["fanout1", "fanout4", "fanout8"], blocks.sends);

  step("floods");
  // A flood's rate varies by a third between floods of one launch: several per launch, so
  // that the p50 is of enough floods to compare two trees by.
  for (let n = 0; n < floods.repeats; n++) {
    await floodWorker(app, "burst_channel", "channel", floods.burst, "burst", open);
    await floodWorker(app, "sends_channel", "channel", floods.sends, "batched", open);
    await floodWorker(app, "sends_unbatched", "channel", floods.sends, "commands", open);
  }
  // As events, 10,000 messages take half a minute with every window listening: once a run.
  if (first) await floodWorker(app, "burst_event", "event", floods.burst, "burst", open);
  step("neighbours");
  await neighbours(app, open);
  step("trace under load");
  await traceLoad(app, floods.burst, floods.repeats, open + 1);

  // Last, so that the memory figures above are not those of a page that has held 100 MiB.
  step("transfers");
  await timeTransfers(app, open, [...downloads, ...uploads], transferSizes);
  await timeTransfers(app, open, ["down_json", "up_json"], jsonSizes);

  // Every window the app allows: 16 workers and the inspector (a smoke stays at 9 windows).
  // Their memory is taken after the restart: here the pages still hold what the transfers
  // left, until their collector frees it.
  step("every window open");
  if (!smoke) {
    for (; open < 17; open++) await openWorker(app);
    await app.in("main", () => app.rawInvoke("open_inspector", {}));
    await app.in("inspector", () => app.waitText("[data-testid=status]", /^ready/, 30000));
    open += 1;
  }
  /** @type {CallName[]} */
  const wide = smoke
    ? ["fanout1", "broadcast", "to_all"]
    : ["fanout1", "fanout16", "broadcast", "to_all"];
  await time(app, "fan_out", open, wide, blocks.sends);
}

/** The windows of the workspace saved in `dataDir`, main included. @param {string} dataDir */
function savedWindows(dataDir) {
  try {
    const saved = JSON.parse(readFileSync(join(dataDir, "workspace.json"), "utf8"));
    return ["main", ...saved.windows];
  } catch {
    return [];
  }
}

/** Stops `app` once its workspace file lists every window it has open, starts it again on the
 * same folder, and records the time from the new process's start to the last restored page's
 * `switchboard:ready` mark, and the memory of the restored app. @param {App} app */
async function restart(app) {
  const open = (await app.labels()).sort();
  await app.browser.waitUntil(
    async () => JSON.stringify(savedWindows(app.dataDir).sort()) === JSON.stringify(open),
    { timeout: 10000, timeoutMsg: `the workspace file never listed ${open.join(", ")}` },
  );
  await app.stop();
  const again = await App.start(APP, app.dataDir);
  try {
    const pid = pidOf(APP);
    if (pid === null) throw new Error(`no process runs ${APP}`);
    const start = startedAt(pid);
    await again.waitForWindows(open);
    let last = 0;
    for (const label of open) {
      const readyAt = await again.in(label, async () => {
        await again.waitText("[data-testid=status]", /^ready/, 30000);
        return markedAt(again, "switchboard:ready");
      });
      if (readyAt === null) throw new Error(`${label} was ready without its mark`);
      last = Math.max(last, readyAt - start);
    }
    add("restart", "windows ready", "ms", open.length, [last]);
    recordMemory("restarted", APP, open.length);
  } finally {
    await again.stop();
  }
}

const started = new Date().toISOString();
// Read before the run writes anything (its results go into docs/).
const commit = output("git", ["rev-parse", "HEAD"]);
const clean = output("git", ["status", "--porcelain"]) === "";
await startDriver();
try {
  if (!HELLO) throw new Error("SWITCHBOARD_BENCH_HELLO names no hello-world app");
  for (let n = 1; n <= startups; n++) {
    step(`start-up ${n} of ${startups}`);
    launchIndex = n - 1;
    await startup("hello", HELLO, "hello:ready");
    await startup("switchboard", APP, "switchboard:ready");
  }
  for (let n = 1; n <= launches; n++) {
    step(`launch ${n} of ${launches}`);
    launchIndex = n - 1;
    const app = await App.start();
    try {
      // A scenario's blocks run in one script; with many windows open that takes minutes.
      await app.browser.setTimeout({ script: 10 * 60_000 });
      await launch(app, n === 1);
      step("restart");
      await restart(app);
    } finally {
      await app.stop();
    }
  }
} finally {
  await stopDriver();
}

/** @type {BenchRun} */
const run = {
  started,
  smoke,
  profile: values.profile ?? "release",
  launches,
  commit,
  clean,
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    kernel: output("uname", ["-sr"]),
    webkitgtk: output("pkg-config", ["--modversion", "webkit2gtk-4.1"]),
    compositing: process.env.WEBKIT_DISABLE_COMPOSITING_MODE !== "1",
  },
  series: [...series.values()],
};
writeFileSync(values.out, `${JSON.stringify(run, null, 2)}\n`);
console.log(`bench: wrote ${values.out}`);
