//! Events, the only way pages touch them: the plugin's page API (tauri-plugin-switchboard-api),
//! typed by this app's `WindowLabel`, and the two notes the demo sends. Each function accepts
//! only the events whose route (declared once in Rust, generated into `bindings/events.ts`)
//! allows it:
//! - {@link listenHere}: what Rust sends (broadcast or targeted) and notes from other pages,
//!   heard in this window only, over its own Channel (which only the core writes to), and only
//!   so: an event of Rust's came from Rust, a note names the window that really sent it.
//! - {@link sendNote} / {@link emitTo}: a page-to-page event to one window, by typed label,
//!   relayed by the plugin, which tells the receiver who sent it.
//! - {@link emitToCore}: a page-to-Rust event, to Rust alone (no page listener hears it).
//! - {@link listenRouted}: what Tauri's `emit_to` brings this window, which any page granted
//!   `emit_to` can forge: an unverified claim of unknown shape, never the event's type. Only the
//!   inbox listens so, to show the routed path for what it is.
//!
//! There is no global `listen`: it would hear events targeted at other windows
//! (docs/tauri-behaviour.md#global-listen). There is no unlisten: Tauri's removes listener ids
//! from every window (docs/tauri-behaviour.md#unlisten-is-global), so no page is granted it, and
//! a page's listeners live as long as the page. A page's `boot()` (boot.ts) announces it ready
//! once its listeners are registered; Rust holds events for it until then
//! (docs/tauri-behaviour.md#lost-before-listening).

import {
  type Handler,
  type Heard,
  type HeardRoute,
  pageApi,
  type Relayed,
} from "tauri-plugin-switchboard-api";
import { type EventSpec, events } from "../../../bindings/events";
import type { ReadyReport } from "../../../bindings/ipc";
import { unwrap } from "./ipc";
import type { WindowLabel } from "./labels";

export type { Heard };

/** The plugin's page API, by this app's labels. The functions below pass through to it, with
 * their types spelt out so that lint rules which follow promises see them. */
export const page = pageApi<WindowLabel>();

/** Listens to `event` in this window, as it comes over this page's own Channel: from the core
 * and nobody else. A note's handler is also given the window that sent it. */
export function listenHere<T, R extends HeardRoute>(
  event: Heard<T, R>,
  handler: Handler<T, R, WindowLabel>,
): Promise<void> {
  return page.listenHere(event, handler);
}

/** Listens to what Tauri's `emit_to` brings this window under `event`'s name: an unverified
 * claim, of unknown shape, which nothing the app relies on may be taken from. */
export function listenRouted<T>(event: Heard<T>, handler: (claim: unknown) => void): Promise<void> {
  return page.listenRouted(event, handler);
}

/** Page to page: sends `payload` to the window `to` only, relayed by the plugin. */
export function emitTo<T>(
  event: EventSpec<T, "page_to_page">,
  to: WindowLabel,
  payload: NoInfer<T>,
): Promise<Relayed<WindowLabel>> {
  return page.emitTo(event, to, payload);
}

/** Page to Rust: sends `payload` to the core; the target `App` reaches no page's listener. */
export function emitToCore<T>(event: EventSpec<T, "to_core">, payload: NoInfer<T>): Promise<void> {
  return page.emitToCore(event, payload);
}

/** Tells Rust that this page's listeners are registered, so held events may come, and hands
 * it this page's private Channel; throws `CommandFailed` when the core refuses. */
export function announceReady(): Promise<ReadyReport<WindowLabel>> {
  return unwrap(page.announceReady());
}

/** Page to page: a note to another window; the core tells it that this window sent it. */
export function sendNote(to: WindowLabel, text: string): Promise<Relayed<WindowLabel>> {
  return emitTo(events.directNote, to, { text });
}

/** Page to Rust: a note to the core, which acknowledges it to `main`. */
export function noteToCore(text: string): Promise<void> {
  return emitToCore(events.noteToCore, { text });
}
