//! The command demos that main and workers share: greet, counter, delayed ping, job, errors.
//! Each `mount*` builds its section into a container and registers its listeners; the page
//! announces readiness after all of them have resolved.

import { events } from "../../../bindings/events";
import { commands, type FailKind, type JobUpdate } from "../../../bindings/ipc";
import { byId, drawInBatches, el, inputValue, onClick, prepend, showStatus } from "./dom";
import { listenHere } from "./events";
import { channel, describe, type Result } from "./ipc";

function section(container: HTMLElement, title: string, html: string): void {
  const box = el("section");
  box.append(el("h2", title));
  const body = el("div");
  body.innerHTML = html;
  box.append(body);
  container.append(box);
}

/** Shows every message (from Rust) and note (from another page) for this window in `#inbox`:
 * drawn every 50 ms at most, the newest 50 of them (a line counts the others). `data-messages`
 * counts every message received, for tests; it is updated with each drawing. */
export async function listenInbox(): Promise<void> {
  const inbox = byId("inbox");
  let messages = 0;
  const add = drawInBatches(inbox, {
    every: 50,
    max: 50,
    keep: 200,
    gap: (skipped) => el("li", `${skipped} more, not drawn`, "skipped"),
    drawn: () => {
      inbox.dataset.messages = String(messages);
    },
  });
  await Promise.all([
    listenHere(events.inboxMessage, (m) => {
      messages += 1;
      add(() => el("li", `#${m.seq} from ${m.from}: ${m.text}`));
    }),
    listenHere(events.directNote, (n) =>
      add(() => el("li", `note from ${n.from}: ${n.text}`, "note")),
    ),
  ]);
}

/** Shows a command's outcome in `#id`: the data, or the error's kind and message. */
export function show<T>(id: string, result: Result<T>, format: (data: T) => string): void {
  const out = byId(id);
  if (result.status === "ok") {
    out.textContent = format(result.data);
    out.dataset.kind = "ok";
  } else {
    out.textContent = describe(result.error);
    out.dataset.kind = result.error.kind;
  }
  out.classList.toggle("error", result.status === "error");
}

function mountGreet(container: HTMLElement): void {
  section(
    container,
    "Greet (arguments, return value)",
    `<input id="greet-name" value="Ada" aria-label="name"> <button id="greet">Greet</button>
     <output id="greet-out"></output>`,
  );
  onClick("greet", async () =>
    show("greet-out", await commands.greet(inputValue("greet-name")), (g) => g.message),
  );
}

async function mountCounter(container: HTMLElement): Promise<void> {
  section(
    container,
    "Shared counter (State, broadcast)",
    `<span id="counter">?</span> <button id="counter-inc">+1</button>
     <button id="counter-dec">-1</button> <output id="counter-by"></output>`,
  );
  const paint = (value: number, by: string) => {
    byId("counter").textContent = String(value);
    byId("counter-by").textContent = by;
  };
  await listenHere(events.counterChanged, (c) => paint(c.value, `changed by ${c.by}`));
  onClick("counter-inc", async () => show("counter-by", await commands.counterAdd(1), String));
  onClick("counter-dec", async () => show("counter-by", await commands.counterAdd(-1), String));
  const now = await commands.counterGet();
  if (now.status === "ok") paint(now.data, "");
}

async function mountPing(container: HTMLElement): Promise<void> {
  section(
    container,
    "Delayed reply (event to the caller only)",
    `<input id="ping-delay" type="number" value="500" min="0" aria-label="delay in ms"> ms
     <button id="ping">Ping later</button> <output id="ping-out"></output>
     <ul id="pongs" class="log"></ul>`,
  );
  await listenHere(events.delayedPong, (p) =>
    prepend("pongs", el("li", `pong "${p.note}" after ${p.delayMs} ms`)),
  );
  let pings = 0;
  onClick("ping", async () => {
    pings += 1;
    const result = await commands.pingLater(Number(inputValue("ping-delay")), `ping ${pings}`);
    show("ping-out", result, (s) => `scheduled, due in ${s.dueInMs} ms`);
  });
}

function mountJob(container: HTMLElement): void {
  section(
    container,
    "Job (async, Channel progress, cancel)",
    `<input id="job-steps" type="number" value="20" min="1" aria-label="steps"> steps
     <button id="job-start">Start</button> <button id="job-cancel">Cancel</button>
     <progress id="job-progress" max="1" value="0"></progress> <output id="job-out"></output>`,
  );
  let running: number | null = null;
  const onUpdate = (u: JobUpdate) => {
    const out = byId("job-out");
    const bar = byId<HTMLProgressElement>("job-progress");
    switch (u.type) {
      case "progress":
        bar.max = u.total;
        bar.value = u.done;
        out.textContent = `job ${u.job}: ${u.done}/${u.total}`;
        return;
      case "finished":
        out.textContent = `job ${u.job}: finished`;
        break;
      case "cancelled":
        out.textContent = `job ${u.job}: cancelled after ${u.done}`;
        break;
    }
    if (running === u.job) running = null;
  };
  onClick("job-start", async () => {
    const result = await commands.startJob(Number(inputValue("job-steps")), 100, channel(onUpdate));
    if (result.status === "ok") running = result.data;
    else show("job-out", result, String);
  });
  onClick("job-cancel", async () => {
    if (running === null) return showStatus("no job is running");
    show("job-out", await commands.cancelJob(running), () => "cancelling…");
  });
}

function mountFail(container: HTMLElement): void {
  const kinds: FailKind[] = [
    "invalid_input",
    "not_found",
    "forbidden",
    "panic",
    "panic_after_await",
  ];
  section(
    container,
    "Typed errors",
    `<select id="fail-kind" aria-label="error kind">${kinds
      .map((k) => `<option>${k}</option>`)
      .join("")}</select> <button id="fail">Fail</button> <output id="fail-out"></output>`,
  );
  onClick("fail", async () =>
    show("fail-out", await commands.failWith(inputValue("fail-kind") as FailKind), () => "ok?!"),
  );
}

/** Builds every shared demo into `container`, in page order; resolves once their listeners
 * are registered (so the page may then announce that it is ready). */
export async function mountDemos(container: HTMLElement): Promise<void> {
  const listening = [mountCounter(container), mountPing(container)];
  mountGreet(container);
  mountJob(container);
  mountFail(container);
  await Promise.all(listening);
}
