/**
 * @module The plugin's types as pages see them. Each mirrors a Rust type of the plugin; the app's
 * own generated bindings contain the same types, and the app's type tests check that the two
 * agree, so a change on either side fails a test rather than drifting.
 */

/** How an event travels, as Rust declares it in the app's event list (`events!`). */
export type Route = "broadcast" | "targeted" | "to_core" | "page_to_page";

/** The brand of a generated spec. Declared, never defined or exported: no value of a page can
 * have it, so only the specs `eventSpec` makes fit an `EventSpec`. */
declare const generated: unique symbol;

/** One event of the app's generated list: its name on the wire and its route. `T`, the
 * payload, exists only as a type. Only the generated bindings make one (through
 * `tauri-plugin-switchboard-api/generated`): a spec written by hand, which could name any event
 * with any payload type, does not fit. */
export type EventSpec<T, R extends Route = Route> = {
  readonly name: string;
  readonly route: R;
  /** Only its latest value matters: a window still loading is held the newest one. */
  readonly latestOnly?: true;
  /** Never set: carries the payload's type. */
  readonly payload?: T;
  /** Never set at run time: the brand. */
  readonly [generated]: R;
};

/** How an event travels to a window. */
export type Transport =
  /** Tauri's `emit_to`: routed to the window, but a page with raw IPC access can listen in. */
  | "event"
  /** The window's own Channel: private to its page. */
  | "channel";

/** One event over a window's own Channel. Only the core writes to a Channel, so a page takes
 * what comes this way as the core's word: Rust's events (`from` is `null`) and page-to-page
 * events the plugin relayed, with the label of the window that really sent them. */
export type Delivery = {
  /** The event's name. */
  name: string;
  /** Its payload: the JSON of the event named by `name`. */
  payload: unknown;
  /** The window that sent a relayed page-to-page event, as the core knows it; `null` for what
   * Rust sends. */
  from: string | null;
};

/** The answer to `window_ready`. */
export type ReadyReport<L> = {
  /** The window that is now ready. */
  label: L;
  /** Events that were held for it and are now delivered. */
  flushed: number;
};

/** What happened to one send, by the app's labels `L`. */
export type Sent<L> = {
  /** Windows it was emitted to (or queued for, in their next batch) at once. */
  emitted: L[];
  /** Windows still loading, for which it is held until they are ready. */
  held: L[];
  /** Windows still loading that already hold as many events as they may: not sent to them. */
  notHeld: L[];
};

/** How serious a log record is. */
export type LogLevel = "error" | "warn" | "info" | "debug" | "trace";

/** One line of the trace: `L` is the app's label type, `A` its audience, `K` its error kind. */
export type TraceEntry<L, A, K> =
  /** A command ran (calls refused by Tauri's ACL never reach a command). */
  | {
      type: "command";
      id: number;
      /** Milliseconds since the app started. */
      atMs: number;
      window: L;
      command: string;
      durationUs: number;
      /** `null` when it succeeded, else the error's kind. */
      error: K | null;
    }
  /** Rust sent an event. */
  | {
      type: "event";
      id: number;
      atMs: number;
      name: string;
      audience: A;
      transport: Transport;
      emitted: L[];
      held: L[];
      notHeld: L[];
      /** Size of the JSON payload. */
      bytes: number;
    }
  /** A page sent an event that Rust refused. */
  | { type: "refused"; id: number; atMs: number; name: string; reason: string }
  /** A record of the log. */
  | {
      type: "log";
      id: number;
      atMs: number;
      level: LogLevel;
      target: string;
      message: string;
    };

/** What the plugin's commands refuse, in the shape of an app's error (`kind`, `message`, and
 * the window concerned when there is one). */
export type SwitchboardError<L> =
  | { kind: "window_not_found"; message: string; label: L }
  | { kind: "forbidden"; message: string }
  /** A window was named by a label that is not one of the app's. */
  | { kind: "not_a_label"; message: string }
  /** The event named is not one pages may send each other. */
  | { kind: "not_a_page_event"; message: string }
  /** A page's payload is too large or not of the event's type. */
  | { kind: "invalid_payload"; message: string }
  | { kind: "internal"; message: string };

/** A call refused by Tauri before any command ran: Tauri rejects with a plain string, which
 * {@link typedError} sorts into these kinds. */
export type Rejection =
  /** The window's capability does not grant the command. */
  | { kind: "permission_denied"; message: string }
  /** The arguments did not deserialize into the command's parameters. */
  | { kind: "invalid_args"; message: string }
  /** No command has this name. */
  | { kind: "unknown_command"; message: string }
  /** The window has too many calls waiting for its share of the IPC path: nothing ran. */
  | { kind: "too_many_calls"; message: string }
  /** Any other failure of the IPC layer. */
  | { kind: "ipc_failure"; message: string };

/** What a command call answers: its value, or its error `E` (which includes {@link Rejection}
 * when it comes from {@link typedError}). */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };
