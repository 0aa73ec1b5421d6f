//! The switchboard (`main`): the live window list, sending to one, some or all windows, and
//! every command demo.

import { events } from "../../../bindings/events";
import {
  type Audience,
  commands,
  type MenuChosen,
  type SetAside,
  type WindowLabel,
} from "../../../bindings/ipc";
import { sendMessage } from "../lib/batch";
import { boot, type Component, frame } from "../lib/boot";
import { demos, inbox } from "../lib/demos";
import { el, messageOf, say, section, show, whenClicked } from "../lib/dom";
import { listenHere, noteToCore, sendNote } from "../lib/events";

/** The open windows, live, each with a box to tick and (but main) a close button; the buttons
 * that open more; and the app menu's choices, which do what the buttons do. `ticked` reads
 * the ticked labels. No list is fetched here:
 * `window_ready` ends with the current list, after anything held. */
function windowList(): Component & { ticked: () => WindowLabel[] } {
  const list = el("ul", { class: "log windows", testid: "windows" });
  const openWorker = el("button", { testid: "open-worker" }, "Open worker");
  const openInspector = el("button", { testid: "open-inspector" }, "Open inspector");
  const out = el("output", { testid: "windows-out" });
  const boxes = new Map<WindowLabel, HTMLInputElement>();
  const ticked = () => [...boxes].filter(([, box]) => box.checked).map(([label]) => label);

  const close = async (label: WindowLabel) =>
    show(out, await commands.closeWindow(label), () => `closed ${label}`);
  const row = (label: WindowLabel, checked: boolean) => {
    const box = el("input", { type: "checkbox", value: label, "aria-label": `tick ${label}` });
    box.checked = checked;
    boxes.set(label, box);
    const line = el("li", { "data-label": label }, box, el("span", {}, label));
    if (label !== "main") {
      const closeButton = el("button", {}, "close");
      whenClicked(closeButton, out, () => close(label));
      line.append(closeButton);
    }
    return line;
  };
  const paint = (open: WindowLabel[]) => {
    const keep = new Set(ticked());
    boxes.clear();
    list.replaceChildren(...open.map((label) => row(label, keep.has(label))));
  };

  const newWorker = async () => show(out, await commands.openWorker(), (l) => `opened ${l}`);
  const inspector = async () => show(out, await commands.openInspector(), (l) => `opened ${l}`);
  /** The app menu's choices, made in any window, run here as the buttons do. */
  const chosen = (choice: MenuChosen) => {
    switch (choice.action) {
      case "new_worker":
        return newWorker();
      case "inspector":
        return inspector();
      case "close_window":
        return close(choice.label);
      case "quit":
        // Closing main quits the app.
        return close("main");
    }
  };
  whenClicked(openWorker, out, newWorker);
  whenClicked(openInspector, out, inspector);
  return {
    root: section("Windows (live)", list, openWorker, " ", openInspector, out),
    ready: Promise.all([
      listenHere(events.windowsChanged, (w) => paint(w.open)),
      listenHere(events.menuChosen, (choice) => {
        chosen(choice).catch((e: unknown) => say(out, messageOf(e), "thrown"));
      }),
    ]),
    ticked,
  };
}

/** Sending from Rust to the ticked windows, the workers or all, as messages, a burst, or
 * notes (page to page, and page to the core). */
function sendBox(ticked: () => WindowLabel[], add: (line: string) => void): Component {
  const text = el("input", { value: "hello", "aria-label": "message", testid: "message" });
  const toTicked = el("button", { testid: "send-selected" }, "To ticked");
  const toWorkers = el("button", { testid: "send-workers" }, "To workers");
  const toAll = el("button", { testid: "send-all" }, "To all");
  const burstButton = el(
    "button",
    {
      testid: "send-burst",
      title: "1,000 copies to the ticked windows, as fast as the core can send them",
    },
    "Burst ×1,000 to ticked",
  );
  const isPrivate = el("input", { type: "checkbox", testid: "private" });
  const out = el("output", { testid: "send-out" });
  const noteButton = el("button", { testid: "send-note" }, "Note to ticked (JS to JS)");
  const coreButton = el("button", { testid: "send-core" }, "Note to core (JS to Rust)");
  const noteOut = el("output", { testid: "note-out" });
  const transport = () => (isPrivate.checked ? "channel" : "event");

  const audienceOfTicked = (): Audience | null => {
    const labels = ticked();
    const [only] = labels;
    if (only === undefined) return null;
    return labels.length === 1 ? { to: "one", label: only } : { to: "some", labels };
  };
  const send = async (audience: Audience | null) => {
    if (audience === null) return say(out, "tick at least one window", "nothing_ticked");
    show(out, await sendMessage(audience, text.value, transport()), (s) =>
      [
        `emitted to ${s.emitted.join(", ") || "none"}`,
        s.held.length ? `held for ${s.held.join(", ")}` : "",
        s.notHeld.length ? `NOT held, ${s.notHeld.join(", ")} still loading and full` : "",
      ]
        .filter(Boolean)
        .join("; "),
    );
  };
  /** A flood: 1,000 copies; each inbox counts them and draws the newest. */
  const burst = async (audience: Audience | null) => {
    if (audience === null) return say(out, "tick at least one window", "nothing_ticked");
    show(out, await commands.sendBurst(audience, text.value, transport(), 1000), (b) =>
      b.notHeld
        ? `burst sent, #${b.first} to #${b.last}; ${b.notHeld} NOT held for windows still loading`
        : `burst sent, #${b.first} to #${b.last}`,
    );
  };

  whenClicked(toTicked, out, () => send(audienceOfTicked()));
  whenClicked(toWorkers, out, () => send({ to: "workers" }));
  whenClicked(toAll, out, () => send({ to: "all" }));
  whenClicked(burstButton, out, () => burst(audienceOfTicked()));
  whenClicked(noteButton, noteOut, async () => {
    const labels = ticked();
    if (labels.length === 0) return say(noteOut, "tick at least one window", "nothing_ticked");
    const sent = await Promise.all(labels.map((l) => sendNote(l, text.value)));
    const failed = sent.find((r) => r.status === "error");
    if (failed?.status === "error") return say(noteOut, failed.error.message, failed.error.kind);
    say(noteOut, `note sent to ${labels.join(", ")}`);
  });
  whenClicked(coreButton, noteOut, async () => {
    await noteToCore(text.value);
    say(noteOut, "note sent to the core");
  });
  return {
    root: section(
      "Send (Rust to JS: one, set, workers, all)",
      text,
      " ",
      toTicked,
      " ",
      toWorkers,
      " ",
      toAll,
      " ",
      burstButton,
      " ",
      el(
        "label",
        {
          title:
            "Over each window's own Channel: no other page can overhear it. Unticked: Tauri's emit_to, which routes but does not hide.",
        },
        isPrivate,
        " private",
      ),
      out,
      el("div", {}, noteButton, " ", coreButton, noteOut),
    ),
    // The core answers a note to it with an acknowledgement, shown in the inbox.
    ready: listenHere(events.coreNoteAck, (a) =>
      add(`core read a note of ${a.chars} chars (${a.total} so far)`),
    ),
  };
}

/** Where the workspace is kept and what it holds: read at start, then live as the core writes
 * it (a write that failed says why); and a file that could not be used at start. A second
 * start of the app shows here too. */
function workspace(): Component {
  const out = el("output", { testid: "workspace" });
  const launches = el("ul", { class: "log short", testid: "launches" });
  const holds = (windows: WindowLabel[], messages: number) =>
    `${windows.join(", ") || "no other windows"}, ${messages} message(s)`;
  const ready = (async () => {
    await listenHere(events.launchedAgain, (l) => {
      launches.prepend(el("li", {}, `launched again with ${l.args.join(" ") || "no arguments"}`));
    });
    const status = await commands.workspaceStatus();
    show(out, status, (s) => {
      if (s.path === null) return "not kept";
      const messages = Object.values(s.workspace.inboxes).reduce((n, m) => n + m.length, 0);
      return `${holds(s.workspace.windows, messages)}, in ${s.path}${setAside(s.setAside)}`;
    });
    if (status.status !== "ok" || status.data.path === null) return;
    const where = `${status.data.path}${setAside(status.data.setAside)}`;
    await listenHere(events.workspaceSaved, (w) => {
      if (w.error !== null)
        say(out, `not saved (write ${w.writes}) to ${where}: ${w.error}`, "internal");
      else say(out, `${holds(w.windows, w.messages)}, in ${where} (write ${w.writes})`);
    });
  })();
  return { root: section("Workspace", out, launches), ready };
}

function setAside(aside: SetAside | null): string {
  return aside ? `; set aside ${aside.path}: ${aside.reason}` : "";
}

/** Builds main's page into `root` and announces it ready. */
export function mount(root: HTMLElement): Promise<void> {
  const windows = windowList();
  const messages = inbox();
  return boot(frame(root, "Switchboard"), {
    "window list": () => windows,
    send: () => sendBox(windows.ticked, messages.add),
    inbox: () => messages,
    workspace,
    ...demos,
  });
}
