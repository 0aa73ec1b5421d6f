//! Events, the only way pages touch them: the plugin's page API (tauri-plugin-switchboard-api),
//! typed by this app's `WindowLabel`, and the two notes the demo sends. Each function accepts
//! only the events whose route (declared once in Rust, generated into `bindings/events.ts`)
//! allows it:
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
//! listeners live as long as the page. A page's `boot()` (boot.ts) announces it ready once its
//! listeners are registered; Rust holds targeted events until then
//! (docs/tauri-behaviour.md#lost-before-listening).

import { type Heard, pageApi } from "tauri-plugin-switchboard-api";
import { type EventSpec, events } from "../../../bindings/events";
import type { ReadyReport } from "../../../bindings/ipc";
import { unwrap } from "./ipc";
import type { WindowLabel } from "./labels";
import { currentLabel } from "./labels";

export type { Heard };

/** The plugin's page API, by this app's labels. The functions below pass through to it, with
 * their types spelt out so that lint rules which follow promises see them. */
export const page = pageApi<WindowLabel>();

/** Listens to `event` in this window only, whichever way Rust sends it; resolves once Tauri
 * has registered the listener. */
export function listenHere<T>(event: Heard<T>, handler: (payload: T) => void): Promise<void> {
  return page.listenHere(event, handler);
}

/** Page to page: sends `payload` to the window `to` only. */
export function emitTo<T>(
  event: EventSpec<T, "page_to_page">,
  to: WindowLabel,
  payload: T,
): Promise<void> {
  return page.emitTo(event, to, payload);
}

/** Page to Rust: sends `payload` to the core; the target `App` reaches no page's listener. */
export function emitToCore<T>(event: EventSpec<T, "to_core">, payload: T): Promise<void> {
  return page.emitToCore(event, payload);
}

/** Tells Rust that this page's listeners are registered, so held events may come, and hands
 * it this page's private Channel; throws `CommandFailed` when the core refuses. */
export function announceReady(): Promise<ReadyReport<WindowLabel>> {
  return unwrap(page.announceReady());
}

/** Page to page: a note to another window, signed with this window's label. */
export function sendNote(to: WindowLabel, text: string): Promise<void> {
  return emitTo(events.directNote, to, { from: currentLabel(), text });
}

/** Page to Rust: a note to the core, which acknowledges it to `main`. */
export function noteToCore(text: string): Promise<void> {
  return emitToCore(events.noteToCore, { text });
}
