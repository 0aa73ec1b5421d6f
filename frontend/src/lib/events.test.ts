import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events } from "../../../bindings/events";
import { announceReady, listenHere, listenRouted, noteToCore, sendNote } from "./events";

type Call = { cmd: string; args: Record<string, unknown> };
let calls: Call[] = [];

beforeEach(() => {
  calls = [];
  mockWindows("worker-3");
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    if (cmd === "plugin:event|listen") return 1;
    if (cmd === "plugin:switchboard|window_ready") return { label: "worker-3", flushed: 2 };
    return null;
  });
});
afterEach(() => clearMocks());

describe("listenHere", () => {
  it("registers no Tauri listener: it hears only what the core sends over the page's Channel", async () => {
    await listenHere(events.inboxMessage, () => {});
    await listenHere(events.directNote, () => {});
    expect(calls).toEqual([]);
  });
});

describe("listenRouted", () => {
  it("listens on this window only, never globally", async () => {
    await listenRouted(events.inboxMessage, () => {});
    const listen = calls.find((c) => c.cmd === "plugin:event|listen");
    expect(listen?.args.event).toBe("inbox-message");
    expect(listen?.args.target).toEqual({ kind: "WebviewWindow", label: "worker-3" });
  });
});

describe("announceReady", () => {
  it("calls the plugin's window_ready and returns what was flushed", async () => {
    expect(await announceReady()).toEqual({ label: "worker-3", flushed: 2 });
    expect(calls.map((c) => c.cmd)).toEqual(["plugin:switchboard|window_ready"]);
  });
});

describe("sending events from a page", () => {
  it("sends a note to one window by label through the plugin's relay, which signs it", async () => {
    await sendNote("main", "hi");
    expect(calls).toEqual([
      {
        cmd: "plugin:switchboard|relay",
        args: { to: "main", event: "direct-note", payload: { text: "hi" } },
      },
    ]);
  });

  it("sends a note to the core alone: target App, which no page listener matches", async () => {
    await noteToCore("for rust");
    expect(calls.map((c) => c.cmd)).toEqual(["plugin:event|emit_to"]);
    expect(calls[0]?.args).toEqual({
      target: { kind: "App" },
      event: "note-to-core",
      payload: { text: "for rust" },
    });
  });
});
