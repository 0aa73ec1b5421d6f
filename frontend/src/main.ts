//! The switchboard (`main`): the live window list, sending to one, some or all windows, and
//! every command demo.

import { events } from "../../bindings/events";
import { type Audience, commands, type WindowLabel } from "../../bindings/ipc";
import { sendMessage } from "./lib/batch";
import { boot } from "./lib/boot";
import { listenInbox, mountDemos, show } from "./lib/demos";
import { byId, el, inputValue, onClick, prepend, showStatus, whenClicked } from "./lib/dom";
import { listenHere, noteToCore, sendNote } from "./lib/events";

const app = byId("app");
app.innerHTML = `
  <section>
    <h2>Windows (live)</h2>
    <ul id="windows" class="log windows"></ul>
    <button id="open-worker">Open worker</button> <button id="open-inspector">Open inspector</button>
    <output id="windows-out"></output>
  </section>
  <section>
    <h2>Send (Rust to JS: one, set, workers, all)</h2>
    <input id="message" value="hello" aria-label="message">
    <button id="send-selected">To ticked</button>
    <button id="send-workers">To workers</button>
    <button id="send-all">To all</button>
    <button id="send-burst" title="1,000 copies to the ticked windows, as fast as the core can send them">Burst ×1,000 to ticked</button>
    <label title="Over each window's own Channel: no other page can overhear it. Unticked: Tauri's emit_to, which routes but does not hide.">
      <input id="private" type="checkbox"> private
    </label>
    <output id="send-out"></output>
    <div>
      <button id="send-note">Note to ticked (JS to JS)</button>
      <button id="send-core">Note to core (JS to Rust)</button>
      <output id="note-out"></output>
    </div>
  </section>
  <section><h2>Inbox</h2><ul id="inbox" class="log"></ul></section>
  <div id="demos"></div>`;

/** The labels whose boxes are ticked in the window list. */
function ticked(): WindowLabel[] {
  return [...document.querySelectorAll<HTMLInputElement>("#windows input:checked")].map(
    (box) => box.value as WindowLabel,
  );
}

function paintWindows(open: WindowLabel[]): void {
  const keep = new Set(ticked());
  const list = byId("windows");
  list.replaceChildren(
    ...open.map((label) => {
      const row = el("li");
      row.dataset.label = label;
      const box = el("input");
      box.type = "checkbox";
      box.value = label;
      box.checked = keep.has(label);
      box.setAttribute("aria-label", `tick ${label}`);
      row.append(box, el("span", label));
      if (label !== "main") {
        const close = el("button", "close");
        whenClicked(close, async () =>
          show("windows-out", await commands.closeWindow(label), () => `closed ${label}`),
        );
        row.append(close);
      }
      return row;
    }),
  );
}

async function send(audience: Audience): Promise<void> {
  const transport = byId<HTMLInputElement>("private").checked ? "channel" : "event";
  const result = await sendMessage(audience, inputValue("message"), transport);
  show("send-out", result, (s) =>
    [
      `emitted to ${s.emitted.join(", ") || "none"}`,
      s.held.length ? `held for ${s.held.join(", ")}` : "",
      s.notHeld.length ? `NOT held, ${s.notHeld.join(", ")} still loading and full` : "",
    ]
      .filter(Boolean)
      .join("; "),
  );
}

/** A flood: 1,000 copies to `audience`; each inbox counts them and draws the newest. */
async function burst(audience: Audience): Promise<void> {
  const transport = byId<HTMLInputElement>("private").checked ? "channel" : "event";
  const result = await commands.sendBurst(audience, inputValue("message"), transport, 1000);
  show("send-out", result, (b) =>
    b.notHeld
      ? `burst sent, #${b.first} to #${b.last}; ${b.notHeld} NOT held for windows still loading`
      : `burst sent, #${b.first} to #${b.last}`,
  );
}

function audienceOfTicked(): Audience | null {
  const labels = ticked();
  const [only] = labels;
  if (only === undefined) return null;
  return labels.length === 1 ? { to: "one", label: only } : { to: "some", labels };
}

function listenToButtons(): void {
  onClick("open-worker", async () =>
    show("windows-out", await commands.openWorker(), (l) => `opened ${l}`),
  );
  onClick("open-inspector", async () =>
    show("windows-out", await commands.openInspector(), (l) => `opened ${l}`),
  );
  onClick("send-selected", async () => {
    const audience = audienceOfTicked();
    return audience ? send(audience) : showStatus("tick at least one window", true);
  });
  onClick("send-burst", async () => {
    const audience = audienceOfTicked();
    return audience ? burst(audience) : showStatus("tick at least one window", true);
  });
  onClick("send-workers", () => send({ to: "workers" }));
  onClick("send-all", () => send({ to: "all" }));
  onClick("send-note", async () => {
    const labels = ticked();
    if (labels.length === 0) return showStatus("tick at least one window", true);
    await Promise.all(labels.map((l) => sendNote(l, inputValue("message"))));
    byId("note-out").textContent = `note sent to ${labels.join(", ")}`;
  });
  onClick("send-core", async () => {
    await noteToCore(inputValue("message"));
    byId("note-out").textContent = "note sent to the core";
  });
}

// No list is fetched here: `window_ready` ends with the current list, after anything held.
void boot({
  "window list": () => listenHere(events.windowsChanged, (w) => paintWindows(w.open)),
  inbox: listenInbox,
  "core notes": () =>
    listenHere(events.coreNoteAck, (a) =>
      prepend("inbox", el("li", `core read a note of ${a.chars} chars (${a.total} so far)`)),
    ),
  demos: () => mountDemos(byId("demos")),
  buttons: listenToButtons,
});

// Only `vite build --mode bench` keeps this: elsewhere the condition is constant-false and the
// module is left out of the bundle.
if (import.meta.env.MODE === "bench") void import("./lib/bench").then((bench) => bench.install());
