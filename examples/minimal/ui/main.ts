//! The page of both window kinds: every window lists the note texts Rust sends it; main also
//! opens notes.

import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import { pageApi } from "tauri-plugin-switchboard-api";
import { events } from "../bindings/events";
import { commands, type Label } from "../bindings/ipc";

const page = pageApi<Label>();
const $ = <E extends HTMLElement>(id: string) => document.querySelector(`[data-testid=${id}]`) as E;

function add(list: HTMLElement, text: string): void {
  const item = document.createElement("li");
  item.textContent = text;
  list.append(item);
}

if (getCurrentWebviewWindow().label === "main") {
  const form = $<HTMLFormElement>("open");
  form.hidden = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void commands.openNote($<HTMLInputElement>("text").value).then((answer) => {
      $("opened").textContent =
        answer.status === "ok"
          ? `sent; held for ${answer.data.held.join(", ") || "none"}`
          : `${answer.error.kind}: ${answer.error.message}`;
    });
  });
}

const { ready, failed } = await page.boot({
  notes: () => page.listenHere(events.noteText, (note) => add($("notes"), note.text)),
});
$("status").textContent =
  ready.status === "ok" && failed.length === 0
    ? `ready as ${ready.data.label}`
    : `not ready: ${ready.status === "error" ? ready.error.message : "a listener failed"}`;
