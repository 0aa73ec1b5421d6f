//! The pages on the typed mock of the core: each is loaded as its window loads it (a fresh
//! module, the page's HTML shell), then driven through its buttons.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { events } from "../../bindings/events";
import type {
  InboxMessage,
  JobUpdate,
  Outgoing,
  TraceEntry,
  WindowLabel,
} from "../../bindings/ipc";
import { type Channel, type Core, Fails, type Handlers, mockCore } from "./lib/mock";

let core: Core | null = null;
beforeEach(() => {
  vi.resetModules();
  document.body.innerHTML =
    '<header><h1 id="title"></h1><p id="status"></p></header><main id="app"></main>';
});
afterEach(() => {
  core?.done();
  core = null;
});

const text = (selector: string) => document.querySelector(selector)?.textContent ?? "";
const click = (id: string) => (document.getElementById(id) as HTMLElement).click();
const message = (seq: number, label: WindowLabel, text: string): InboxMessage => ({
  seq,
  from: "main",
  audience: { to: "one", label },
  text,
});

/** Loads page `load` as window `label` on a mock with `commands`, and waits until it is ready. */
async function open(
  label: WindowLabel,
  load: () => Promise<unknown>,
  commands: Handlers,
  others: WindowLabel[] = ["main"],
): Promise<Core> {
  const mocked = mockCore({ window: label, open: others.filter((l) => l !== label), commands });
  core = mocked;
  await load();
  await vi.waitFor(() => expect(text("#status")).toMatch(/^ready/));
  return mocked;
}

describe("a worker's page", () => {
  const page = () => import("./worker");

  it("shows its label, the shared counter, and the messages sent to it", async () => {
    const core = await open("worker-1", page, { counterGet: () => 3 });
    expect(document.title).toBe("worker-1");
    expect(text("#counter")).toBe("3");
    core.send(events.inboxMessage, { to: "one", label: "worker-1" }, message(1, "worker-1", "hi"));
    core.send(events.counterChanged, { to: "all" }, { value: 4, by: "main" });
    await core.settled();
    await vi.waitFor(() => expect(text("#inbox")).toBe("#1 from main: hi"));
    expect(text("#counter")).toBe("4");
    expect(text("#counter-by")).toBe("changed by main");
  });

  it("shows a failing command's error by its kind", async () => {
    await open("worker-1", page, {
      counterGet: () => 0,
      failWith: (kind) => {
        throw new Fails({ kind: "not_found", message: `you asked for ${kind}` });
      },
    });
    (document.getElementById("fail-kind") as HTMLSelectElement).value = "not_found";
    click("fail");
    await vi.waitFor(() => expect(text("#fail-out")).toBe("not_found: you asked for not_found"));
    expect(document.getElementById("fail-out")?.dataset.kind).toBe("not_found");
  });

  it("shows a job's progress and its cancel", async () => {
    const given: { updates?: Channel<JobUpdate> } = {};
    const cancelled: number[] = [];
    const core = await open("worker-1", page, {
      counterGet: () => 0,
      startJob: (_steps, _stepMs, onUpdate) => {
        given.updates = onUpdate;
        return 7;
      },
      cancelJob: (job) => {
        cancelled.push(job);
        return null;
      },
    });
    click("job-start");
    await vi.waitFor(() => expect(given.updates).toBeDefined());
    const send = (u: JobUpdate) => given.updates && core.toChannel(given.updates, u);
    send({ type: "progress", job: 7, done: 3, total: 20 });
    await core.settled();
    expect(text("#job-out")).toBe("job 7: 3/20");
    expect((document.getElementById("job-progress") as HTMLProgressElement).value).toBe(3);
    click("job-cancel");
    await vi.waitFor(() => expect(text("#job-out")).toBe("cancelling…"));
    expect(cancelled).toEqual([7]);
    send({ type: "cancelled", job: 7, done: 3 });
    await core.settled();
    expect(text("#job-out")).toBe("job 7: cancelled after 3");
  });
});

describe("main's page", () => {
  const page = () => import("./main");

  it("lists the open windows live, and sends to the ticked ones as one batch", async () => {
    const sent: Outgoing[][] = [];
    const core = await open(
      "main",
      page,
      {
        counterGet: () => 0,
        sendMessages: (messages) => {
          sent.push(messages);
          return messages.map(() => ({
            status: "ok" as const,
            data: { emitted: ["worker-1" as const], held: [], notHeld: [] },
          }));
        },
      },
      ["worker-1", "worker-2"],
    );
    await core.settled();
    const rows = () =>
      [...document.querySelectorAll("#windows li")].map((li) => (li as HTMLElement).dataset.label);
    expect(rows()).toEqual(["main", "worker-1", "worker-2"]);
    core.close("worker-2");
    core.send(events.windowsChanged, { to: "all" }, { open: core.openWindows() });
    await core.settled();
    expect(rows()).toEqual(["main", "worker-1"]);

    (document.querySelector('#windows input[value="worker-1"]') as HTMLInputElement).click();
    click("send-selected");
    await vi.waitFor(() => expect(text("#send-out")).toBe("emitted to worker-1"));
    expect(sent).toEqual([
      [{ audience: { to: "one", label: "worker-1" }, text: "hello", transport: "event" }],
    ]);
  });

  it("shows a send that failed by its kind", async () => {
    await open("main", page, {
      counterGet: () => 0,
      sendMessages: (messages) =>
        messages.map(() => ({
          status: "error" as const,
          error: {
            kind: "window_not_found" as const,
            message: "window `worker-9` is not open",
            label: "worker-9" as const,
          },
        })),
    });
    click("send-workers");
    await vi.waitFor(() =>
      expect(text("#send-out")).toBe("window_not_found: window `worker-9` is not open"),
    );
    expect(document.getElementById("send-out")?.dataset.kind).toBe("window_not_found");
  });
});

describe("the inspector's page", () => {
  it("draws the trace entries streamed to it", async () => {
    const given: { trace?: Channel<TraceEntry[]> } = {};
    const core = await open("inspector", () => import("./inspector"), {
      subscribeTrace: (onEntries) => {
        given.trace = onEntries;
        return 0;
      },
    });
    if (!given.trace) throw new Error("the inspector did not subscribe to the trace");
    core.toChannel(given.trace, [
      {
        type: "command",
        id: 1,
        atMs: 5,
        window: "main",
        command: "greet",
        durationUs: 40,
        error: null,
      },
      {
        type: "command",
        id: 2,
        atMs: 6,
        window: "worker-1",
        command: "fail_with",
        durationUs: 9,
        error: "not_found",
      },
    ]);
    await core.settled();
    await vi.waitFor(() => expect(document.querySelectorAll("#trace tr").length).toBe(2));
    const cells = [...document.querySelectorAll("#trace tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent),
    );
    expect(cells[0]).toEqual(["2", "6", "command", "fail_with", "worker-1", "9 µs not_found"]);
    expect(document.querySelector("#trace tr")?.className).toBe("error");
    expect(text("#trace-count")).toBe("2 entries");
  });
});
