import { clearMocks, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import fixture from "../../../tests/fixtures/labels.json";
import { currentLabel, isWorker, parseLabel } from "./labels";

afterEach(() => clearMocks());

// The same cases as Rust's `WindowLabel` tests, so that both parsers accept the same labels.
describe("parseLabel", () => {
  it("accepts what Rust accepts", () => {
    for (const good of fixture.valid) expect(parseLabel(good)).toBe(good);
  });

  it("rejects what Rust rejects", () => {
    for (const bad of fixture.invalid) expect(parseLabel(bad)).toBeNull();
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
