// @ts-check
// One scenario, two worlds: vitest runs it on the typed mock (targeting.test.ts) and the
// end-to-end suite on the real app in WebKitGTK (tests/e2e/app.test.mjs), with the same
// assertions, so that the mock cannot drift from what the app does. Both sides call commands
// as raw IPC from a window, and read what each window's inbox shows.

import assert from "node:assert/strict";

/** @typedef {import("../../bindings/ipc").WindowLabel} Label */
/** @typedef {{ ok?: unknown, rejected?: unknown }} Answer what a call came back with */
/**
 * @typedef {object} Windows
 * @property {(label: Label, command: string, args?: Record<string, unknown>) => Promise<Answer>} invoke
 *   calls `command` from window `label`, as its page would
 * @property {(label: Label, last: string) => Promise<string[]>} heard the texts of the messages
 *   window `label` has shown, oldest first, once the one with text `last` is among them (its
 *   page loaded and ready)
 */

/** The windows the scenario needs open and ready. */
export const WINDOWS = /** @type {const} */ (["main", "inspector", "worker-1", "worker-2"]);

/** The kind of a failed call, as the bindings name it (a command's own errors carry `kind`; a
 * refusal of Tauri's ACL is a plain string). @param {unknown} rejected */
export function kindOf(rejected) {
  if (typeof rejected === "object" && rejected !== null && "kind" in rejected) return rejected.kind;
  return /\bnot allowed\b/.test(String(rejected)) ? "permission_denied" : "ipc_failure";
}

/** Messages reach exactly their audience, by either transport; a window still loading gets
 * them once it is ready; a window's capability decides what it may call; a closed window is an
 * error that names it. @param {Windows} windows */
export async function targeting(windows) {
  /** @param {unknown} audience @param {string} text @param {"channel" | "event"} transport */
  const send = (audience, text, transport) =>
    windows.invoke("main", "send_message", { audience, text, transport });
  /** @param {Label[]} emitted */
  const sentTo = (emitted) => ({ ok: { emitted, held: [], notHeld: [] } });

  assert.deepEqual(
    await send({ to: "one", label: "worker-1" }, "to worker-1", "channel"),
    sentTo(["worker-1"]),
  );
  assert.deepEqual(
    await send({ to: "some", labels: ["worker-2", "main", "worker-2"] }, "to a set", "event"),
    sentTo(["worker-2", "main"]),
  );
  assert.deepEqual(
    await send({ to: "workers" }, "to workers", "channel"),
    sentTo(["worker-1", "worker-2"]),
  );
  assert.deepEqual(
    await windows.invoke("worker-2", "reply_to_main", { text: "reply" }),
    sentTo(["main"]),
  );
  // Last, to all: once a window shows it, it has shown everything sent to it before.
  assert.deepEqual(
    await send({ to: "all" }, "to all", "channel"),
    sentTo(["main", "inspector", "worker-1", "worker-2"]),
  );
  assert.deepEqual(await windows.heard("main", "to all"), ["to a set", "reply", "to all"]);
  assert.deepEqual(await windows.heard("inspector", "to all"), ["to all"]);
  assert.deepEqual(await windows.heard("worker-1", "to all"), [
    "to worker-1",
    "to workers",
    "to all",
  ]);
  assert.deepEqual(await windows.heard("worker-2", "to all"), ["to a set", "to workers", "to all"]);

  // A window still loading: what is sent to it is held, and shown once its page is ready.
  assert.deepEqual(await windows.invoke("main", "open_worker", {}), { ok: "worker-3" });
  assert.deepEqual(await send({ to: "one", label: "worker-3" }, "while it loads", "channel"), {
    ok: { emitted: [], held: ["worker-3"], notHeld: [] },
  });
  assert.deepEqual(await windows.heard("worker-3", "while it loads"), ["while it loads"]);

  const gone = await send({ to: "some", labels: ["worker-1", "worker-9"] }, "x", "channel");
  assert.deepEqual(gone.rejected, {
    kind: "window_not_found",
    message: "window `worker-9` is not open",
    label: "worker-9",
  });
  for (const [label, command] of /** @type {const} */ ([
    ["worker-1", "open_worker"],
    ["worker-1", "send_message"],
    ["inspector", "reply_to_main"],
    ["main", "plugin:switchboard|subscribe_trace"],
  ])) {
    const refused = await windows.invoke(label, command, {});
    assert.equal(kindOf(refused.rejected), "permission_denied", `${label} calling ${command}`);
  }
}
