//! Type tests: each `@ts-expect-error` marks a line that must NOT compile. If one of them ever
//! compiles, `tsc` reports the directive as unused and `npm run typecheck` fails.

import {
  type AppError,
  type Audience,
  commands,
  events,
  type WindowLabel,
} from "../../bindings/ipc";
import { listenHere, sendNote } from "../../frontend/src/lib/events";
import type { Failure } from "../../frontend/src/lib/ipc";

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
  // @ts-expect-error a misspelt target
  await commands.closeWindow("wroker-2");
  // @ts-expect-error not a worker number
  await commands.closeWindow("worker-two");
  // @ts-expect-error a label that is not a window kind
  const bad: WindowLabel = "settings";
  const audience: Audience = { to: "some", labels: ok };
  // @ts-expect-error a wrong label inside an audience
  const wrong: Audience = { to: "one", label: "mian" };
  await commands.sendMessage(audience, "x");
  await sendNote("worker-3", "hi");
  // @ts-expect-error a JS-to-JS note to a label that cannot exist
  await sendNote("worker", "hi");
  void [bad, wrong];
}

export async function eventPayloads(): Promise<void> {
  await events.noteToCore.emit({ text: "ok" });
  // @ts-expect-error a wrong payload field
  await events.noteToCore.emit({ txt: "no" });
  // @ts-expect-error a wrong payload type
  await events.noteToCore.emit({ text: 1 });
  await listenHere(events.counterChanged, (c) => {
    const value: number = c.value;
    // @ts-expect-error the payload has no such field
    void c.count;
    void value;
  });
}

/** Narrowing on `kind` is exhaustive: adding a kind in Rust breaks this until it is handled. */
export function describeFailure(failure: Failure): string {
  switch (failure.kind) {
    case "window_not_found":
      return `closed: ${failure.label}`;
    case "invalid_input":
    case "not_found":
    case "forbidden":
    case "internal":
    case "permission_denied":
    case "invalid_args":
    case "unknown_command":
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
