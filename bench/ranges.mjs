// @ts-check
// `npm run bench -- --ranges`: where a pull's cost to the other windows comes from. Opens
// worker-1 and has it pull 100 MiB after 100 MiB with each range size and number in flight
// given (RANGES, a JSON list of [bytes, inFlight]; `pull`'s own setting unless given), first
// alone for three seconds, then while main times `counter_get` in 20 blocks of 20 calls.
// Prints main's p50 and p99 per call against idle, and the pull's MiB/s alone and sharing.
// An entry ["loopback", inFlight] fetches the same 100 MiB over plain HTTP from a server this
// runner starts on 127.0.0.1 instead: WebKit's network process then carries the bytes, and the
// core's main thread never sees them (scripts/bench.sh lets this build's pages connect there).
// No goal, no report: it is for choosing `pull`'s setting and judging the bulk lane
// (docs/tauri-behaviour.md#bulk-on-the-main-thread).

import { Worker } from "node:worker_threads";
import { APP, App, startDriver, stopDriver } from "../tests/e2e/harness.mjs";
import { probe } from "./probes.mjs";

const MiB = 1 << 20;
const PULL = 100 * MiB;
/** @type {[number | "loopback", number][]} */
const settings = JSON.parse(
  process.env.RANGES ??
    '[[262144, 4], [1048576, 8], ["loopback", 2], [262144, 4], ["loopback", 2]]',
);

/** Serves `PULL` bytes to any GET on 127.0.0.1, 1 MiB a write, from a thread of its own (on
 * this runner's event loop, busy with WebDriver, it served half as fast); resolves to its URL. */
function loopbackServer() {
  const serve = `
    const { createServer } = require("node:http");
    const { parentPort, workerData: size } = require("node:worker_threads");
    const MiB = 1 << 20;
    const body = Buffer.alloc(size, "switchboard");
    const server = createServer(async (_request, response) => {
      response.writeHead(200, {
        "access-control-allow-origin": "*",
        "content-type": "application/octet-stream",
        "content-length": size,
      });
      for (let at = 0; at < size; at += MiB) {
        if (!response.write(body.subarray(at, at + MiB))) {
          await new Promise((drained) => response.once("drain", drained));
        }
      }
      response.end();
    });
    server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
  `;
  const thread = new Worker(serve, { eval: true, workerData: PULL });
  thread.unref();
  return new Promise((listening, failed) => {
    thread.once("message", (port) => listening(`http://127.0.0.1:${port}/`));
    thread.once("error", failed);
  });
}

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

/** MiB/s of worker-1's pulls (or fetches from `url`) while `during` runs. @param {App} app
 * @param {{ inFlight: number, piece?: number, whole?: number }} options @param {string} url
 * @param {() => Promise<unknown>} during */
async function pulling(app, options, url, during) {
  const kind = url ? "fetch" : "pull";
  await probe(app, "worker-1", "startNoise", kind, options.inFlight, PULL, options, url);
  const result = await during();
  const work = await probe(app, "worker-1", "stopNoise");
  return { rate: work.units / Math.max(work.seconds, 0.001), result };
}

const loopback = await loopbackServer();
await startDriver();
const app = await App.start(APP);
try {
  const opened = await app.in("main", () => app.rawInvoke("open_worker", {}));
  await app.in(opened.ok, () => app.waitText("[data-testid=status]", /^ready/, 30000));
  const idle = await mainCalls(app);
  console.log(`idle: main p50 ${idle.p50.toFixed(2)} ms, p99 ${idle.p99.toFixed(2)} ms`);
  for (const [piece, inFlight] of settings) {
    const url = piece === "loopback" ? loopback : "";
    const options = piece === "loopback" ? { inFlight } : { piece, inFlight, whole: piece };
    const alone = await pulling(app, options, url, () => new Promise((r) => setTimeout(r, 3000)));
    const shared = await pulling(app, options, url, () => mainCalls(app));
    const calls = /** @type {{ p50: number, p99: number }} */ (shared.result);
    const what =
      piece === "loopback" ? `loopback HTTP x ${inFlight}` : `${piece >> 10} KiB x ${inFlight}`;
    console.log(
      `${what}: main p50 ${calls.p50.toFixed(2)} ms ` +
        `(${(calls.p50 / idle.p50).toFixed(2)}x), p99 ${calls.p99.toFixed(2)} ms ` +
        `(${(calls.p99 / idle.p99).toFixed(2)}x); pull alone ${alone.rate.toFixed(0)} MiB/s, ` +
        `sharing ${shared.rate.toFixed(0)} MiB/s (${(shared.rate / alone.rate).toFixed(2)}x)`,
    );
  }
} finally {
  await app.stop();
  await stopDriver();
}
