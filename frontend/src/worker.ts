//! A worker (`worker-<n>`): its label, its inbox (only what was targeted at it or broadcast),
//! the shared counter, its own jobs and pings, and a reply to main.

import { commands } from "../../bindings/ipc";
import { boot } from "./lib/boot";
import { firstWrongByte, pull } from "./lib/bulk";
import { listenInbox, mountDemos, show } from "./lib/demos";
import { byId, inputValue, onClick } from "./lib/dom";
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
  <section>
    <h2>Pull a payload (raw ranges, progress)</h2>
    <select id="pull-size" aria-label="size">
      <option value="1">1 MiB</option><option value="10" selected>10 MiB</option>
      <option value="100">100 MiB</option>
    </select>
    <button id="pull">Pull</button> <progress id="pull-progress" max="1" value="0"></progress>
    <output id="pull-out"></output>
  </section>
  <div id="demos"></div>`;

/** Pulls the chosen number of MiB from the core, shows progress, then the rate and whether
 * every byte is the pattern the core sends. */
async function pullPayload(): Promise<void> {
  const len = Number(inputValue("pull-size")) << 20;
  const bar = byId<HTMLProgressElement>("pull-progress");
  const out = byId("pull-out");
  bar.max = len;
  bar.value = 0;
  out.textContent = "pulling…";
  const start = performance.now();
  try {
    const bytes = await pull(len, { onProgress: (received) => (bar.value = received) });
    const ms = Math.max(1, performance.now() - start);
    const wrong = firstWrongByte(bytes);
    out.textContent =
      wrong < 0
        ? `${len >> 20} MiB in ${ms.toFixed(0)} ms (${((len >> 20) / (ms / 1000)).toFixed(0)} MiB/s), every byte checked`
        : `byte ${wrong} is wrong`;
    out.dataset.kind = wrong < 0 ? "ok" : "wrong";
  } catch (e) {
    out.textContent = `failed: ${String(e)}`;
    out.dataset.kind = "failed";
  }
}

void boot({
  inbox: listenInbox,
  demos: () => mountDemos(byId("demos")),
  buttons: () => {
    onClick("send-reply", async () =>
      show("reply-out", await commands.replyToMain(inputValue("reply")), () => "sent to main"),
    );
    onClick("pull", pullPayload);
  },
});

// Only `vite build --mode bench` keeps this (see main.ts).
if (import.meta.env.MODE === "bench") void import("./lib/bench").then((bench) => bench.install());
