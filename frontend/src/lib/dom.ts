//! Small DOM helpers shared by the windows' pages.

/** The element with `id`; throws if the page lacks it (a bug in the page, not in input). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} is missing`);
  return el as T;
}

/** Makes an element with text and optional class. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = "",
  className = "",
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Puts `line` at the top of list `id`, keeping at most `keep` lines. */
export function prepend(id: string, line: HTMLElement, keep = 200): void {
  const list = byId(id);
  list.prepend(line);
  while (list.childElementCount > keep) list.lastElementChild?.remove();
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

/** Runs `action` when `node` is clicked; a failure is shown in `#status`, never lost. */
export function whenClicked(node: HTMLElement, action: () => Promise<unknown>): void {
  node.addEventListener("click", () => {
    action().catch((e: unknown) => showStatus(messageOf(e), true));
  });
}

/** Runs `action` when the element `id` is clicked, like {@link whenClicked}. */
export function onClick(id: string, action: () => Promise<unknown>): void {
  whenClicked(byId(id), action);
}

/** What a thrown value says, for people. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Shows one line of status; errors get the `error` class. */
export function showStatus(text: string, isError = false): void {
  const status = byId("status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

/** The value of an input. */
export function inputValue(id: string): string {
  return byId<HTMLInputElement>(id).value;
}
