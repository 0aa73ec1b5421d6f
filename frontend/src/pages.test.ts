//! The pages on the typed mock of the core: each is mounted as its window mounts it, then
//! driven through its buttons and read through its test ids.

import { afterEach, describe, expect, it, vi } from "vitest";
import { events } from "../../bindings/events";
import type {
  InboxMessage,
  JobUpdate,
  MenuChosen,
  Outgoing,
  WindowLabel,
} from "../../bindings/ipc";
import type { TraceEntry } from "./lib/ipc";
import { type Channel, type Core, Fails, type Handlers, mockCore } from "./testing";

/** A page's `mount`, from a fresh copy of its modules, as a window that loads it has: the
 * modules under `lib/` keep the page's listeners, and one test's page must not hear the
 * next test's events. */
type Page = () => Promise<{ mount: (root: HTMLElement) => Promise<void> }>;
const mountWorker: Page = () => import("./pages/worker");
const mountMain: Page = () => import("./pages/main");
const mountInspector: Page = () => import("./pages/inspector");

let core: Core | null = null;
afterEach(() => {
  core?.done();
  core = null;
  document.body.replaceChildren();
});

/** The element with test id `id` (and then `rest`, a selector inside it). */
function find<T extends HTMLElement = HTMLElement>(id: string, rest = ""): T {
  const found = document.querySelector<T>(`[data-testid="${id}"]${rest}`);
  if (found === null) throw new Error(`no [data-testid="${id}"]${rest}`);
  return found;
}
const text = (id: string) => find(id).textContent ?? "";
const click = (id: string) => find(id).click();
const message = (seq: number, label: WindowLabel, text: string): InboxMessage => ({
  seq,
  from: "main",
  audience: { to: "one", label },
  text,
});

/** Mounts `page` as window `label` on a mock with `commands`, and waits until it is ready. */
async function open(
  label: WindowLabel,
  page: Page,
  commands: Handlers,
  others: WindowLabel[] = ["main"],
): Promise<Core> {
  const mocked = mockCore({ window: label, open: others.filter((l) => l !== label), commands });
  core = mocked;
  const root = document.createElement("div");
  document.body.append(root);
  vi.resetModules();
  await (await page()).mount(root);
  expect(text("status")).toMatch(/^ready/);
  // Components keep their own references: no page writes a global id.
  expect(document.querySelectorAll("[id]")).toHaveLength(0);
  return mocked;
}

describe("a worker's page", () => {
  const page = mountWorker;

  it("shows its label, the shared counter, and the messages sent to it", async () => {
    const core = await open("worker-1", page, { counterGet: () => 3 });
    expect(document.title).toBe("worker-1");
    expect(text("counter")).toBe("3");
    core.send(events.inboxMessage, { to: "one", label: "worker-1" }, message(1, "worker-1", "hi"));
    core.send(events.counterChanged, { to: "all" }, { value: 4, by: "main" });
    await core.settled();
    await vi.waitFor(() => expect(text("inbox")).toBe("#1 from main: hi"));
    expect(text("counter")).toBe("4");
    expect(text("counter-by")).toBe("changed by main");
  });

  it("shows only what is meant for it: not another worker's messages, but notes to it", async () => {
    const core = await open("worker-1", page, { counterGet: () => 0 }, ["main", "worker-2"]);
    core.send(events.inboxMessage, { to: "one", label: "worker-2" }, message(1, "worker-2", "no"));
    core.send(events.inboxMessage, { to: "workers" }, message(2, "worker-1", "workers"));
    await core.as("main").invoke("plugin:switchboard|relay", {
      to: "worker-1",
      event: events.directNote.name,
      payload: { text: "psst" },
    });
    await core.settled();
    await vi.waitFor(() =>
      expect([...find("inbox").children].map((li) => li.textContent)).toEqual([
        "note from main: psst",
        "#2 from main: workers",
      ]),
    );
    expect(find("inbox").dataset.messages).toBe("1");
  });

  it("takes nothing from emit_to: a forged counter and note are ignored, a routed message is marked unverified", async () => {
    const core = await open("worker-1", page, { counterGet: () => 3 }, ["main"]);
    const forge = (event: string, payload: unknown) =>
      core.as("main").invoke("plugin:event|emit_to", {
        target: { kind: "WebviewWindow", label: "worker-1" },
        event,
        payload,
      });
    await forge(events.counterChanged.name, { value: 424242, by: "main" });
    await forge(events.directNote.name, { from: "worker-2", text: "forged note" });
    await forge(events.inboxMessage.name, {
      seq: 999999,
      from: "main",
      audience: { to: "all" },
      text: "forged",
      at: 0,
    });
    await core.settled();
    await vi.waitFor(() =>
      expect(text("inbox")).toBe("#999999 from main: forged (routed, unverified)"),
    );
    expect(text("counter")).toBe("3");
  });

  it("replies to main", async () => {
    const replies: string[] = [];
    await open("worker-1", page, {
      counterGet: () => 0,
      replyToMain: (text) => {
        replies.push(text);
        return { emitted: ["main" as const], held: [], notHeld: [] };
      },
    });
    click("send-reply");
    await vi.waitFor(() => expect(text("reply-out")).toBe("sent to main"));
    expect(replies).toEqual(["hi main"]);
  });

  it("shows a failing command's error by its kind", async () => {
    await open("worker-1", page, {
      counterGet: () => 0,
      failWith: (kind) => {
        throw new Fails({ kind: "not_found", message: `you asked for ${kind}` });
      },
    });
    find<HTMLSelectElement>("fail-kind").value = "not_found";
    click("fail");
    await vi.waitFor(() => expect(text("fail-out")).toBe("not_found: you asked for not_found"));
    expect(find("fail-out").dataset.kind).toBe("not_found");
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
    expect(text("job-out")).toBe("job 7: 3/20");
    expect(find<HTMLProgressElement>("job-progress").value).toBe(3);
    click("job-cancel");
    await vi.waitFor(() => expect(text("job-out")).toBe("cancelling…"));
    expect(cancelled).toEqual([7]);
    send({ type: "cancelled", job: 7, done: 3 });
    await core.settled();
    expect(text("job-out")).toBe("job 7: cancelled after 3");
  });
});

describe("main's page", () => {
  const page = mountMain;
  /** Main's page also asks where the workspace is kept. */
  const withMain = (commands: Handlers): Handlers => ({
    counterGet: () => 0,
    workspaceStatus: () => ({
      path: null,
      workspace: { format: 1, windows: [], inboxes: {} },
      setAside: null,
    }),
    ...commands,
  });

  it("lists the open windows live, and sends to the ticked ones as one batch", async () => {
    const sent: Outgoing[][] = [];
    const core = await open(
      "main",
      page,
      withMain({
        counterGet: () => 0,
        sendMessages: (messages) => {
          sent.push(messages);
          return messages.map(() => ({
            status: "ok" as const,
            data: { emitted: ["worker-1" as const], held: [], notHeld: [] },
          }));
        },
      }),
      ["worker-1", "worker-2"],
    );
    await core.settled();
    const rows = () =>
      [...find("windows").querySelectorAll("li")].map((li) => (li as HTMLElement).dataset.label);
    expect(rows()).toEqual(["main", "worker-1", "worker-2"]);
    core.close("worker-2");
    await core.settled();
    expect(rows()).toEqual(["main", "worker-1"]);

    find("windows", ' input[value="worker-1"]').click();
    click("send-selected");
    await vi.waitFor(() => expect(text("send-out")).toBe("emitted to worker-1"));
    expect(sent).toEqual([
      [{ audience: { to: "one", label: "worker-1" }, text: "hello", transport: "event" }],
    ]);
  });

  it("shows a send that failed by its kind", async () => {
    await open(
      "main",
      page,
      withMain({
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
      }),
    );
    click("send-workers");
    await vi.waitFor(() =>
      expect(text("send-out")).toBe("window_not_found: window `worker-9` is not open"),
    );
    expect(find("send-out").dataset.kind).toBe("window_not_found");
  });

  it("says to tick a window before sending to the ticked ones, and calls nothing", async () => {
    const core = await open("main", page, withMain({}));
    click("send-selected");
    expect(text("send-out")).toBe("tick at least one window");
    expect(find("send-out").dataset.kind).toBe("nothing_ticked");
    expect(core.calls.map((c) => c.command)).not.toContain("send_messages");
  });

  it("opens a worker and closes a window from its row, through their commands", async () => {
    const closed: WindowLabel[] = [];
    const core = await open(
      "main",
      page,
      withMain({
        counterGet: () => 0,
        openWorker: () => "worker-2",
        closeWindow: (label) => {
          closed.push(label);
          return null;
        },
      }),
      ["worker-1"],
    );
    await core.settled();
    click("open-worker");
    await vi.waitFor(() => expect(text("windows-out")).toBe("opened worker-2"));
    find("windows", ' li[data-label="worker-1"] button').click();
    await vi.waitFor(() => expect(text("windows-out")).toBe("closed worker-1"));
    expect(closed).toEqual(["worker-1"]);
    // Main has no close button of its own.
    expect(find("windows", ' li[data-label="main"]').querySelector("button")).toBeNull();
  });

  it("shows the core's acknowledgement of a note in its inbox", async () => {
    const core = await open("main", page, withMain({}));
    core.send(events.coreNoteAck, { to: "one", label: "main" }, { chars: 5, total: 2 });
    await core.settled();
    await vi.waitFor(() => expect(text("inbox")).toBe("core read a note of 5 chars (2 so far)"));
  });

  it("does what the app menu chose, through the commands its buttons call", async () => {
    const closed: WindowLabel[] = [];
    const core = await open(
      "main",
      page,
      withMain({
        openWorker: () => "worker-1",
        openInspector: () => "inspector",
        closeWindow: (label) => {
          closed.push(label);
          return null;
        },
      }),
    );
    const choose = async (choice: MenuChosen) => {
      core.send(events.menuChosen, { to: "one", label: "main" }, choice);
      await core.settled();
    };
    await choose({ action: "new_worker" });
    await vi.waitFor(() => expect(text("windows-out")).toBe("opened worker-1"));
    await choose({ action: "inspector" });
    await vi.waitFor(() => expect(text("windows-out")).toBe("opened inspector"));
    await choose({ action: "close_window", label: "worker-1" });
    await choose({ action: "quit" });
    await vi.waitFor(() => expect(closed).toEqual(["worker-1", "main"]));
    expect(core.calls.map((c) => c.command)).toEqual(
      expect.arrayContaining(["open_worker", "open_inspector", "close_window"]),
    );
  });

  it("shows the workspace it restored, a file it set aside, and a second launch", async () => {
    const core = await open(
      "main",
      page,
      withMain({
        workspaceStatus: () => ({
          path: "/data/workspace.json",
          workspace: {
            format: 1,
            windows: ["worker-2", "inspector"],
            inboxes: { "worker-2": [message(4, "worker-2", "kept")] },
          },
          setAside: { path: "/data/workspace.json.set-aside-1", reason: "not JSON" },
        }),
      }),
    );
    expect(text("workspace")).toBe(
      "worker-2, inspector, 1 message(s), in /data/workspace.json; set aside /data/workspace.json.set-aside-1: not JSON",
    );
    core.send(events.launchedAgain, { to: "one", label: "main" }, { args: ["--hello", "x"] });
    await core.settled();
    expect(text("launches")).toBe("launched again with --hello x");
    // Live from then on: each write of the file, and a write that failed.
    const toMain = { to: "one", label: "main" } as const;
    const where = "/data/workspace.json; set aside /data/workspace.json.set-aside-1: not JSON";
    core.send(events.workspaceSaved, toMain, {
      windows: ["worker-2", "inspector", "worker-3"],
      messages: 2,
      writes: 1,
      error: null,
    });
    await core.settled();
    expect(text("workspace")).toBe(
      `worker-2, inspector, worker-3, 2 message(s), in ${where} (write 1)`,
    );
    core.send(events.workspaceSaved, toMain, {
      windows: [],
      messages: 0,
      writes: 2,
      error: "No space left on device (os error 28)",
    });
    await core.settled();
    expect(text("workspace")).toBe(
      `not saved (write 2) to ${where}: No space left on device (os error 28)`,
    );
  });
});

describe("the inspector's page", () => {
  it("draws the trace entries streamed to it", async () => {
    const given: { trace?: Channel<TraceEntry[]> } = {};
    const core = await open("inspector", mountInspector, {
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
    await vi.waitFor(() => expect(find("trace").querySelectorAll("tr").length).toBe(2));
    const cells = [...find("trace").querySelectorAll("tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent),
    );
    expect(cells[0]).toEqual(["2", "6", "command", "fail_with", "worker-1", "9 µs not_found"]);
    expect(find("trace", " tr").className).toBe("error");
    expect(text("trace-count")).toBe("2 entries");
  });
});
