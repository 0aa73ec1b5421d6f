//! A worker (`worker-<n>`): its label, its inbox (only what was targeted at it or broadcast),
//! the shared counter, its own jobs and pings, a reply to main, and a payload pulled in ranges.

import { commands } from "../../../bindings/ipc";
import { boot, type Component, frame } from "../lib/boot";
import { firstWrongByte, pull } from "../lib/bulk";
import { demos, inbox } from "../lib/demos";
import { el, say, section, show, whenClicked } from "../lib/dom";
import { currentLabel } from "../lib/labels";

function reply(): Component {
  const text = el("input", { value: "hi main", "aria-label": "reply", testid: "reply" });
  const button = el("button", { testid: "send-reply" }, "Reply");
  const out = el("output", { testid: "reply-out" });
  whenClicked(button, out, async () =>
    show(out, await commands.replyToMain(text.value), () => "sent to main"),
  );
  return { root: section("Reply to main", text, " ", button, out) };
}

/** Pulls the chosen number of MiB from the core, shows progress, then the rate and whether
 * every byte is the pattern the core sends. */
function pullPayload(): Component {
  const size = el(
    "select",
    { "aria-label": "size", testid: "pull-size" },
    el("option", { value: 1 }, "1 MiB"),
    el("option", { value: 10, selected: true }, "10 MiB"),
    el("option", { value: 100 }, "100 MiB"),
  );
  const button = el("button", { testid: "pull" }, "Pull");
  const bar = el("progress", { max: 1, value: 0, testid: "pull-progress" });
  const out = el("output", { testid: "pull-out" });
  whenClicked(button, out, async () => {
    const len = Number(size.value) << 20;
    bar.max = len;
    bar.value = 0;
    say(out, "pulling…");
    const start = performance.now();
    try {
      const bytes = await pull(len, { onProgress: (received) => (bar.value = received) });
      const ms = Math.max(1, performance.now() - start);
      const wrong = firstWrongByte(bytes);
      if (wrong < 0) {
        const rate = ((len >> 20) / (ms / 1000)).toFixed(0);
        say(out, `${len >> 20} MiB in ${ms.toFixed(0)} ms (${rate} MiB/s), every byte checked`);
      } else say(out, `byte ${wrong} is wrong`, "wrong");
    } catch (e) {
      say(out, `failed: ${String(e)}`, "failed");
    }
  });
  return {
    root: section("Pull a payload (raw ranges, progress)", size, " ", button, " ", bar, out),
  };
}

/** Builds a worker's page into `root` and announces it ready. */
export function mount(root: HTMLElement): Promise<void> {
  const label = currentLabel();
  document.title = label;
  return boot(frame(root, label), { inbox, reply, pull: pullPayload, ...demos });
}
