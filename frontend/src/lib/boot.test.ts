import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events } from "../../../bindings/events";
import { boot } from "./boot";
import { listenHere } from "./events";
import { mockCore } from "./mock";

let core: ReturnType<typeof mockCore>;
beforeEach(() => {
  document.body.innerHTML = '<p id="status"></p>';
  core = mockCore({ window: "worker-1", open: ["main"] });
});
afterEach(() => core.done());

const status = () => document.getElementById("status");
const toMe = { to: "one", label: "worker-1" } as const;
const hello = { seq: 1, from: "main", audience: toMe, text: "hello" } as const;

describe("boot", () => {
  it("announces the page ready once every section has registered its listeners", async () => {
    const heard: string[] = [];
    // Sent while the page loads: held by the core until the page is ready.
    expect(core.send(events.inboxMessage, toMe, hello).held).toEqual(["worker-1"]);
    await boot({
      inbox: () => listenHere(events.inboxMessage, (m) => heard.push(m.text)),
      buttons: () => undefined,
    });
    await core.settled();
    expect(heard).toEqual(["hello"]);
    expect(status()?.textContent).toBe("ready (1 held event(s) delivered)");
    expect(status()?.classList.contains("error")).toBe(false);
  });

  it("announces it ready also when a section fails, and names the failure", async () => {
    const heard: string[] = [];
    await boot({
      inbox: () => listenHere(events.inboxMessage, (m) => heard.push(m.text)),
      demos: async () => {
        throw new Error("#demos is missing");
      },
      buttons: () => {
        throw new Error("#pull is missing");
      },
    });
    expect(status()?.textContent).toBe(
      "ready (0 held event(s) delivered), but demos failed: #demos is missing; buttons failed: #pull is missing",
    );
    expect(status()?.classList.contains("error")).toBe(true);
    // Ready: what comes now is delivered at once, not held.
    expect(core.send(events.inboxMessage, toMe, hello).emitted).toEqual(["worker-1"]);
    await core.settled();
    expect(heard).toEqual(["hello"]);
  });

  it("says the page is not ready when the core refuses it", async () => {
    core.close("worker-1");
    await boot({ buttons: () => undefined });
    expect(status()?.textContent).toMatch(/^not ready: window_not_found/);
  });
});
