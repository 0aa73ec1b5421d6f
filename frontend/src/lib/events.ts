//! Events, the only way pages touch them. Each function accepts only the events whose route
//! (declared once in Rust, generated into `bindings/events.ts`) allows it:
//! - {@link listenHere}: what Rust sends (broadcast or targeted) and notes from other pages,
//!   heard in this window only. A global `listen` would also hear events targeted at other
//!   windows (docs/tauri-behaviour.md#global-listen), so there is none.
//! - {@link sendNote} / {@link emitTo}: a page-to-page event to one window, by typed label.
//! - {@link emitToCore}: a page-to-Rust event, to Rust alone (no page listener hears it).
//!
//! Rust reaches a page two ways, and {@link listenHere} hears both: Tauri's `emit_to`
//! (routing: a page with raw IPC access can overhear it) and the page's own Channel, handed to
//! Rust by {@link announceReady} (private: only this page receives it).
//!
//! There is no unlisten: Tauri's removes listener ids from every window
//! (docs/tauri-behaviour.md#unlisten-is-global), so no page is granted it, and a page's
//! listeners live as long as the page. A page's `boot()` (boot.ts) calls {@link announceReady}
//! once its listeners are registered; Rust holds targeted events until then
//! (docs/tauri-behaviour.md#lost-before-listening).

import { Channel } from "@tauri-apps/api/core";
import { emitTo as tauriEmitTo } from "@tauri-apps/api/event";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import { type EventSpec, events } from "../../../bindings/events";
import type { Delivery, ReadyReport } from "../../../bindings/ipc";
import { unwrap } from "./ipc";
import type { WindowLabel } from "./labels";
import { currentLabel } from "./labels";
import { pluginCommands } from "./plugin";

/** Events a page may listen to: whatever Rust sends, and notes from other pages. */
export type Heard<T> = EventSpec<T, "broadcast" | "targeted" | "page_to_page">;

/** What this page does with each event that comes over its own Channel, by event name. */
const privateHandlers = new Map<string, ((payload: unknown) => void)[]>();

/** Listens to `event` in this window only, whichever way Rust sends it; resolves once Tauri
 * has registered the listener. */
export async function listenHere<T>(event: Heard<T>, handler: (payload: T) => void): Promise<void> {
  // Over the Channel the payload is the JSON Rust made of this event's type.
  const fromChannel = (payload: unknown) => handler(payload as T);
  privateHandlers.set(event.name, [...(privateHandlers.get(event.name) ?? []), fromChannel]);
  await getCurrentWebviewWindow().listen<T>(event.name, (e) => handler(e.payload));
}

/** Page to page: sends `payload` to the window `to` only. */
export function emitTo<T>(
  event: EventSpec<T, "page_to_page">,
  to: WindowLabel,
  payload: T,
): Promise<void> {
  return tauriEmitTo(to, event.name, payload);
}

/** Page to Rust: sends `payload` to the core; the target `App` reaches no page's listener. */
export function emitToCore<T>(event: EventSpec<T, "to_core">, payload: T): Promise<void> {
  return tauriEmitTo({ kind: "App" }, event.name, payload);
}

/** Tells Rust that this page's listeners are registered, so held events may come, and hands
 * it this page's private Channel. */
export async function announceReady(): Promise<ReadyReport<WindowLabel>> {
  // Each message is a batch: what Rust sent while the main thread was busy, oldest first.
  const inbox = new Channel<Delivery[]>();
  inbox.onmessage = (batch) => {
    for (const delivery of batch) {
      for (const handle of privateHandlers.get(delivery.name) ?? []) {
        // A handler that throws must not cost the rest of the batch; its error is still
        // reported, as an uncaught one.
        try {
          handle(delivery.payload);
        } catch (e) {
          queueMicrotask(() => {
            throw e;
          });
        }
      }
    }
  };
  const report = await unwrap(pluginCommands.windowReady(inbox));
  // For devtools' timeline and `npm run bench`'s start-up figure.
  performance.mark("switchboard:ready");
  return report;
}

/** Page to page: a note to another window, signed with this window's label. */
export function sendNote(to: WindowLabel, text: string): Promise<void> {
  return emitTo(events.directNote, to, { from: currentLabel(), text });
}

/** Page to Rust: a note to the core, which acknowledges it to `main`. */
export function noteToCore(text: string): Promise<void> {
  return emitToCore(events.noteToCore, { text });
}
