/**
 * @module The plugin's commands (`plugin:switchboard|<name>`), answering as {@link typedError}
 * does. Each is granted by the capability permission `switchboard:allow-<name>`; the plugin's
 * `default` set grants `window_ready` alone.
 */

import { type Channel, invoke } from "@tauri-apps/api/core";
import { typedError } from "./result.js";
import type { Delivery, ReadyReport, Sent, SwitchboardError, TraceEntry } from "./types.js";

/** The plugin's commands, by their names in TypeScript (`plugin:switchboard|` and the name in
 * snake case to Tauri): the same list as the Rust crate's `COMMANDS`. */
export const PLUGIN_COMMANDS = ["windowReady", "subscribeTrace", "relay"] as const;

/** Announces that this page's listeners are registered and hands over `inbox`, its own
 * Channel: what was held for the window comes now, in order. Pages call it through
 * `announceReady` or `boot`, which also dispatch what the inbox receives. */
export function windowReady<L>(inbox: Channel<Delivery[]>) {
  return typedError<ReadyReport<L>, SwitchboardError<L>>(
    invoke("plugin:switchboard|window_ready", { inbox }),
  );
}

/** Streams the trace to `onEntries` in batches, the kept entries first; answers how many kept
 * entries were sent. A window has one subscription: a new one replaces the old. */
export function subscribeTrace<L, A, K>(onEntries: Channel<TraceEntry<L, A, K>[]>) {
  return typedError<number, SwitchboardError<L>>(
    invoke("plugin:switchboard|subscribe_trace", { onEntries }),
  );
}

/** Sends `payload` as the page-to-page event `event` to window `to`, over that window's own
 * Channel, with this window's label as its sender (stamped by the core). Pages call it through
 * `emitTo`, which types `event` and `payload`. */
export function relay<L>(to: L, event: string, payload: unknown) {
  return typedError<Sent<L>, SwitchboardError<L>>(
    invoke("plugin:switchboard|relay", { to, event, payload }),
  );
}
