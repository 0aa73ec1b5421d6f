//! Type tests of the plugin's guest package against this app's generated bindings: the package
//! writes its types by hand, tauri-specta generates the app's from the same Rust types, and
//! each pair must be the same type. A change on either side fails `npm run typecheck` here.

import type * as Guest from "tauri-plugin-switchboard-api";
import { events } from "../../bindings/events";
import type {
  Audience,
  Delivery,
  ErrorKind,
  LogLevel,
  ReadyReport,
  Rejection,
  Sent,
  TraceEntry,
  Transport,
  WindowLabel,
} from "../../bindings/ipc";
import { page } from "../../frontend/src/lib/events";
import type { Failure } from "../../frontend/src/lib/ipc";

/** `true` only when `A` and `B` are the same type (not merely assignable either way). */
type Same<A, B> =
  (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** Each pair, the package's and the bindings'; a `false` here does not compile. */
export const same: [
  Same<Guest.Delivery, Delivery>,
  Same<Guest.ReadyReport<WindowLabel>, ReadyReport<WindowLabel>>,
  Same<Guest.Sent<WindowLabel>, Sent<WindowLabel>>,
  Same<Guest.Transport, Transport>,
  Same<Guest.LogLevel, LogLevel>,
  Same<Guest.Rejection, Rejection>,
  Same<
    Guest.TraceEntry<WindowLabel, Audience, ErrorKind>,
    TraceEntry<WindowLabel, Audience, ErrorKind>
  >,
] = [true, true, true, true, true, true, true];

/** What the plugin refuses is one of the app's failures, so the app handles it as its own. */
export const pluginErrorIsAFailure = (e: Guest.SwitchboardError<WindowLabel>): Failure => e;

export async function labelsAreTheApps(): Promise<void> {
  const untyped = (await import("tauri-plugin-switchboard-api")).pageApi();
  const note = events.directNote;
  // @ts-expect-error without the app's label type, no window is a target
  await untyped.emitTo(note, "main", { text: "hi" });
  await page.emitTo(note, "main", { text: "hi" });
  const handWritten = { name: "inbox-message", route: "page_to_page" } as const;
  // @ts-expect-error a spec written by hand is not a generated one: it could name any event
  await page.emitTo(handWritten, "main", { text: "hi" });
  const ready = await page.announceReady();
  if (ready.status === "ok") {
    const label: WindowLabel = ready.data.label;
    // @ts-expect-error the ready report names one of the app's windows
    const other: "settings" = ready.data.label;
    void [label, other];
  }
}
