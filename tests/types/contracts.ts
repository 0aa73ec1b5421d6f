//! Type tests: each `@ts-expect-error` marks a line that must NOT compile. If one of them ever
//! compiles, `tsc` reports the directive as unused and `npm run typecheck` fails.

import { events } from "../../bindings/events";
import {
  type AppError,
  type Audience,
  type CounterChanged,
  commands,
  type InboxMessage,
  type WindowLabel,
} from "../../bindings/ipc";
import {
  emitTo,
  emitToCore,
  listenHere,
  listenRouted,
  sendNote,
} from "../../frontend/src/lib/events";
import type { Failure } from "../../frontend/src/lib/ipc";
import { mockCore } from "../../frontend/src/testing";

export async function commandArguments(): Promise<void> {
  await commands.greet("Ada");
  // @ts-expect-error a wrong argument type
  await commands.greet(42);
  // @ts-expect-error a missing argument
  await commands.greet();
  // @ts-expect-error an extra argument
  await commands.counterGet(1);
  // @ts-expect-error a misspelt enum value
  await commands.failWith("pannic");
}

export async function windowLabels(): Promise<void> {
  const ok: WindowLabel[] = ["main", "inspector", "worker-1", "worker-12"];
  await commands.closeWindow("worker-2");
  // (labels Rust refuses, such as "worker-0" or "worker-1.5", are checked against the shared
  // fixture in labels.test.ts)
  // @ts-expect-error a misspelt target
  await commands.closeWindow("wroker-2");
  // @ts-expect-error not a worker number
  await commands.closeWindow("worker-two");
  // @ts-expect-error a label that is not a window kind
  const bad: WindowLabel = "settings";
  const audience: Audience = { to: "some", labels: ok };
  // @ts-expect-error a wrong label inside an audience
  const wrong: Audience = { to: "one", label: "mian" };
  await commands.sendMessage(audience, "x", "channel");
  // @ts-expect-error a transport that does not exist
  await commands.sendMessage(audience, "x", "carrier-pigeon");
  await sendNote("worker-3", "hi");
  // @ts-expect-error a JS-to-JS note to a label that cannot exist
  await sendNote("worker", "hi");
  void [bad, wrong];
}

export async function eventPayloads(): Promise<void> {
  await emitToCore(events.noteToCore, { text: "ok" });
  // @ts-expect-error a wrong payload field
  await emitToCore(events.noteToCore, { txt: "no" });
  // @ts-expect-error a wrong payload type
  await emitToCore(events.noteToCore, { text: 1 });
  await listenHere(events.counterChanged, (c) => {
    const value: number = c.value;
    // @ts-expect-error the payload has no such field
    void c.count;
    void value;
  });
}

/** Each event offers only what its route, declared in Rust, allows. */
export async function eventRoutes(target: string): Promise<void> {
  await listenHere(events.inboxMessage, () => {});
  await listenHere(events.windowsChanged, () => {});
  await listenHere(events.directNote, () => {});
  await emitTo(events.directNote, "worker-1", { text: "hi" });
  // @ts-expect-error no global listen: it would hear other windows' events
  await events.inboxMessage.listen(() => {});
  // @ts-expect-error no once, no emit, no emitTo on the generated events either
  await events.delayedPong.once(() => {});
  // @ts-expect-error a misspelt target of a page-to-page event
  await emitTo(events.directNote, "wroker-1", { text: "hi" });
  // @ts-expect-error a target that is any string
  await emitTo(events.directNote, target, { text: "hi" });
  // @ts-expect-error a page cannot send what only Rust sends, to Rust...
  await emitToCore(events.counterChanged, { value: 1, by: "main" });
  // @ts-expect-error ...or to another page
  await emitTo(events.inboxMessage, "main", {
    seq: 1,
    from: "main",
    audience: { to: "all" },
    text: "forged",
  });
  // @ts-expect-error a page-to-Rust event is not for pages to listen to
  await listenHere(events.noteToCore, () => {});
  // @ts-expect-error a page-to-page event does not go to Rust
  await emitToCore(events.directNote, { text: "hi" });
}

/** What `emit_to` brings is never taken as an event of the app's: no handler of a routed
 * event is given its payload's type, and what `listenHere` hears never comes that way. */
export async function routedIsUnverified(): Promise<void> {
  await listenRouted(events.inboxMessage, (claim) => {
    // @ts-expect-error a routed claim is `unknown`: its fields must be checked to be read
    void claim.text;
  });
  // @ts-expect-error a handler that takes a routed claim for the event's payload
  await listenRouted(events.inboxMessage, (message: InboxMessage) => void message.text);
  // @ts-expect-error a spec written by hand, to listen to any name as if it were Rust's
  await listenHere({ name: "counter-changed", route: "broadcast" } as const, () => {});
  // @ts-expect-error a note is not Rust's: its handler is told the sender, Rust's are not
  await listenHere(events.counterChanged, (_: CounterChanged, from: WindowLabel) => void from);
}

/** Narrowing on `kind` is exhaustive: adding a kind in Rust breaks this until it is handled. */
export function describeFailure(failure: Failure): string {
  switch (failure.kind) {
    case "window_not_found":
      return `closed: ${failure.label}`;
    case "invalid_input":
    case "not_found":
    case "forbidden":
    case "limit_reached":
    case "not_a_label":
    case "not_a_page_event":
    case "invalid_payload":
    case "internal":
    case "permission_denied":
    case "invalid_args":
    case "unknown_command":
    case "too_many_calls":
    case "ipc_failure":
      return failure.message;
    default: {
      const never: never = failure;
      return never;
    }
  }
}

export async function errorsAreTyped(): Promise<void> {
  const result = await commands.greet("x");
  if (result.status === "error") {
    const error: AppError | Failure = result.error;
    // @ts-expect-error only window_not_found carries a label
    void result.error.label;
    void error;
  }
}

export function typedMocks(): void {
  const core = mockCore({
    window: "main",
    commands: {
      greet: (name) => ({ message: `Hello, ${name}`, window: "main", title: "Switchboard" }),
      counterGet: () => 7,
      // @ts-expect-error a handler whose argument is not the command's
      counterAdd: (delta: string) => Number(delta),
      // @ts-expect-error a handler whose result is not the command's
      openWorker: () => "worker-zero",
    },
  });
  // (Checked alone: TypeScript looks for unknown keys only in an otherwise valid object.)
  // @ts-expect-error a command that does not exist
  mockCore({ window: "main", commands: { counterGot: () => 7 } });
  // @ts-expect-error a page in a window that cannot exist
  mockCore({ window: "settings" });
  core.send(
    events.inboxMessage,
    { to: "all" },
    { seq: 1, from: "main", audience: { to: "all" }, text: "x" },
  );
  // @ts-expect-error the payload of another event
  core.send(events.inboxMessage, { to: "all" }, { open: [] });
  // @ts-expect-error Rust never sends an event of the page-to-page route
  core.send(events.directNote, { to: "all" }, { text: "x" });
  // @ts-expect-error the payload is checked against the event's type, not inferred from itself:
  // a sender that is not a window label does not widen the type to `string`
  core.send(events.counterChanged, { to: "all" }, { value: 1, by: "wroker-1" });
  core.send(events.counterChanged, { to: "all" }, { value: 1, by: "worker-1" });
  void core.as("worker-1").invoke("counter_get");
  void core.as("worker-1").invoke("plugin:switchboard|relay");
  // @ts-expect-error a command that does not exist, by its name to Tauri
  void core.as("worker-1").invoke("counter_gte");
  core.done();
}
