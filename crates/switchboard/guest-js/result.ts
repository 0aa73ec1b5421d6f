/**
 * @module Command answers as values: `{ status: "ok", data }` or `{ status: "error", error }`.
 * A command's own error is an object with a `kind`; Tauri's own refusals are plain strings,
 * which become {@link Rejection}s whose kinds never collide with an app's. The app's generated
 * bindings use {@link typedError} for every command, and so do the plugin's.
 */

import type { Rejection, Result } from "./types.js";

/** Awaits `call`: its value, or what it rejected with as `E`, or as a {@link Rejection} when
 * Tauri refused it. */
export async function typedError<T, E>(call: Promise<T>): Promise<Result<T, E | Rejection>> {
  try {
    return { status: "ok", data: await call };
  } catch (e) {
    return { status: "error", error: toRejection<E>(e) };
  }
}

/** A command's own errors are objects with a `kind`; anything else was raised by Tauri. */
function toRejection<E>(e: unknown): E | Rejection {
  if (typeof e === "object" && e !== null && "kind" in e) return e as E;
  const message = e instanceof Error ? e.message : String(e);
  // The plugin's pacing (`pace.rs`, TOO_MANY_CALLS) refused it before it ran.
  if (message.startsWith("too many calls waiting")) return { kind: "too_many_calls", message };
  // Debug builds explain an ACL refusal of a command that does not exist with "Command not
  // found"; release builds say only "not allowed by ACL" for both.
  if (/^Command \S+ not found$|Command not found/.test(message))
    return { kind: "unknown_command", message };
  if (/\bnot allowed\b/.test(message)) return { kind: "permission_denied", message };
  // A Channel argument that does not decode is reported without the "invalid args" prefix.
  if (/^invalid (args|channel value)/.test(message)) return { kind: "invalid_args", message };
  return { kind: "ipc_failure", message };
}
