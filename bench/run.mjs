// @ts-check
// The runner of `npm run bench`: starts the app (built by scripts/bench.sh with the timing loops
// of frontend/src/lib/bench.ts) through tauri-driver, several times, has main's page time each
// scenario, and writes every sample to a results file, typed by bindings/files/BenchRun.ts.
// `--smoke`: tiny sizes and one launch, so that `npm test` keeps the harness working.

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { App, startDriver, stopDriver } from "../tests/e2e/harness.mjs";

/** @typedef {import("../bindings/files/BenchRun").BenchRun} BenchRun */
/** @typedef {import("../bindings/files/Series").Series} Series */
/** @typedef {import("../bindings/files/Scenario").Scenario} Scenario */
/** @typedef {import("../frontend/src/lib/bench").CallName} CallName */
/** @typedef {import("../frontend/src/lib/bench").TransferName} TransferName */

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
const rounds = smoke ? 2 : Number(process.env.BENCH_ROUNDS ?? 25);
// Calls per block: `performance.now()` ticks in whole milliseconds here, so a block of 100
// sub-millisecond calls resolves 0.01 ms; sends cost milliseconds and need fewer.
const blocks = smoke ? { calls: 5, sends: 5 } : { calls: 100, sends: 20 };
// Ends with 9 windows open even in a smoke, so that the fan-out runs there too.
const windowCounts = smoke ? [1, 9] : [1, 3, 9];
const KiB = 1024;
const MiB = 1024 * KiB;
// JSON stops at 10 MiB (100 MiB is some 370 MB of JSON text per call).
const transferSizes = smoke ? [KiB, MiB] : [KiB, 64 * KiB, MiB, 10 * MiB];
const largest = smoke ? [] : [100 * MiB];
const transferRounds = smoke ? 1 : 5;
/** @type {TransferName[]} */
const downloads = ["down_raw", "down_pieces", "down_pieces_4", "down_chunks_64k", "down_chunks_1m"];
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

/** @type {Map<string, Series>} every series, by scenario, variant and windows open */
const series = new Map();

/** How many windows each timed call sends to. @type {Record<CallName, number>} */
const RECIPIENTS = {
  typed: 0,
  raw: 0,
  core: 0,
  channel: 1,
  event: 1,
  fanout1: 1,
  fanout4: 4,
  fanout8: 8,
};

/** Adds `samples` to their series, across launches, under the variant `rename` gives.
 * @param {Scenario} scenario @param {number} windows @param {Record<string, number[]>} samples
 * @param {(call: string) => string} [rename] */
function record(scenario, windows, samples, rename = (call) => call) {
  for (const [call, taken] of Object.entries(samples)) {
    const variant = rename(call);
    const key = `${scenario}/${variant}/${windows}`;
    const known = series.get(key) ?? {
      scenario,
      variant,
      windows,
      recipients: RECIPIENTS[/** @type {CallName} */ (call)],
      bytes: 0,
      unit: "ms_per_call",
      samples: [],
    };
    known.samples.push(...taken);
    series.set(key, known);
  }
}

/** @typedef {{ samples?: Record<string, number[]>, failed?: string }} Timed */

/** In main's page: times transfers, answers through `done`.
 * @param {TransferName[]} names @param {number[]} sizes @param {number} rounds
 * @param {(timed: Timed) => void} done */
function transferInPage(names, sizes, rounds, done) {
  const bench = window.__switchboardBench;
  if (!bench) return done({ failed: "not a bench build: no window.__switchboardBench" });
  bench.timeTransfers(names, sizes, rounds).then(
    (samples) => done({ samples }),
    (e) => done({ failed: String(e) }),
  );
}

/** Has main's page time `names` at every size in `sizes`, and records them in MiB/s.
 * @param {App} app @param {TransferName[]} names @param {number[]} sizes */
async function timeTransfers(app, names, sizes) {
  if (sizes.length === 0) return;
  /** @type {Timed} */
  const answer = await app.in("main", () =>
    app.browser.executeAsync(transferInPage, names, sizes, transferRounds),
  );
  if (!answer.samples) throw new Error(`transfers ${names.join(", ")} failed: ${answer.failed}`);
  for (const [key, samples] of Object.entries(answer.samples)) {
    const [variant = key, bytes] = key.split("/");
    const scenario = variant.startsWith("up_") ? "upload" : "download";
    const known = series.get(key) ?? {
      scenario,
      variant,
      windows: 1,
      recipients: 0,
      bytes: Number(bytes),
      unit: "mib_per_second",
      samples: [],
    };
    known.samples.push(...samples);
    series.set(key, known);
  }
}

/** In main's page: runs the timing loops, answers through `done`.
 * @param {CallName[]} names @param {number} rounds @param {number} block
 * @param {(timed: Timed) => void} done */
function timeInPage(names, rounds, block, done) {
  const bench = window.__switchboardBench;
  if (!bench) return done({ failed: "not a bench build: no window.__switchboardBench" });
  bench.timeBlocks(names, rounds, block).then(
    (samples) => done({ samples }),
    (e) => done({ failed: String(e) }),
  );
}

/** Has main's page time `names` in blocks of `block` calls, `times` rounds.
 * @param {App} app @param {CallName[]} names @param {number} block @param {number} [times]
 * @returns {Promise<Record<string, number[]>>} */
async function time(app, names, block, times = rounds) {
  /** @type {Timed} */
  const answer = await app.in("main", () =>
    app.browser.executeAsync(timeInPage, names, times, block),
  );
  if (!answer.samples) throw new Error(`timing ${names.join(", ")} failed: ${answer.failed}`);
  return answer.samples;
}

/** Opens a worker from main and waits until its page is ready. @param {App} app */
async function openWorker(app) {
  const opened = await app.in("main", () => app.rawInvoke("open_worker", {}));
  if (!opened.ok) throw new Error(`open_worker: ${JSON.stringify(opened)}`);
  await app.in(opened.ok, () => app.waitText("#status", /^ready/, 30000));
}

/** One launch: every scenario once. @param {App} app */
async function launch(app) {
  record("call", 1, await time(app, ["typed", "raw", "core"], blocks.calls));
  await timeTransfers(app, [...downloads, "down_json", ...uploads, "up_json"], transferSizes);
  await timeTransfers(app, [...downloads, ...uploads], largest);

  // Open and closed cannot share a round, so they alternate over several cycles instead, for
  // drift to hit both alike.
  const cycles = smoke ? 1 : 5;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const each = Math.ceil(rounds / cycles);
    record("inspector", 1, await time(app, ["raw"], blocks.calls, each), () => "closed");
    await app.in("main", () => app.rawInvoke("open_inspector", {}));
    await app.in("inspector", () => app.waitText("#status", /^ready/, 30000));
    record("inspector", 2, await time(app, ["raw"], blocks.calls, each), () => "open");
    await app.in("main", () => app.rawInvoke("close_window", { label: "inspector" }));
    await app.waitForWindows(["main"]);
  }

  let open = 1;
  for (const windows of windowCounts) {
    for (; open < windows; open++) await openWorker(app);
    record("targeted_send", windows, await time(app, ["channel", "event", "raw"], blocks.sends));
  }
  if (open >= 9)
    record("fan_out", open, await time(app, ["fanout1", "fanout4", "fanout8"], blocks.sends));
}

const started = new Date().toISOString();
await startDriver();
try {
  for (let n = 1; n <= launches; n++) {
    console.log(`bench: launch ${n} of ${launches}`);
    const app = await App.start();
    try {
      // A scenario's blocks run in one script; with many windows open that takes minutes.
      await app.browser.setTimeout({ script: 10 * 60_000 });
      await launch(app);
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
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    kernel: output("uname", ["-sr"]),
    webkitgtk: output("pkg-config", ["--modversion", "webkit2gtk-4.1"]),
  },
  series: [...series.values()],
};
writeFileSync(values.out, `${JSON.stringify(run, null, 2)}\n`);
console.log(`bench: wrote ${values.out}`);
