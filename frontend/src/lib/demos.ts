//! The components that main and workers share: the inbox and the command demos (greet,
//! counter, delayed ping, job, errors). Each builds its own elements and keeps them; its
//! `ready` resolves once its listeners are registered.

import { events } from "../../../bindings/events";
import { commands, type FailKind, type JobUpdate } from "../../../bindings/ipc";
import type { Component } from "./boot";
import { drawInBatches, el, say, section, show, whenClicked } from "./dom";
import { listenHere, listenRouted } from "./events";
import { channel } from "./ipc";

/** The inbox: every message (from Rust) and note (from another page) for this window, and
 * messages that came by `emit_to`, marked unverified, drawn
 * every 50 ms at most, the newest 50 of them (a line counts the others). `data-messages`
 * counts every message received, for tests; it is updated with each drawing. `add` puts a
 * line of the page's own in it. */
export function inbox(options: { short?: boolean } = {}): Component & {
  add: (line: string) => void;
} {
  const list = el("ul", { class: options.short ? "log short" : "log", testid: "inbox" });
  let messages = 0;
  const add = drawInBatches(list, {
    every: 50,
    max: 50,
    keep: 200,
    gap: (skipped) => el("li", { class: "skipped" }, `${skipped} more, not drawn`),
    drawn: () => {
      list.dataset.messages = String(messages);
    },
  });
  const ready = Promise.all([
    listenHere(events.inboxMessage, (m) => {
      messages += 1;
      add(() => el("li", {}, `#${m.seq} from ${m.from}: ${m.text}`));
    }),
    // What main's send box sends by `emit_to`, and whatever a page forges that way: shown for
    // what it is, and taken for nothing else.
    listenRouted(events.inboxMessage, (claim) => {
      messages += 1;
      add(() => el("li", { class: "routed" }, `${claimed(claim)} (routed, unverified)`));
    }),
    listenHere(events.directNote, (n, from) =>
      add(() => el("li", { class: "note" }, `note from ${from}: ${n.text}`)),
    ),
  ]);
  return {
    root: section("Inbox", list),
    ready,
    add: (line) => add(() => el("li", {}, line)),
  };
}

/** A routed message as a line: what it says it is, whatever its shape (at most 200
 * characters). */
function claimed(claim: unknown): string {
  const c: Record<string, unknown> =
    typeof claim === "object" && claim !== null ? { ...claim } : {};
  return `#${String(c.seq)} from ${String(c.from)}: ${String(c.text)}`.slice(0, 200);
}

function greet(): Component {
  const name = el("input", { value: "Ada", "aria-label": "name", testid: "greet-name" });
  const button = el("button", { testid: "greet" }, "Greet");
  const out = el("output", { testid: "greet-out" });
  whenClicked(button, out, async () =>
    show(out, await commands.greet(name.value), (g) => g.message),
  );
  return { root: section("Greet (arguments, return value)", name, " ", button, out) };
}

function counter(): Component {
  const value = el("span", { class: "counter", testid: "counter" }, "?");
  const inc = el("button", { testid: "counter-inc" }, "+1");
  const dec = el("button", { testid: "counter-dec" }, "-1");
  const by = el("output", { testid: "counter-by" });
  const paint = (now: number, said: string) => {
    value.textContent = String(now);
    say(by, said);
  };
  whenClicked(inc, by, async () => show(by, await commands.counterAdd(1), String));
  whenClicked(dec, by, async () => show(by, await commands.counterAdd(-1), String));
  const ready = (async () => {
    await listenHere(events.counterChanged, (c) => paint(c.value, `changed by ${c.by}`));
    const now = await commands.counterGet();
    if (now.status === "ok") paint(now.data, "");
  })();
  return {
    root: section("Shared counter (State, broadcast)", value, " ", inc, " ", dec, " ", by),
    ready,
  };
}

function ping(): Component {
  const delay = el("input", {
    type: "number",
    value: 500,
    min: 0,
    "aria-label": "delay in ms",
    testid: "ping-delay",
  });
  const button = el("button", { testid: "ping" }, "Ping later");
  const out = el("output", { testid: "ping-out" });
  const pongs = el("ul", { class: "log", testid: "pongs" });
  let pings = 0;
  whenClicked(button, out, async () => {
    pings += 1;
    const result = await commands.pingLater(Number(delay.value), `ping ${pings}`);
    show(out, result, (s) => `scheduled, due in ${s.dueInMs} ms`);
  });
  const ready = listenHere(events.delayedPong, (p) => {
    pongs.prepend(el("li", {}, `pong "${p.note}" after ${p.delayMs} ms`));
    while (pongs.childElementCount > 200) pongs.lastElementChild?.remove();
  });
  return {
    root: section("Delayed reply (event to the caller only)", delay, " ms ", button, out, pongs),
    ready,
  };
}

function job(): Component {
  const steps = el("input", {
    type: "number",
    value: 20,
    min: 1,
    "aria-label": "steps",
    testid: "job-steps",
  });
  const start = el("button", { testid: "job-start" }, "Start");
  const cancel = el("button", { testid: "job-cancel" }, "Cancel");
  const bar = el("progress", { max: 1, value: 0, testid: "job-progress" });
  const out = el("output", { testid: "job-out" });
  let running: number | null = null;
  const onUpdate = (u: JobUpdate) => {
    switch (u.type) {
      case "progress":
        bar.max = u.total;
        bar.value = u.done;
        say(out, `job ${u.job}: ${u.done}/${u.total}`);
        return;
      case "finished":
        say(out, `job ${u.job}: finished`);
        break;
      case "cancelled":
        say(out, `job ${u.job}: cancelled after ${u.done}`);
        break;
    }
    if (running === u.job) running = null;
  };
  whenClicked(start, out, async () => {
    const result = await commands.startJob(Number(steps.value), 100, channel(onUpdate));
    if (result.status === "ok") running = result.data;
    else show(out, result, String);
  });
  whenClicked(cancel, out, async () => {
    if (running === null) return say(out, "no job is running");
    show(out, await commands.cancelJob(running), () => "cancelling…");
  });
  return {
    root: section(
      "Job (async, Channel progress, cancel)",
      steps,
      " steps ",
      start,
      " ",
      cancel,
      " ",
      bar,
      out,
    ),
  };
}

function fail(): Component {
  const kinds: FailKind[] = [
    "invalid_input",
    "not_found",
    "forbidden",
    "panic",
    "panic_after_await",
  ];
  const kind = el(
    "select",
    { "aria-label": "error kind", testid: "fail-kind" },
    ...kinds.map((k) => el("option", {}, k)),
  );
  const button = el("button", { testid: "fail" }, "Fail");
  const out = el("output", { testid: "fail-out" });
  whenClicked(button, out, async () =>
    show(out, await commands.failWith(kind.value as FailKind), () => "ok?!"),
  );
  return { root: section("Typed errors", kind, " ", button, out) };
}

/** Every shared demo, in page order, for {@link boot}. */
export const demos = { greet, counter, ping, job, fail };
