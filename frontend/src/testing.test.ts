import { afterEach, describe, expect, it } from "vitest";
import { events } from "../../bindings/events";
import { commands, HELD_EVENTS, type InboxMessage } from "../../bindings/ipc";
import { announceReady, listenHere, listenRouted, sendNote } from "./lib/events";
import { Fails, mockCore } from "./testing";

let done: (() => void) | null = null;
afterEach(() => {
  done?.();
  done = null;
});

/** Installs the mock, to be removed after the test. */
function install(...args: Parameters<typeof mockCore>) {
  const core = mockCore(...args);
  done = () => core.done();
  return core;
}

const message = (seq: number, text: string): InboxMessage => ({
  seq,
  from: "main",
  audience: { to: "one", label: "worker-1" },
  text,
});

describe("mockCore", () => {
  it("answers each command with its typed handler, and a handler's `Fails` as the command's error", async () => {
    install({
      window: "main",
      commands: {
        greet: (name) => ({ message: `Hello, ${name}!`, window: "main", title: "Switchboard" }),
        counterAdd: (delta) => {
          throw new Fails({ kind: "invalid_input", message: `adding ${delta} overflows` });
        },
      },
    });
    expect(await commands.greet("Ada")).toEqual({
      status: "ok",
      data: { message: "Hello, Ada!", window: "main", title: "Switchboard" },
    });
    expect(await commands.counterAdd(7)).toEqual({
      status: "error",
      error: { kind: "invalid_input", message: "adding 7 overflows" },
    });
  });

  it("fails the test at `done()` when the page calls a command nobody mocked", async () => {
    const core = mockCore({ window: "main" });
    const result = await commands.counterGet();
    expect(result.status === "error" && result.error.kind).toBe("ipc_failure");
    expect(() => core.done()).toThrow(
      "main called `counter_get`, which no handler of mockCore stands in for",
    );
  });

  it("refuses what the window's capability does not grant, as the real app does", async () => {
    const core = install({
      window: "worker-1",
      open: ["main"],
      commands: { openWorker: () => "worker-2" },
    });
    const refused = await commands.openWorker();
    expect(refused.status === "error" && refused.error.kind).toBe("permission_denied");
    // The handler ran for main only.
    expect(await core.as("main").invoke("open_worker")).toBe("worker-2");
    await expect(core.as("inspector").invoke("send_message")).rejects.toMatch(/not allowed by ACL/);
    expect(core.calls.map((c) => `${c.window} ${c.command}`)).toEqual(["main open_worker"]);
  });

  it("holds what is sent to a window until its page is ready, then delivers it in order", async () => {
    const core = install({ window: "worker-1", open: ["main", "worker-2"] });
    const to = { to: "one", label: "worker-1" } as const;
    expect(core.send(events.inboxMessage, to, message(1, "early"))).toEqual({
      emitted: [],
      held: ["worker-1"],
      notHeld: [],
    });
    const seen: string[] = [];
    await listenHere(events.inboxMessage, (m) => seen.push(m.text));
    await listenHere(events.windowsChanged, (w) => seen.push(`open: ${w.open.join(" ")}`));
    // What comes by `emit_to` is heard only as a routed claim.
    const routed: unknown[] = [];
    await listenRouted(events.inboxMessage, (claim) => routed.push(claim));
    core.send(events.inboxMessage, to, message(2, "also early"), "event");
    expect(seen).toEqual([]);

    expect(await announceReady()).toEqual({ label: "worker-1", flushed: 2 });
    await core.settled();
    expect(seen).toEqual(["early", "open: main worker-1 worker-2"]);
    expect(routed).toEqual([message(2, "also early")]);

    expect(core.send(events.inboxMessage, to, message(3, "now")).emitted).toEqual(["worker-1"]);
    await core.settled();
    expect(seen.at(-1)).toBe("now");
  });

  it("sends to exactly the audience's windows, and names a closed one", async () => {
    const core = install({ window: "main", open: ["worker-1", "worker-2", "inspector"] });
    core.ready("worker-2");
    const sent = core.send(events.inboxMessage, { to: "workers" }, message(1, "hi"));
    expect(sent).toEqual({ emitted: ["worker-2"], held: ["worker-1"], notHeld: [] });
    expect(core.received("worker-2").map((r) => r.name)).toEqual([
      "windows-changed",
      "inbox-message",
    ]);
    expect(core.received("inspector")).toEqual([]);
    core.close("worker-2");
    expect(() =>
      core.send(events.inboxMessage, { to: "one", label: "worker-2" }, message(2, "x")),
    ).toThrow(Fails);
  });

  it("relays a page's note to the window it names only, over its Channel, with its true sender", async () => {
    const core = install({ window: "main", open: ["worker-1", "worker-2"] });
    expect(await sendNote("worker-2", "psst")).toEqual({
      status: "ok",
      data: { emitted: [], held: ["worker-2"], notHeld: [] },
    });
    expect(core.received("worker-2")).toEqual([]);
    core.ready("worker-2");
    expect(core.received("worker-2").filter((d) => d.name === "direct-note")).toEqual([
      { name: "direct-note", payload: { text: "psst" }, via: "channel", from: "main" },
    ]);
    expect(core.received("worker-1")).toEqual([]);
  });

  it("refuses to relay what is not a page-to-page event, and a note to a closed window", async () => {
    const core = install({ window: "main", open: ["worker-1"] });
    const relay = (to: string, event: string) =>
      core.as("main").invoke("plugin:switchboard|relay", { to, event, payload: { text: "x" } });
    await expect(relay("worker-1", events.inboxMessage.name)).rejects.toMatchObject({
      kind: "not_a_page_event",
    });
    await expect(relay("worker-9", events.directNote.name)).rejects.toMatchObject({
      kind: "window_not_found",
    });
    expect(core.received("worker-1")).toEqual([]);
  });

  it("holds at most HELD_EVENTS messages for a loading window, and of the window list only the newest", async () => {
    const core = install({ window: "main", open: ["worker-1"] });
    const to = { to: "one", label: "worker-1" } as const;
    for (let seq = 1; seq <= HELD_EVENTS; seq++) {
      expect(core.send(events.inboxMessage, to, message(seq, "m")).held).toEqual(["worker-1"]);
    }
    expect(core.send(events.inboxMessage, to, message(0, "one too many"))).toEqual({
      emitted: [],
      held: [],
      notHeld: ["worker-1"],
    });
    // Latest-only events are held past the limit, each replacing the one before.
    core.send(events.counterChanged, to, { value: 1, by: "main" });
    expect(core.send(events.counterChanged, to, { value: 2, by: "main" }).held).toEqual([
      "worker-1",
    ]);
    core.ready("worker-1");
    const got = core.received("worker-1");
    expect(got.filter((r) => r.name === "inbox-message")).toHaveLength(HELD_EVENTS);
    expect(got.filter((r) => r.name === "counter-changed").map((r) => r.payload)).toEqual([
      { value: 2, by: "main" },
    ]);
  });

  it("sends every window the new list when a window opens or closes", async () => {
    const core = install({ window: "main", open: ["worker-1"] });
    const lists: string[] = [];
    await listenHere(events.windowsChanged, (w) => lists.push(w.open.join(" ")));
    await announceReady();
    core.open("worker-2");
    core.close("worker-1");
    await core.settled();
    expect(lists).toEqual(["main worker-1", "main worker-1 worker-2", "main worker-2"]);
    // worker-2 is still loading: it holds the newest list only.
    core.ready("worker-2");
    expect(
      core.received("worker-2").map((r) => (r.payload as { open: string[] }).open.join(" ")),
    ).toEqual(["main worker-2", "main worker-2"]);
  });
});
