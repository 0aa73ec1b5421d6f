//! Listening and sending events the safe way.
//!
//! Every listener is scoped to the current window: a global `listen()` also hears events
//! targeted at other windows (FACTS.md, 1). A page calls {@link announceReady} once its
//! listeners are registered; Rust holds targeted events until then (FACTS.md, 3).

import type { EventCallback, UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebviewWindow, type WebviewWindow } from "@tauri-apps/api/webviewWindow";
import { commands, events, type ReadyReport } from "../../../bindings/ipc";
import { unwrap } from "./ipc";
import type { WindowLabel } from "./labels";
import { currentLabel } from "./labels";

/** The shape of a generated event, called with a window to scope it. */
type ScopedEvent<T> = (target: WebviewWindow) => {
  listen: (cb: EventCallback<T>) => Promise<UnlistenFn>;
};

/** Listens to `event` on this window only; resolves once Tauri has registered the listener. */
export function listenHere<T>(
  event: ScopedEvent<T>,
  handler: (payload: T) => void,
): Promise<UnlistenFn> {
  return event(getCurrentWebviewWindow()).listen((e) => handler(e.payload));
}

/** Tells Rust that this page's listeners are registered, so held events may come. */
export function announceReady(): Promise<ReadyReport> {
  return unwrap(commands.windowReady());
}

/** JS to JS: sends a note straight to another window, typed by label. */
export function sendNote(to: WindowLabel, text: string): Promise<void> {
  return events.directNote.emitTo(to, { from: currentLabel(), text });
}

/** JS to Rust: sends a note to the core, which acknowledges it to `main`. */
export function noteToCore(text: string): Promise<void> {
  return events.noteToCore.emit({ text });
}
