//! Small DOM helpers for the pages' components. A component builds its elements with `el()`
//! and keeps references to them, so that nothing is looked up by a global id: the only ids a
//! page carries are `data-testid`s, for tests.

import { describe, type Result } from "./ipc";

/** Attributes of {@link el}: `class`, `testid` (becomes `data-testid`) and any other
 * attribute; `true` sets an empty attribute, `false` leaves it out. */
export type Props = Record<string, string | number | boolean>;

/** Makes an element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false) continue;
    node.setAttribute(
      name === "testid" ? "data-testid" : name,
      value === true ? "" : String(value),
    );
  }
  node.append(...children);
  return node;
}

/** A titled section of a page. */
export function section(title: string, ...children: (Node | string)[]): HTMLElement {
  return el("section", {}, el("h2", {}, title), ...children);
}

/** How {@link drawInBatches} draws a list. */
export interface Batches {
  /** Milliseconds between the first new line and its drawing. */
  every: number;
  /** Most lines drawn at once: the newest; older ones are counted in a gap line. */
  max: number;
  /** Most lines the list keeps. */
  keep: number;
  /** The line that says `skipped` lines were not drawn. */
  gap: (skipped: number) => HTMLElement;
  /** Called after each drawing. */
  drawn?: () => void;
}

/** Returns an `add` that puts lines at the top of `list` in batches. A page pays for drawing
 * (layout and paint, on CPUs that every window shares), not for receiving, so lines that come
 * close together are drawn together: a burst of a thousand costs one drawing of at most `max`
 * lines. Lines are made only if they are drawn. */
export function drawInBatches(
  list: HTMLElement,
  batches: Batches,
): (make: () => HTMLElement) => void {
  let waiting: (() => HTMLElement)[] = [];
  let skipped = 0;
  let scheduled = false;
  const draw = () => {
    scheduled = false;
    const lines = waiting.map((make) => make()).reverse();
    if (skipped > 0) lines.push(batches.gap(skipped));
    list.prepend(...lines);
    while (list.childElementCount > batches.keep) list.lastElementChild?.remove();
    waiting = [];
    skipped = 0;
    batches.drawn?.();
  };
  return (make) => {
    waiting.push(make);
    if (waiting.length > batches.max) {
      skipped += 1;
      waiting.shift();
    }
    if (!scheduled) {
      scheduled = true;
      setTimeout(draw, batches.every);
    }
  };
}

/** Shows `text` in `out`; an error gets the `error` class and `data-kind`, for tests and CSS. */
export function say(out: HTMLElement, text: string, kind = "ok"): void {
  out.textContent = text;
  out.dataset.kind = kind;
  out.classList.toggle("error", kind !== "ok");
}

/** Shows a command's outcome in `out`: the data, or the error's kind and message. */
export function show<T>(out: HTMLElement, result: Result<T>, format: (data: T) => string): void {
  if (result.status === "ok") say(out, format(result.data));
  else say(out, describe(result.error), result.error.kind);
}

/** Runs `action` when `button` is clicked; a failure is shown in `out`, never lost. */
export function whenClicked(
  button: HTMLElement,
  out: HTMLElement,
  action: () => Promise<unknown>,
): void {
  button.addEventListener("click", () => {
    action().catch((e: unknown) => say(out, messageOf(e), "thrown"));
  });
}

/** What a thrown value says, for people. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
