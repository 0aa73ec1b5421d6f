import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { Outgoing } from "../../../bindings/ipc";
import { sendMessage } from "./batch";

describe("sendMessage", () => {
  afterEach(() => clearMocks());

  it("sends the messages of one task as one `send_messages` command", async () => {
    mockWindows("main");
    const lists: Outgoing[][] = [];
    mockIPC((cmd, args) => {
      expect(cmd).toBe("send_messages");
      const { messages } = args as { messages: Outgoing[] };
      lists.push(messages);
      return messages.map(() => ({
        status: "ok",
        data: { emitted: ["worker-1"], held: [], notHeld: [] },
      }));
    });
    const one = { to: "one", label: "worker-1" } as const;
    const answers = await Promise.all([
      sendMessage(one, "a", "channel"),
      sendMessage({ to: "all" }, "b", "event"),
    ]);
    expect(lists).toEqual([
      [
        { audience: one, text: "a", transport: "channel" },
        { audience: { to: "all" }, text: "b", transport: "event" },
      ],
    ]);
    expect(answers.every((a) => a.status === "ok")).toBe(true);
  });
});
