/**
 * @module Events, the only way pages touch them, typed by the app's window labels `L` and its
 * generated event list. Each function accepts only the events whose route (declared once in
 * Rust) allows it:
 * - `listenHere`: what Rust sends (broadcast or targeted) and what other pages send this
 *   window (page-to-page), as it comes over this page's own Channel, and only so.
 * - `emitTo`: a page-to-page event to one window, by typed label, relayed by the plugin.
 * - `emitToCore`: a page-to-Rust event, to Rust alone (no page listener hears it).
 * - `listenRouted`: what Tauri's `emit_to` brings this window under an event's name, as a
 *   claim of unknown shape.
 *
 * Only the core writes to a page's Channel, so what `listenHere` hears is the core's word: an
 * event of Rust's came from Rust, and a page-to-page event names the window that really sent it
 * (the plugin's `relay` command stamps it). Tauri's `emit_to`, by contrast, can be called by any
 * page granted it, with any name and payload, so a page hearing a "Rust" event that way cannot
 * tell it from a forgery: `listenRouted` shows such events for what they are, unverified, and
 * nothing else listens to `emit_to`.
 *
 * There is no unlisten: Tauri's removes listener ids from every window, so a page's listeners
 * live as long as the page. `boot` (or `announceReady`, once the listeners are registered)
 * tells Rust the page is ready; Rust holds the events for it until then.
 */

import { Channel } from "@tauri-apps/api/core";
import { emitTo as tauriEmitTo } from "@tauri-apps/api/event";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import { relay, windowReady } from "./commands.js";
import type {
  Delivery,
  EventSpec,
  ReadyReport,
  Rejection,
  Result,
  Route,
  Sent,
  SwitchboardError,
} from "./types.js";

/** The routes of the events a page may hear: whatever Rust sends, and notes from other pages. */
export type HeardRoute = "broadcast" | "targeted" | "page_to_page";

/** Events a page may listen to. */
export type Heard<T, R extends HeardRoute = HeardRoute> = EventSpec<T, R>;

/** What a handler of an event of route `R` is given: the payload, and for another page's event
 * the window that sent it, as the core knows it. */
export type Handler<T, R extends HeardRoute, L> = [R] extends ["page_to_page"]
  ? (payload: T, from: L) => void
  : (payload: T) => void;

/** The answer to the ready announcement. */
export type Ready<L> = Result<ReadyReport<L>, SwitchboardError<L> | Rejection>;

/** The answer to `emitTo`: what became of the event, or why it was not sent. */
export type Relayed<L> = Result<Sent<L>, SwitchboardError<L> | Rejection>;

/** What became of a page's start: the ready announcement's answer, and each part that threw or
 * rejected while registering its listeners. */
export interface Booted<L> {
  ready: Ready<L>;
  failed: { name: string; reason: unknown }[];
}

/** The page's functions, typed by the app's labels. */
export interface PageApi<L extends string> {
  /** Listens to `event` in this window, as it comes over this page's own Channel (from the core
   * and nobody else). Resolves at once: the Channel is handed over by `announceReady`, and
   * what comes before is held for the page. */
  listenHere<T, R extends HeardRoute>(event: Heard<T, R>, handler: Handler<T, R, L>): Promise<void>;
  /** Listens to what Tauri's `emit_to` brings this window under `event`'s name: any page
   * granted `emit_to` can send anything that way, so the handler gets an unverified claim of
   * unknown shape, never the event's type. Resolves once Tauri has registered the listener. */
  listenRouted<T>(event: Heard<T>, handler: (claim: unknown) => void): Promise<void>;
  /** Page to page: sends `payload` to the window `to` alone, relayed by the plugin, which
   * tells that window who sent it. Held while `to` loads, like Rust's events. */
  emitTo<T>(event: EventSpec<T, "page_to_page">, to: L, payload: NoInfer<T>): Promise<Relayed<L>>;
  /** Page to Rust: sends `payload` to the core; no page's listener hears it. */
  emitToCore<T>(event: EventSpec<T, "to_core">, payload: NoInfer<T>): Promise<void>;
  /** Tells Rust that this page's listeners are registered, so held events may come, and hands
   * it this page's private Channel. Never rejects: a failure is the answer. */
  announceReady(): Promise<Ready<L>>;
  /** Runs each part of the page (each registers its listeners, and returns a promise when that
   * takes time), waits for all, then announces the page ready: in every case, since a page
   * that never announced itself would have every event for it held until its limit. */
  boot(parts: Record<string, () => unknown>): Promise<Booted<L>>;
}

/** A handler of this page's, with the route of its event. */
interface Registered {
  route: Route;
  handle: (payload: unknown, from: string) => void;
}

/** What this page does with each event that comes over its own Channel, by event name. */
const privateHandlers = new Map<string, Registered[]>();

/** Hands each delivery of a batch to its handlers; a handler that throws must not cost the rest
 * of the batch, and its error is still reported, as an uncaught one. A page-to-page event comes
 * with its sender and Rust's without one: a delivery that does not fit its event's route is
 * dropped (the core never sends one). */
function dispatch(batch: Delivery[]): void {
  for (const delivery of batch) {
    const { from } = delivery;
    for (const { route, handle } of privateHandlers.get(delivery.name) ?? []) {
      if ((route === "page_to_page") !== (typeof from === "string")) continue;
      try {
        handle(delivery.payload, from ?? "");
      } catch (e) {
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }
}

function listenHere<T, R extends HeardRoute, L>(
  event: Heard<T, R>,
  handler: Handler<T, R, L>,
): Promise<void> {
  // Over the Channel the payload is the JSON Rust made of this event's type, and `from` a label
  // of the app's.
  const handle = handler as (payload: unknown, from: string) => void;
  const registered = [...(privateHandlers.get(event.name) ?? []), { route: event.route, handle }];
  privateHandlers.set(event.name, registered);
  return Promise.resolve();
}

async function listenRouted<T>(event: Heard<T>, handler: (claim: unknown) => void): Promise<void> {
  await getCurrentWebviewWindow().listen<unknown>(event.name, (e) => handler(e.payload));
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
    listenHere: (event, handler) => listenHere(event, handler),
    listenRouted,
    emitTo: (event, to, payload) => relay<L>(to, event.name, payload),
    emitToCore: (event, payload) => tauriEmitTo({ kind: "App" }, event.name, payload),
    announceReady: () => announceReady<L>(),
    boot: (parts) => boot<L>(parts),
  };
}
