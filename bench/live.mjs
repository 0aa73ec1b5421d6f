// @ts-check
// `npm run bench -- --live`: how long live bindings take, as a developer meets them. Starts
// `tauri dev` (on the display bench.sh gives), waits until the app and the type checker
// are ready, then LIVE_SAVES times (6 unless given): changes `greet`'s argument from `String`
// to `u32` in crates/commands/src/greeting.rs, as the docs suggest, and times from the save
// to the first type error in the terminal and to the overlay in a window of the restarted app;
// puts the file back and times to `types ok`; waits for the app to come back. Prints each
// save's figures and their medians; changes nothing else, and restores the file on any exit.

import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stripVTControlCharacters } from "node:util";

const root = join(import.meta.dirname, "..");
const file = join(root, "crates/commands/src/greeting.rs");
const saves = Number(process.env.LIVE_SAVES ?? 6);
const original = readFileSync(file, "utf8");
const changed = original
  .replace("name: String,", "name: u32,")
  .replace("make_greeting(&name,", "make_greeting(&name.to_string(),");
if (changed === original || changed.split("u32").length !== original.split("u32").length + 1)
  throw new Error("greeting.rs no longer has the argument this measures: update bench/live.mjs");

const restore = () => writeFileSync(file, original);
process.on("exit", restore);

// Everything `tauri dev` prints (the dev server's, cargo's and the app's), without colours.
let output = "";
const dev = spawn("npx", ["tauri", "dev"], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
for (const stream of [dev.stdout, dev.stderr])
  stream.on("data", (chunk) => {
    output += stripVTControlCharacters(String(chunk));
  });
const stop = () => {
  try {
    process.kill(-(dev.pid ?? 0), "SIGTERM");
  } catch {}
};
process.on("exit", stop);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(1));

/** Waits until `done()`, checking every 20 ms. */
async function until(/** @type {() => boolean} */ done, /** @type {string} */ what, limit = 600) {
  const start = performance.now();
  while (!done()) {
    if (dev.exitCode !== null)
      throw new Error(
        `tauri dev exited while waiting for ${what}; it printed:\n${output.slice(-3000)}`,
      );
    if (performance.now() - start > limit * 1000) {
      throw new Error(`no ${what} after ${limit} s; tauri dev printed:\n${output.slice(-3000)}`);
    }
    await sleep(20);
  }
}

/** Whether a window titled Switchboard is on the display. */
const mainOpen = () => spawnSync("xdotool", ["search", "--name", "^Switchboard$"]).status === 0;

/** The output printed since `mark` (an index into it). */
const since = (/** @type {number} */ mark) => output.slice(mark);

console.log("live: starting npm run tauri dev (the first start compiles what is stale)");
await until(() => output.includes("types ok") && mainOpen(), "app and type checker", 1800);
// Let the start settle: the first regeneration and the app's first page loads.
await sleep(3000);

/** @type {{ error: number, overlay: number, ok: number }[]} */
const runs = [];
for (let i = 1; i <= saves; i++) {
  let mark = output.length;
  const start = performance.now();
  writeFileSync(file, changed);
  await until(() => since(mark).includes("error TS2345"), "type error in the terminal");
  const error = (performance.now() - start) / 1000;
  // A window of the app that cargo started again loaded and asked for the overlay
  // (scripts/live-bindings.mjs says so), not one of the app that was running.
  const restarted = () => {
    const text = since(mark);
    const started = text.indexOf("Running `");
    return started >= 0 && text.indexOf("[live-bindings] a window loaded: shown", started) >= 0;
  };
  await until(restarted, "the overlay in the restarted app");
  const overlay = (performance.now() - start) / 1000;

  mark = output.length;
  const back = performance.now();
  restore();
  await until(() => since(mark).includes("types ok"), "types ok");
  const ok = (performance.now() - back) / 1000;
  // The app comes back (rebuilt) before the next save, as a developer would wait for it.
  await until(() => since(mark).includes("Running `") && mainOpen(), "the app back");
  await sleep(3000);
  runs.push({ error, overlay, ok });
  const f = (/** @type {number} */ s) => `${s.toFixed(1)} s`;
  console.log(`live: save ${i}: type error ${f(error)}, overlay ${f(overlay)}, types ok ${f(ok)}`);
}

const median = (/** @type {number[]} */ xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const summary = /** @type {const} */ (["error", "overlay", "ok"]).map((key) => {
  const xs = runs.map((r) => r[key]);
  return `${key} median ${median(xs).toFixed(1)} s (${Math.min(...xs).toFixed(1)} to ${Math.max(...xs).toFixed(1)})`;
});
console.log(
  `live: ${saves} saves on ${new Date().toISOString().slice(0, 10)}: ${summary.join(", ")}`,
);
process.exit(0);
