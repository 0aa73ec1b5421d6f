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

/** Appends `line` to list `id`. */
export function append(id: string, line: HTMLElement): void {
  byId(id).append(line);
}

/** Runs `action` when `node` is clicked; a failure is shown in `#status`, never lost. */
export function whenClicked(node: HTMLElement, action: () => Promise<unknown>): void {
  node.addEventListener("click", () => {
    action().catch((e: unknown) => showStatus(e instanceof Error ? e.message : String(e), true));
  });
}

/** Runs `action` when the element `id` is clicked, like {@link whenClicked}. */
export function onClick(id: string, action: () => Promise<unknown>): void {
  whenClicked(byId(id), action);
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
