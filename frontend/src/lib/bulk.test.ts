import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstWrongByte, patternByte, pull } from "./bulk";
import { CommandFailed } from "./ipc";

beforeEach(() => mockWindows("worker-1"));
afterEach(() => clearMocks());

/** Answers `download_raw` as the core does, and records each range and how many were in
 * flight at once. */
function serveRanges(): { ranges: [number, number][]; most: () => number } {
  const ranges: [number, number][] = [];
  let inFlight = 0;
  let most = 0;
  mockIPC(async (cmd, args) => {
    expect(cmd).toBe("download_raw");
    const { offset, len } = args as { offset: number; len: number };
    ranges.push([offset, len]);
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    return Uint8Array.from({ length: len }, (_, i) => patternByte(offset + i)).buffer;
  });
  return { ranges, most: () => most };
}

describe("pull", () => {
  it("asks for every range once, a few at a time, and puts each in its place", async () => {
    const served = serveRanges();
    const progress: number[] = [];
    const bytes = await pull(10_000, {
      whole: 5_000,
      piece: 3_000,
      inFlight: 2,
      onProgress: (n) => progress.push(n),
    });
    expect(firstWrongByte(bytes)).toBe(-1);
    expect(bytes.length).toBe(10_000);
    expect(served.ranges.sort((a, b) => a[0] - b[0])).toEqual([
      [0, 3_000],
      [3_000, 3_000],
      [6_000, 3_000],
      [9_000, 1_000],
    ]);
    expect(served.most()).toBe(2);
    expect(progress.at(-1)).toBe(10_000);
  });

  it("asks for a payload up to `whole` bytes in one response", async () => {
    const served = serveRanges();
    expect(firstWrongByte(await pull(5_000, { whole: 5_000, piece: 1_000 }))).toBe(-1);
    expect(served.ranges).toEqual([[0, 5_000]]);
  });

  it("rejects with the typed failure of a range", async () => {
    mockIPC(() => {
      throw { kind: "limit_reached", message: "too big", limit: "transfer_bytes", bound: 1 };
    });
    const failed = await pull(10).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CommandFailed);
    expect((failed as CommandFailed).failure.kind).toBe("limit_reached");
  });

  it("stops asking and reporting progress after a range fails", async () => {
    let calls = 0;
    mockIPC(async (_cmd, args) => {
      calls += 1;
      const { offset, len } = args as { offset: number; len: number };
      if (offset === 1_000) throw { kind: "internal", message: "lost" };
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Uint8Array(len).buffer;
    });
    const progress: number[] = [];
    const failed = await pull(10_000, {
      whole: 0,
      piece: 1_000,
      inFlight: 2,
      onProgress: (n) => progress.push(n),
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CommandFailed);
    // The two first ranges, and none after the failure.
    expect(calls).toBe(2);
    expect(progress).toEqual([]);
  });

  it("refuses an answer of the wrong length, whole or in ranges", async () => {
    mockIPC((_cmd, args) => new Uint8Array((args as { len: number }).len - 1).buffer);
    await expect(pull(10)).rejects.toThrow("10 bytes came back as 9");
    await expect(pull(10, { whole: 0, piece: 5 })).rejects.toThrow(
      "range 0+5 came back with 4 bytes",
    );
  });

  it("finds the first byte that is not the pattern", () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => patternByte(i + 5));
    expect(firstWrongByte(bytes, 5)).toBe(-1);
    bytes[300] = 255;
    expect(firstWrongByte(bytes, 5)).toBe(300);
  });
});
