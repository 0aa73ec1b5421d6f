/**
 * @module Events, the only way pages touch them, typed by the app's window labels `L` and its
 * generated event list. Each function accepts only the events whose route (declared once in
 * Rust) allows it:
 * - `listenHere`: what Rust sends (broadcast or targeted) and notes from other pages, heard in
 *   this window only. A global `listen` would also hear events targeted at other windows, so
 *   there is none.
 * - `emitTo`: a page-to-page event to one window, by typed label.
 * - `emitToCore`: a page-to-Rust event, to Rust alone (no page listener hears it).
 *
 * Rust reaches a page two ways, and `listenHere` hears both: Tauri's `emit_to` (routing: a page
 * with raw IPC access can overhear it) and the page's own Channel, handed to Rust by
 * `announceReady` (private: only this page receives it).
 *
 * There is no unlisten: Tauri's removes listener ids from every window, so a page's listeners
 * live as long as the page. `boot` (or `announceReady`, once the listeners are registered)
 * tells Rust the page is ready; Rust holds the events for it until then.
 */

import { Channel } from "@tauri-apps/api/core";
import { emitTo as tauriEmitTo } from "@tauri-apps/api/event";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import { windowReady } from "./commands.js";
import type {
  Delivery,
  EventSpec,
  ReadyReport,
  Rejection,
  Result,
  SwitchboardError,
} from "./types.js";

/** Events a page may listen to: whatever Rust sends, and notes from other pages. */
export type Heard<T> = EventSpec<T, "broadcast" | "targeted" | "page_to_page">;

/** The answer to the ready announcement. */
export type Ready<L> = Result<ReadyReport<L>, SwitchboardError<L> | Rejection>;

/** What became of a page's start: the ready announcement's answer, and each part that threw or
 * rejected while registering its listeners. */
export interface Booted<L> {
  ready: Ready<L>;
  failed: { name: string; reason: unknown }[];
}

/** The page's functions, typed by the app's labels. */
export interface PageApi<L extends string> {
  /** Listens to `event` in this window only, whichever way Rust sends it; resolves once Tauri
   * has registered the listener. */
  listenHere<T>(event: Heard<T>, handler: (payload: T) => void): Promise<void>;
  /** Page to page: sends `payload` to the window `to` only. */
  emitTo<T>(event: EventSpec<T, "page_to_page">, to: L, payload: T): Promise<void>;
  /** Page to Rust: sends `payload` to the core; no page's listener hears it. */
  emitToCore<T>(event: EventSpec<T, "to_core">, payload: T): Promise<void>;
  /** Tells Rust that this page's listeners are registered, so held events may come, and hands
   * it this page's private Channel. Never rejects: a failure is the answer. */
  announceReady(): Promise<Ready<L>>;
  /** Runs each part of the page (each registers its listeners, and returns a promise when that
   * takes time), waits for all, then announces the page ready: in every case, since a page
   * that never announced itself would have every event for it held until its limit. */
  boot(parts: Record<string, () => unknown>): Promise<Booted<L>>;
}

/** What this page does with each event that comes over its own Channel, by event name. */
const privateHandlers = new Map<string, ((payload: unknown) => void)[]>();

/** Hands each delivery of a batch to its handlers; a handler that throws must not cost the rest
 * of the batch, and its error is still reported, as an uncaught one. */
function dispatch(batch: Delivery[]): void {
  for (const delivery of batch) {
    for (const handle of privateHandlers.get(delivery.name) ?? []) {
      try {
        handle(delivery.payload);
      } catch (e) {
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }
}

async function listenHere<T>(event: Heard<T>, handler: (payload: T) => void): Promise<void> {
  // Over the Channel the payload is the JSON Rust made of this event's type.
  const fromChannel = (payload: unknown) => handler(payload as T);
  privateHandlers.set(event.name, [...(privateHandlers.get(event.name) ?? []), fromChannel]);
  await getCurrentWebviewWindow().listen<T>(event.name, (e) => handler(e.payload));
}

async function announceReady<L>(): Promise<Ready<L>> {
  try {
    // Each message is a batch: what Rust sent while the main thread was busy, oldest first.
    const inbox = new Channel<Delivery[]>();
    inbox.onmessage = dispatch;
    const answer = await windowReady<L>(inbox);
    // For devtools' timeline and start-up figures.
    performance.mark("switchboard:ready");
    return answer;
  } catch (e) {
    // Only when there is no Tauri to talk to (the Channel cannot be made).
    return { status: "error", error: { kind: "ipc_failure", message: String(e) } };
  }
}

async function boot<L>(parts: Record<string, () => unknown>): Promise<Booted<L>> {
  const names = Object.keys(parts);
  const started = await Promise.allSettled(names.map(async (name) => parts[name]?.()));
  const failed = started.flatMap((outcome, i) =>
    outcome.status === "rejected" ? [{ name: names[i] ?? "", reason: outcome.reason }] : [],
  );
  return { ready: await announceReady<L>(), failed };
}

/**
 * The page's functions for an app whose window labels are `L` (the label type its bindings
 * generate): `const page = pageApi<Label>()`. Without `L`, no label is accepted.
 */
export function pageApi<L extends string = never>(): PageApi<L> {
  return {
    listenHere,
    emitTo: (event, to, payload) => tauriEmitTo(to, event.name, payload),
    emitToCore: (event, payload) => tauriEmitTo({ kind: "App" }, event.name, payload),
    announceReady: () => announceReady<L>(),
    boot: (parts) => boot<L>(parts),
  };
}
