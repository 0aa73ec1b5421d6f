//! A worker (`worker-<n>`): its label, its inbox (only what was targeted at it or broadcast),
//! the shared counter, its own jobs and pings, and a reply to main.

import { commands } from "../../bindings/ipc";
import { listenInbox, mountDemos, show } from "./lib/demos";
import { byId, inputValue, onClick, showStatus } from "./lib/dom";
import { announceReady } from "./lib/events";
import { currentLabel } from "./lib/labels";

const label = currentLabel();
document.title = label;
byId("title").textContent = label;
byId("app").innerHTML = `
  <section><h2>Inbox</h2><ul id="inbox" class="log"></ul></section>
  <section>
    <h2>Reply to main</h2>
    <input id="reply" value="hi main" aria-label="reply"> <button id="send-reply">Reply</button>
    <output id="reply-out"></output>
  </section>
  <div id="demos"></div>`;

async function start(): Promise<void> {
  await Promise.all([listenInbox(), mountDemos(byId("demos"))]);
  onClick("send-reply", async () =>
    show("reply-out", await commands.replyToMain(inputValue("reply")), () => "sent to main"),
  );
  const ready = await announceReady();
  showStatus(`ready (${ready.flushed} held event(s) delivered)`);
}

start().catch((e: unknown) => showStatus(`failed to start: ${String(e)}`, true));
