//! Calling commands: turning the bindings' result objects into values or typed failures.

import { Channel } from "@tauri-apps/api/core";
import type { SwitchboardError } from "tauri-plugin-switchboard-api";
import type {
  AppError,
  Audience,
  ErrorKind,
  Sent as GenericSent,
  TraceEntry as GenericTraceEntry,
  Rejection,
  WindowLabel,
} from "../../../bindings/ipc";

/** What became of a send, by this app's window labels. */
export type Sent = GenericSent<WindowLabel>;

/** One line of the trace, in this app's labels, audiences and error kinds. */
export type TraceEntry = GenericTraceEntry<WindowLabel, Audience, ErrorKind>;

/** Every way a command call can fail: the command's own error, the plugin's (its own commands)
 * or Tauri's rejection. */
export type Failure = AppError | SwitchboardError<WindowLabel> | Rejection;

/** What every generated command returns. */
export type Result<T> = { status: "ok"; data: T } | { status: "error"; error: Failure };

/** True when Tauri refused the call before the command ran. */
export function isRejection(failure: Failure): failure is Rejection {
  switch (failure.kind) {
    case "permission_denied":
    case "invalid_args":
    case "unknown_command":
    case "too_many_calls":
    case "ipc_failure":
      return true;
    case "invalid_input":
    case "window_not_found":
    case "not_found":
    case "forbidden":
    case "limit_reached":
    case "not_a_label":
    case "not_a_page_event":
    case "invalid_payload":
    case "internal":
      return false;
  }
}

/** One line for people: `kind: message`. */
export function describe(failure: Failure): string {
  return `${failure.kind}: ${failure.message}`;
}

/** Thrown by {@link unwrap}; carries the typed failure. */
export class CommandFailed extends Error {
  constructor(readonly failure: Failure) {
    super(describe(failure));
    this.name = "CommandFailed";
  }
}

/** The value of a successful call; a failed one throws {@link CommandFailed}. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (result.status === "error") throw new CommandFailed(result.error);
  return result.data;
}

/** A Channel for a command argument that hands each message Rust sends to `handler`. */
export function channel<T>(handler: (message: T) => void): Channel<T> {
  const made = new Channel<T>();
  made.onmessage = handler;
  return made;
}
