/**
 * @module The Switchboard plugin's commands (`plugin:switchboard|<name>`), typed and answering
 * as the generated commands do: `{ status: "ok", data }` or `{ status: "error", error }`, where
 * `error` is the plugin's error (`window_not_found`, `forbidden` or `internal`, shaped as an
 * `AppError`) or Tauri's own rejection. Each is granted by `switchboard:allow-<name>`.
 */

import { type Channel, invoke } from "@tauri-apps/api/core";
import {
  type AppError,
  type Delivery,
  type ReadyReport,
  typedError,
  type WindowLabel,
} from "../../../bindings/ipc";
import type { TraceEntry } from "./ipc";

export const pluginCommands = {
  /** Announces that this page's listeners are registered and hands over `inbox`, its own
   * Channel: what was held for the window comes now, in order, then the window list. */
  windowReady: (inbox: Channel<Delivery[]>) =>
    typedError<ReadyReport<WindowLabel>, AppError>(
      invoke("plugin:switchboard|window_ready", { inbox }),
    ),
  /** Streams the trace to `onEntries` in batches, the kept entries first; answers how many
   * kept entries were sent. A window has one subscription: a new one replaces the old. */
  subscribeTrace: (onEntries: Channel<TraceEntry[]>) =>
    typedError<number, AppError>(invoke("plugin:switchboard|subscribe_trace", { onEntries })),
};
