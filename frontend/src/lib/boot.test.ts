import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events } from "../../../bindings/events";
import { mockCore } from "../testing";
import { boot, type Frame, frame } from "./boot";
import { el } from "./dom";
import { listenHere } from "./events";

let core: ReturnType<typeof mockCore>;
let page: Frame;
beforeEach(() => {
  page = frame(document.body, "worker-1");
  core = mockCore({ window: "worker-1", open: ["main"] });
});
afterEach(() => core.done());

const status = () => page.status;
const toMe = { to: "one", label: "worker-1" } as const;
const hello = { seq: 1, from: "main", audience: toMe, text: "hello" } as const;

describe("boot", () => {
  it("announces the page ready once every section has registered its listeners", async () => {
    const heard: string[] = [];
    // Sent while the page loads: held by the core until the page is ready.
    expect(core.send(events.inboxMessage, toMe, hello).held).toEqual(["worker-1"]);
    await boot(page, {
      inbox: () => ({ ready: listenHere(events.inboxMessage, (m) => heard.push(m.text)) }),
      buttons: () => ({ root: el("button", { testid: "go" }, "Go") }),
    });
    await core.settled();
    expect(heard).toEqual(["hello"]);
    expect(status()?.textContent).toBe("ready (1 held event(s) delivered)");
    expect(status()?.classList.contains("error")).toBe(false);
    expect(page.body.querySelector('[data-testid="go"]')?.textContent).toBe("Go");
  });

  it("announces it ready also when a section fails, and names the failure", async () => {
    const heard: string[] = [];
    await boot(page, {
      inbox: () => ({ ready: listenHere(events.inboxMessage, (m) => heard.push(m.text)) }),
      demos: () => ({ root: el("p", {}, "demos"), ready: Promise.reject(new Error("refused")) }),
      buttons: () => {
        throw new Error("no buttons today");
      },
      after: () => ({ root: el("p", {}, "after") }),
    });
    expect(status()?.textContent).toBe(
      "ready (0 held event(s) delivered), but demos failed: refused; buttons failed: no buttons today",
    );
    // The others are built, in order.
    expect([...page.body.children].map((c) => c.textContent)).toEqual(["demos", "after"]);
    expect(status()?.classList.contains("error")).toBe(true);
    // Ready: what comes now is delivered at once, not held.
    expect(core.send(events.inboxMessage, toMe, hello).emitted).toEqual(["worker-1"]);
    await core.settled();
    expect(heard).toEqual(["hello"]);
  });

  it("says the page is not ready when the core refuses it", async () => {
    core.close("worker-1");
    await boot(page, { buttons: () => ({}) });
    expect(status()?.textContent).toMatch(/^not ready: window_not_found/);
  });
});
