// The workspace across restarts, in the real webview: the app killed with SIGKILL comes back
// with its windows, their places and their inboxes; a corrupt workspace file is set aside; a
// second start of the app hands its arguments to the first and ends.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { APP, App, appRunning, newDataDir, startDriver, stopDriver } from "./harness.mjs";

before(startDriver);
after(stopDriver);

const FOUR = ["inspector", "main", "worker-1", "worker-2"];

/** Waits until `test` holds, polling every 50 ms, or fails with `what`. */
async function until(test, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `body` with the app started on `dataDir`; saves evidence if it fails. */
async function session(name, dataDir, body) {
  const app = await App.start(APP, dataDir);
  try {
    return await body(app);
  } catch (error) {
    await app.saveEvidence(join(process.cwd(), "artifacts/e2e", name));
    throw error;
  } finally {
    await app.stop();
  }
}

describe("the workspace", () => {
  it("comes back after the app is killed: windows, places and inboxes", async () => {
    const dataDir = newDataDir();
    const workspaceFile = join(dataDir, "workspace.json");
    const moved = await session("before the kill", dataDir, async (app) => {
      await app.in("main", async () => {
        for (const want of ["worker-1", "worker-2", "inspector"]) {
          const button = want === "inspector" ? "open-inspector" : "open-worker";
          await app.click(`[data-testid=${button}]`);
          await app.waitText("[data-testid=windows-out]", new RegExp(`opened ${want}`));
        }
      });
      await app.waitForWindows(FOUR);
      for (const label of FOUR)
        await app.in(label, () => app.waitText("[data-testid=status]", /^ready/));
      // As a user drags it: WebDriver's own window move waits for a window manager to
      // confirm, and Xvfb has none, so X moves it (xdotool, as a window manager would).
      const before = await app.in("worker-2", () => app.browser.getWindowRect());
      const move = spawnSync("xdotool", [
        "search",
        "--name",
        "^Worker 2$",
        "windowmove",
        "%@",
        String(before.x + 37),
        String(before.y + 23),
      ]);
      assert.equal(move.status, 0, `xdotool: ${move.stderr}`);
      let rect = before;
      await until(async () => {
        rect = await app.in("worker-2", () => app.browser.getWindowRect());
        return rect.x !== before.x || rect.y !== before.y;
      }, "worker-2 moved");
      await app.in("main", async () => {
        await app.rawInvoke("send_message", {
          audience: { to: "one", label: "worker-2" },
          text: "for worker-2",
          transport: "channel",
        });
        await app.rawInvoke("send_message", {
          audience: { to: "all" },
          text: "for all",
          transport: "event",
        });
      });
      await app.in("worker-2", () => app.waitText("[data-testid=inbox]", /for all/));
      // Written as it happens: the workspace file, and window geometry with it.
      await until(
        () => existsSync(workspaceFile) && readFileSync(workspaceFile, "utf8").includes("for all"),
        "the workspace file has the last message",
      );
      // Main's line follows each write.
      await app.in("main", () =>
        app.waitText(
          "[data-testid=workspace]",
          /^worker-1, worker-2, inspector, 5 message\(s\), in .*workspace\.json \(write \d+\)$/,
        ),
      );
      const geometry = join(dataDir, "window-state.json");
      await until(() => {
        if (!existsSync(geometry)) return false;
        const saved = JSON.parse(readFileSync(geometry, "utf8"))["worker-2"];
        return saved?.x === rect.x && saved?.y === rect.y;
      }, "window-state.json has worker-2's new place");
      spawnSync("pkill", ["-KILL", "-f", APP]);
      await until(() => !appRunning(), "the app is gone");
      return rect;
    });

    await session("after the kill", dataDir, async (app) => {
      await app.waitForWindows(FOUR);
      for (const label of FOUR)
        await app.in(label, () => app.waitText("[data-testid=status]", /^ready/));
      const rect = await app.in("worker-2", () => app.browser.getWindowRect());
      assert.deepEqual([rect.x, rect.y], [moved.x, moved.y], "worker-2 is where it was");
      await app.browser.waitUntil(async () => (await app.inboxes(FOUR))["worker-2"].length === 2, {
        timeout: 5000,
        timeoutMsg: "worker-2's inbox did not come back",
      });
      assert.deepEqual(await app.inboxes(FOUR), {
        inspector: ["for all"],
        main: ["for all"],
        "worker-1": ["for all"],
        "worker-2": ["for worker-2", "for all"],
      });
      // Main says what it restored.
      await app.in("main", () =>
        app.waitText("[data-testid=workspace]", /^worker-1, worker-2, inspector, 5 message\(s\)/),
      );
    });
  });

  it("sets a corrupt file aside, says so, and starts fresh", async () => {
    const dataDir = newDataDir();
    writeFileSync(join(dataDir, "workspace.json"), '{"format": 1, "windows": ["worker-1"');
    await session("corrupt workspace", dataDir, async (app) => {
      await app.in("main", () => app.waitText("[data-testid=workspace]", /set aside .*: not JSON/));
      assert.deepEqual(await app.labels(), ["main"]);
    });
    const aside = readdirSync(dataDir).filter((f) => f.startsWith("workspace.json.set-aside-"));
    assert.equal(aside.length, 1);
    assert.match(readFileSync(join(dataDir, aside[0] ?? ""), "utf8"), /worker-1/);
  });

  it("hands a second start's arguments to the running app, which logs them", async () => {
    const dataDir = newDataDir();
    await session("second start", dataDir, async (app) => {
      await app.in("main", () => app.rawInvoke("open_inspector", {}));
      await app.waitForWindows(["inspector", "main"]);
      await app.in("inspector", () => app.waitText("[data-testid=status]", /^ready/));
      const second = spawn(APP, ["--data-dir", dataDir, "--open", "report.txt"], {
        stdio: "ignore",
      });
      const [code] = await Promise.race([
        once(second, "exit"),
        new Promise((_, fail) =>
          setTimeout(() => fail(new Error("the second start ran on")), 15000),
        ),
      ]);
      assert.equal(code, 0, "the second start ends, successfully");
      await app.in("main", () =>
        app.waitText("[data-testid=launches]", /launched again with .*--open report\.txt/),
      );
      assert.deepEqual(await app.labels(), ["inspector", "main"], "and opens no window");
      // The app's log said so, and the inspector shows the log.
      await app.in("inspector", () =>
        app.waitText("[data-testid=log]", /info switchboard_commands::windows: launched again/),
      );
    });
  });
});

/** Presses `keys` in the window titled `title` as a user would: X focuses it (there is no
 * window manager under Xvfb) and the keys go to GTK, whose accelerators run the menu. (Two
 * commands: keys sent to a window that closes on them fail on their release.) */
function press(title, keys) {
  for (const args of [
    ["search", "--onlyvisible", "--name", `^${title}$`, "windowfocus", "--sync", "%1"],
    ["key", "--clearmodifiers", keys],
  ]) {
    const done = spawnSync("xdotool", args);
    assert.equal(done.status, 0, `xdotool ${args.join(" ")}: ${done.stderr}`);
  }
}

describe("the app menu", () => {
  it("opens and closes windows by its shortcuts, through main's commands", async () => {
    await session("menu shortcuts", newDataDir(), async (app) => {
      press("Switchboard", "ctrl+n");
      await app.waitForWindows(["main", "worker-1"]);
      press("Switchboard", "ctrl+i");
      await app.waitForWindows(["inspector", "main", "worker-1"]);
      for (const label of ["inspector", "worker-1"])
        await app.in(label, () => app.waitText("[data-testid=status]", /^ready/));
      // Ctrl+W closes the window that has the focus, not main.
      press("Worker 1", "ctrl+w");
      await app.waitForWindows(["inspector", "main"]);
      // Each went through main's commands, checked by its capability, and traced.
      const traced = await app.in("inspector", async () => {
        await app.waitText("[data-testid=trace]", /close_window/);
        return app.rows("[data-testid=trace] tr");
      });
      const commands = traced
        .filter(([, , what]) => what === "command")
        .map(([, , , name, window]) => `${window} ${name}`);
      for (const call of ["main open_worker", "main open_inspector", "main close_window"])
        assert.ok(commands.includes(call), `${call} not in ${commands.join(", ")}`);
    });
  });
});
