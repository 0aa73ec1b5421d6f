import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../../bindings/ipc";
import { CommandFailed, describe as describeFailure, isRejection, unwrap } from "./ipc";

beforeEach(() => mockWindows("main"));
afterEach(() => clearMocks());

/** Makes every command reject with `value`, as Tauri would. */
function rejectWith(value: unknown): void {
  mockIPC(() => {
    throw value;
  });
}

describe("command results", () => {
  it("passes data through and sends camelCase arguments", async () => {
    let seen: unknown;
    mockIPC((cmd, args) => {
      seen = { cmd, args };
      return { dueInMs: 5 };
    });
    expect(await commands.pingLater(5, "n")).toEqual({ status: "ok", data: { dueInMs: 5 } });
    expect(seen).toEqual({ cmd: "ping_later", args: { delayMs: 5, note: "n" } });
  });

  it("keeps a command's own error as it is", async () => {
    const error = {
      kind: "window_not_found",
      message: "window `worker-9` is not open",
      label: "worker-9",
    };
    rejectWith(error);
    const result = await commands.closeWindow("worker-9");
    expect(result).toEqual({ status: "error", error });
    if (result.status === "error") expect(isRejection(result.error)).toBe(false);
  });

  it.each([
    ["Command send_message not allowed by ACL", "permission_denied"],
    [
      'send_message not allowed on window "worker-1", webview "worker-1", URL: local\n\nreferenced by: capability: worker, permission: allow-greet',
      "permission_denied",
    ],
    [
      "invalid args `name` for command `greet`: invalid type: integer `42`, expected a string",
      "invalid_args",
    ],
    [
      "invalid channel value `__CHANNEL__:`, expected a string in the `__CHANNEL__:ID` format",
      "invalid_args",
    ],
    ["Command nope not found", "unknown_command"],
    ["nope not allowed on origin [local]. Command not found", "unknown_command"],
    ["too many calls waiting: window `worker-1` has 256 calls waiting", "too_many_calls"],
    ["something else broke", "ipc_failure"],
  ])("turns Tauri's %j into a %s rejection", async (text, kind) => {
    rejectWith(text);
    const result = await commands.greet("x");
    expect(result).toEqual({ status: "error", error: { kind, message: text } });
    if (result.status === "error") expect(isRejection(result.error)).toBe(true);
  });

  it("never throws for a JavaScript error either", async () => {
    rejectWith(new Error("ipc down"));
    expect(await commands.counterGet()).toEqual({
      status: "error",
      error: { kind: "ipc_failure", message: "ipc down" },
    });
  });
});

describe("unwrap", () => {
  it("returns data or throws the typed failure", async () => {
    mockIPC(() => 7);
    expect(await unwrap(commands.counterGet())).toBe(7);
    rejectWith({ kind: "invalid_input", message: "adding 1 to 2147483647 overflows" });
    const thrown = await unwrap(commands.counterAdd(1)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(CommandFailed);
    expect((thrown as CommandFailed).failure.kind).toBe("invalid_input");
    expect((thrown as CommandFailed).message).toBe(
      describeFailure({ kind: "invalid_input", message: "adding 1 to 2147483647 overflows" }),
    );
  });
});
