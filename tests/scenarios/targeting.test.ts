//! The targeting scenario on the typed mock; tests/e2e/app.test.mjs runs the same scenario on
//! the real app. The handlers here do what the core's commands do with the Outbox.

import { afterEach, it } from "vitest";
import { events } from "../../bindings/events";
import type { Audience } from "../../bindings/ipc";
import { mockCore } from "../../frontend/src/testing";
import { targeting, WINDOWS } from "./targeting.mjs";

let done = () => {};
afterEach(() => done());

it("targets exactly the audience, and refuses what a capability does not grant (the mock)", async () => {
  let seq = 0;
  const core = mockCore({
    window: "main",
    open: [...WINDOWS],
    commands: {
      sendMessage: (audience, text, transport) => {
        const from = core.caller;
        return core.send(
          events.inboxMessage,
          audience,
          { seq: ++seq, from, audience, text },
          transport,
        );
      },
      openWorker: () => {
        core.open("worker-3");
        return "worker-3";
      },
      replyToMain: (text) => {
        const audience: Audience = { to: "one", label: "main" };
        const from = core.caller;
        return core.send(
          events.inboxMessage,
          audience,
          { seq: ++seq, from, audience, text },
          "channel",
        );
      },
    },
  });
  done = () => core.done();
  const ready = new Set<string>(WINDOWS);
  for (const label of WINDOWS) core.ready(label);
  await targeting({
    invoke: (label, command, args) =>
      core
        .as(label)
        // The scenario names commands as Tauri does; the mock refuses any it does not know.
        .invoke(command as Parameters<ReturnType<typeof core.as>["invoke"]>[0], args)
        .then(
          (ok) => ({ ok }),
          (rejected: unknown) => ({ rejected }),
        ),
    heard: async (label) => {
      // The page of a window opened by the scenario loads now, as a real one does by itself.
      if (!ready.has(label)) {
        core.ready(label);
        ready.add(label);
      }
      return core
        .received(label)
        .filter((r) => r.name === events.inboxMessage.name)
        .map((r) => (r.payload as { text: string }).text);
    },
  });
});
