import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { drawInBatches, el } from "./dom";

describe("drawInBatches", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const texts = (list: HTMLElement) => [...list.children].map((line) => line.textContent);

  it("draws a burst once, newest first, the newest `max` lines and a gap line for the rest", () => {
    const list = el("ul");
    let drawings = 0;
    const made: number[] = [];
    const add = drawInBatches(list, {
      every: 50,
      max: 3,
      keep: 4,
      gap: (skipped) => el("li", `${skipped} more`),
      drawn: () => {
        drawings += 1;
      },
    });
    for (let i = 1; i <= 10; i++) {
      add(() => {
        made.push(i);
        return el("li", String(i));
      });
    }
    expect(texts(list)).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(drawings).toBe(1);
    expect(texts(list)).toEqual(["10", "9", "8", "7 more"]);
    // Lines that are not drawn are never made.
    expect(made).toEqual([8, 9, 10]);

    add(() => el("li", "11"));
    vi.advanceTimersByTime(50);
    expect(drawings).toBe(2);
    // The list keeps `keep` lines, dropping the oldest.
    expect(texts(list)).toEqual(["11", "10", "9", "8"]);
  });

  it("does nothing until a line comes", () => {
    const list = el("ul");
    let drawings = 0;
    drawInBatches(list, {
      every: 50,
      max: 3,
      keep: 4,
      gap: () => el("li"),
      drawn: () => {
        drawings += 1;
      },
    });
    vi.advanceTimersByTime(1000);
    expect(drawings).toBe(0);
  });
});
