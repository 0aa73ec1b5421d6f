/**
 * @module The plugin's commands (`plugin:switchboard|<name>`), answering as {@link typedError}
 * does. Each is granted by the capability permission `switchboard:allow-<name>`; the plugin's
 * `default` set grants `window_ready` alone.
 */

import { type Channel, invoke } from "@tauri-apps/api/core";
import { typedError } from "./result.js";
import type { Delivery, ReadyReport, SwitchboardError, TraceEntry } from "./types.js";

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
