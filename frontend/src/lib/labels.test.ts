import { clearMocks, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { currentLabel, isWorker, parseLabel } from "./labels";

afterEach(() => clearMocks());

describe("parseLabel", () => {
  it("accepts what Rust accepts", () => {
    for (const good of ["main", "inspector", "worker-1", "worker-42", "worker-4294967295"]) {
      expect(parseLabel(good)).toBe(good);
    }
  });

  it("rejects what Rust rejects", () => {
    for (const bad of [
      "",
      "Main",
      "worker",
      "worker-",
      "worker-0",
      "worker-01",
      "worker--1",
      "worker-+1",
      "worker-1x",
      "worker-4294967296",
      "inspector ",
    ]) {
      expect(parseLabel(bad)).toBeNull();
    }
  });
});

describe("currentLabel", () => {
  it("is this window's typed label", () => {
    mockWindows("worker-2");
    const label = currentLabel();
    expect(label).toBe("worker-2");
    expect(isWorker(label)).toBe(true);
  });

  it("refuses a window that is not ours", () => {
    mockWindows("settings");
    expect(() => currentLabel()).toThrow(/not a Switchboard window/);
  });
});
