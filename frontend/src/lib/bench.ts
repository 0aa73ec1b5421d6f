//! Timing loops for `npm run bench`, run inside a page. Installed only in bench builds
//! (`vite build --mode bench`, made by scripts/bench.sh): the pages that ship do not contain it.
//!
//! `performance.now()` is coarse in this webview (whole milliseconds have been seen), so each
//! figure times a block of sequential calls, not one call.

import { invoke } from "@tauri-apps/api/core";
import { commands, type WindowLabel } from "../../../bindings/ipc";
// A failed call throws, so that it cannot pass for a fast one.
import { unwrap } from "./ipc";

const toMain = { to: "one", label: "main" } as const;

/** `worker-1` to `worker-<count>`: the runner opens them before it times a fan-out. */
function firstWorkers(count: number): WindowLabel[] {
  return Array.from({ length: count }, (_, i) => `worker-${i + 1}` as WindowLabel);
}

/** One message over the Channels of the first `count` workers. */
function fanOut(count: number): () => Promise<unknown> {
  const audience = { to: "some", labels: firstWorkers(count) } as const;
  return () => unwrap(commands.sendMessage(audience, "bench", "channel"));
}

/** The calls the runner can time, by name. Each is one round trip. */
const calls = {
  /** The generated binding of `counter_get`. */
  typed: () => unwrap(commands.counterGet()),
  /** Tauri's raw `invoke` of the same command. */
  raw: () => invoke("counter_get"),
  /** A command of Tauri's core: an event to Rust that nothing listens to. */
  core: () =>
    invoke("plugin:event|emit_to", { target: { kind: "App" }, event: "bench", payload: null }),
  /** A message to main, over main's own Channel. */
  channel: () => unwrap(commands.sendMessage(toMain, "bench", "channel")),
  /** The same message over Tauri's `emit_to`. */
  event: () => unwrap(commands.sendMessage(toMain, "bench", "event")),
  /** One message to worker-1, over its Channel. */
  fanout1: fanOut(1),
  /** One message to worker-1 to worker-4. */
  fanout4: fanOut(4),
  /** One message to worker-1 to worker-8. */
  fanout8: fanOut(8),
} satisfies Record<string, () => Promise<unknown>>;

/** The name of a call the runner can time. */
export type CallName = keyof typeof calls;

/** Runs one warm-up round, then `rounds` rounds; in each, every call runs a block of `block`
 * sequential calls, in an order rotated each round so that noise hits all of them alike.
 * Returns the milliseconds per call of each block, by call name. */
export async function timeBlocks(
  names: CallName[],
  rounds: number,
  block: number,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = -1; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + 1 + i) % names.length] as CallName;
      const call = calls[name];
      const start = performance.now();
      for (let n = 0; n < block; n++) await call();
      const perCall = (performance.now() - start) / block;
      if (round >= 0) samples[name]?.push(perCall);
    }
  }
  return samples;
}

declare global {
  interface Window {
    /** Set in bench builds only. */
    __switchboardBench?: { timeBlocks: typeof timeBlocks };
  }
}

/** Makes the timing loops reachable from the runner's scripts. */
export function install(): void {
  window.__switchboardBench = { timeBlocks };
}
