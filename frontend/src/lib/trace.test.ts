import { describe, expect, it } from "vitest";
import { audienceText, describeEntry } from "./trace";

describe("describeEntry", () => {
  it("words a command, an event and a refusal", () => {
    expect(
      describeEntry({
        type: "command",
        id: 1,
        atMs: 3,
        window: "worker-1",
        command: "greet",
        durationUs: 40,
        error: "invalid_input",
      }),
    ).toEqual({ name: "greet", subject: "worker-1", detail: "40 µs invalid_input", tone: "error" });
    expect(
      describeEntry({
        type: "event",
        id: 2,
        atMs: 4,
        name: "inbox-message",
        audience: { to: "some", labels: ["worker-1", "worker-2"] },
        transport: "event",
        emitted: ["worker-1"],
        held: ["worker-2"],
        notHeld: [],
        bytes: 90,
      }),
    ).toEqual({
      name: "inbox-message",
      subject: "→ worker-1,worker-2",
      detail: "90 B via event, held for worker-2",
      tone: "event",
    });
    expect(
      describeEntry({
        type: "event",
        id: 3,
        atMs: 4,
        name: "inbox-message",
        audience: { to: "one", label: "worker-3" },
        transport: "channel",
        emitted: [],
        held: [],
        notHeld: ["worker-3"],
        bytes: 90,
      }),
    ).toEqual({
      name: "inbox-message",
      subject: "→ worker-3",
      detail: "90 B via channel, NOT held (full) for worker-3",
      tone: "error",
    });
    expect(
      describeEntry({
        type: "refused",
        id: 3,
        atMs: 5,
        name: "note-to-core",
        reason: "malformed payload",
      }).tone,
    ).toBe("refused");
  });

  it("words every audience", () => {
    expect(audienceText({ to: "all" })).toBe("all");
    expect(audienceText({ to: "workers" })).toBe("workers");
    expect(audienceText({ to: "one", label: "main" })).toBe("main");
  });
});
