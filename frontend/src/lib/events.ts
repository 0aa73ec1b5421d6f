//! Events, the only way pages touch them. Each function accepts only the events whose route
//! (declared once in Rust, generated into `bindings/events.ts`) allows it:
//! - {@link listenHere}: what Rust sends (broadcast or targeted) and notes from other pages,
//!   heard in this window only. A global `listen` would also hear events targeted at other
//!   windows (docs/tauri-behaviour.md#global-listen), so there is none.
//! - {@link sendNote} / {@link emitTo}: a page-to-page event to one window, by typed label.
//! - {@link emitToCore}: a page-to-Rust event, to Rust alone (no page listener hears it).
//!
//! There is no unlisten: Tauri's removes listener ids from every window
//! (docs/tauri-behaviour.md#unlisten-is-global), so no page is granted it, and a page's
//! listeners live as long as the page. A page calls {@link announceReady} once its listeners
//! are registered; Rust holds targeted events until then
//! (docs/tauri-behaviour.md#lost-before-listening).

import { emitTo as tauriEmitTo } from "@tauri-apps/api/event";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import { type EventSpec, events } from "../../../bindings/events";
import { commands, type ReadyReport } from "../../../bindings/ipc";
import { unwrap } from "./ipc";
import type { WindowLabel } from "./labels";
import { currentLabel } from "./labels";

/** Events a page may listen to: whatever Rust sends, and notes from other pages. */
export type Heard<T> = EventSpec<T, "broadcast" | "targeted" | "page_to_page">;

/** Listens to `event` in this window only; resolves once Tauri has registered the listener. */
export async function listenHere<T>(event: Heard<T>, handler: (payload: T) => void): Promise<void> {
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

/** Tells Rust that this page's listeners are registered, so held events may come. */
export function announceReady(): Promise<ReadyReport> {
  return unwrap(commands.windowReady());
}

/** Page to page: a note to another window, signed with this window's label. */
export function sendNote(to: WindowLabel, text: string): Promise<void> {
  return emitTo(events.directNote, to, { from: currentLabel(), text });
}

/** Page to Rust: a note to the core, which acknowledges it to `main`. */
export function noteToCore(text: string): Promise<void> {
  return emitToCore(events.noteToCore, { text });
}
