// @ts-check
// `npm run bench -- --ranges`: where a pull's cost to the other windows comes from. Opens
// worker-1 and has it pull 100 MiB after 100 MiB with each range size and number in flight
// given (RANGES, a JSON list of [bytes, inFlight]; `pull`'s own setting unless given), first
// alone for three seconds, then while main times `counter_get` in 20 blocks of 20 calls.
// Prints main's p50 and p99 per call against idle, and the pull's MiB/s alone and sharing.
// No goal, no report: it is for choosing `pull`'s setting and judging the bulk lane
// (docs/tauri-behaviour.md#bulk-on-the-main-thread).

import { APP, App, startDriver, stopDriver } from "../tests/e2e/harness.mjs";
import { probe } from "./probes.mjs";

const MiB = 1 << 20;
/** @type {[number, number][]} */
const settings = JSON.parse(process.env.RANGES ?? "[[262144, 4], [1048576, 8]]");

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

/** Main's ms per `counter_get`, in 20 blocks of 20. @param {App} app */
async function mainCalls(app) {
  const blocks = /** @type {number[]} */ (
    (await probe(app, "main", "timeBlocks", ["raw"], 20, 20)).raw
  );
  return { p50: quantile(blocks, 0.5), p99: quantile(blocks, 0.99) };
}

/** MiB/s of worker-1's pulls while `during` runs. @param {App} app
 * @param {Record<string, number>} options @param {() => Promise<unknown>} during */
async function pulling(app, options, during) {
  await probe(app, "worker-1", "startNoise", "pull", 1, 100 * MiB, options);
  const result = await during();
  const work = await probe(app, "worker-1", "stopNoise");
  return { rate: work.units / Math.max(work.seconds, 0.001), result };
}

await startDriver();
const app = await App.start(APP);
try {
  const opened = await app.in("main", () => app.rawInvoke("open_worker", {}));
  await app.in(opened.ok, () => app.waitText("[data-testid=status]", /^ready/, 30000));
  const idle = await mainCalls(app);
  console.log(`idle: main p50 ${idle.p50.toFixed(2)} ms, p99 ${idle.p99.toFixed(2)} ms`);
  for (const [piece, inFlight] of settings) {
    const options = { piece, inFlight, whole: piece };
    const alone = await pulling(app, options, () => new Promise((r) => setTimeout(r, 3000)));
    const shared = await pulling(app, options, () => mainCalls(app));
    const calls = /** @type {{ p50: number, p99: number }} */ (shared.result);
    console.log(
      `${piece >> 10} KiB x ${inFlight}: main p50 ${calls.p50.toFixed(2)} ms ` +
        `(${(calls.p50 / idle.p50).toFixed(2)}x), p99 ${calls.p99.toFixed(2)} ms ` +
        `(${(calls.p99 / idle.p99).toFixed(2)}x); pull alone ${alone.rate.toFixed(0)} MiB/s, ` +
        `sharing ${shared.rate.toFixed(0)} MiB/s (${(shared.rate / alone.rate).toFixed(2)}x)`,
    );
  }
} finally {
  await app.stop();
  await stopDriver();
}
