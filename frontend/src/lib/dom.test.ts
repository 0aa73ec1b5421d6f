import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { drawInBatches, el, say, show, whenClicked } from "./dom";

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
      gap: (skipped) => el("li", {}, `${skipped} more`),
      drawn: () => {
        drawings += 1;
      },
    });
    for (let i = 1; i <= 10; i++) {
      add(() => {
        made.push(i);
        return el("li", {}, String(i));
      });
    }
    expect(texts(list)).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(drawings).toBe(1);
    expect(texts(list)).toEqual(["10", "9", "8", "7 more"]);
    // Lines that are not drawn are never made.
    expect(made).toEqual([8, 9, 10]);

    add(() => el("li", {}, "11"));
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

describe("el", () => {
  it("sets attributes, test ids and children; `false` leaves an attribute out", () => {
    const box = el("input", { type: "checkbox", checked: true, disabled: false, testid: "tick" });
    const line = el("li", { class: "note" }, "a ", box);
    expect(line.outerHTML).toBe(
      '<li class="note">a <input type="checkbox" checked="" data-testid="tick"></li>',
    );
    expect(box.checked).toBe(true);
  });
});

describe("showing outcomes", () => {
  it("shows data, or a failure by its kind, and clears the error class after", () => {
    const out = el("output");
    show(out, { status: "error", error: { kind: "not_found", message: "no job 3" } }, String);
    expect([out.textContent, out.dataset.kind, out.className]).toEqual([
      "not_found: no job 3",
      "not_found",
      "error",
    ]);
    show(out, { status: "ok", data: 3 }, (n) => `job ${n}`);
    expect([out.textContent, out.dataset.kind, out.className]).toEqual(["job 3", "ok", ""]);
    say(out, "tick a window", "nothing_ticked");
    expect(out.className).toBe("error");
  });

  it("shows what a click's action threw in its output", async () => {
    const button = el("button");
    const out = el("output");
    whenClicked(button, out, async () => {
      throw new Error("the core went away");
    });
    button.click();
    await vi.waitFor(() => expect(out.textContent).toBe("the core went away"));
    expect(out.dataset.kind).toBe("thrown");
  });
});
