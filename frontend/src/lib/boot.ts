//! Starting a page: a frame (title, status line, body), then its components, each built and
//! its listeners registered, then the page tells the core it is ready, in every case. A page
//! that never announced itself would have every event for it held by the core until its
//! limit, so a component that fails is named in the status line and the others still work.

import { el, messageOf, say } from "./dom";
import { page as api } from "./events";
import { describe } from "./ipc";

/** A part of a page: its elements (if it shows any) and a promise that resolves once its
 * listeners are registered. */
export interface Component {
  root?: HTMLElement;
  ready?: Promise<unknown>;
}

/** A page's frame: a header with its title and status line, and the body for components. */
export interface Frame {
  status: HTMLElement;
  body: HTMLElement;
}

/** Builds the frame of a page titled `title` into `root` (replacing what it held). */
export function frame(root: HTMLElement, title: string): Frame {
  const status = el("p", { class: "status", role: "status", testid: "status" });
  const body = el("main");
  root.replaceChildren(el("header", {}, el("h1", { testid: "title" }, title), status), body);
  return { status, body };
}

/** Builds every component into the frame's body, in order, through the plugin's `boot`: it
 * waits until all have registered their listeners, then announces the page ready (also when
 * some failed, which the status line names). A component that throws while being built counts
 * as failed. */
export async function boot(
  page: Frame,
  components: Record<string, () => Component>,
): Promise<void> {
  const parts = Object.fromEntries(
    Object.entries(components).map(([name, make]) => [
      name,
      () => {
        const component = make();
        if (component.root) page.body.append(component.root);
        return component.ready;
      },
    ]),
  );
  const { ready, failed } = await api.boot(parts);
  const failures = failed.map(({ name, reason }) => `${name} failed: ${messageOf(reason)}`);
  if (ready.status === "error") {
    say(page.status, `not ready: ${[describe(ready.error), ...failures].join("; ")}`, "not_ready");
    return;
  }
  const flushed = `${ready.data.flushed} held event(s) delivered`;
  say(
    page.status,
    failures.length ? `ready (${flushed}), but ${failures.join("; ")}` : `ready (${flushed})`,
    failures.length ? "failed" : "ok",
  );
}
