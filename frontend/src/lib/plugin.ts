/**
 * @module The Switchboard plugin's commands (`plugin:switchboard|<name>`), by this app's types,
 * answering as the generated commands do: `{ status: "ok", data }` or `{ status: "error", error }`,
 * where `error` is the plugin's error (`window_not_found`, `forbidden`, `not_a_label`,
 * `not_a_page_event`, `invalid_payload` or `internal`) or Tauri's own rejection. Each is granted by `switchboard:allow-<name>`.
 */

import type { Channel } from "@tauri-apps/api/core";
import { relay, subscribeTrace, windowReady } from "tauri-plugin-switchboard-api";
import type { Delivery, WindowLabel } from "../../../bindings/ipc";
import type { TraceEntry } from "./ipc";

export const pluginCommands = {
  /** Announces that this page's listeners are registered and hands over `inbox`, its own
   * Channel: what was held for the window comes now, in order, then the window list. */
  windowReady: (inbox: Channel<Delivery[]>) => windowReady<WindowLabel>(inbox),
  /** Streams the trace to `onEntries` in batches, the kept entries first; answers how many
   * kept entries were sent. A window has one subscription: a new one replaces the old. */
  subscribeTrace: (onEntries: Channel<TraceEntry[]>) => subscribeTrace(onEntries),
  /** Relays a page-to-page event to window `to`, signed with this window's label; pages call
   * it through `emitTo`, which types the event and its payload. */
  relay: (to: WindowLabel, event: string, payload: unknown) => relay(to, event, payload),
};
