/**
 * @module tauri-plugin-switchboard-api: the page side of tauri-plugin-switchboard. Typed by the
 * app's generated bindings (its event list and its window label type):
 *
 * ```ts
 * import { pageApi } from "tauri-plugin-switchboard-api";
 * import { events } from "../bindings/events";
 * import type { Label } from "../bindings/ipc";
 *
 * const page = pageApi<Label>();
 * await page.boot({ notes: () => page.listenHere(events.noteAdded, show) });
 * await page.emitTo(events.directNote, "note-2", { text: "hi" });
 * ```
 *
 * The typed multi-window mock, for unit tests, is the separate entry
 * `tauri-plugin-switchboard-api/testing`.
 */

export { batched } from "./batch.js";
export { PLUGIN_COMMANDS, relay, subscribeTrace, windowReady } from "./commands.js";
export type { Booted, Handler, Heard, HeardRoute, PageApi, Ready, Relayed } from "./events.js";
export { pageApi } from "./events.js";
export { typedError } from "./result.js";
export type {
  Delivery,
  EventSpec,
  LogLevel,
  ReadyReport,
  Rejection,
  Result,
  Route,
  Sent,
  SwitchboardError,
  TraceEntry,
  Transport,
} from "./types.js";
