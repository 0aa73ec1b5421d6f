// The docs' pictures, taken from the real app. The README's: main sends a private message to
// worker-1, worker-2 pulls 10 MiB, worker-3 runs a job, worker-4 greets and counts, and the
// inspector shows its trace and the core's stats. docs/workspace.md's: a workspace restored at
// start, in the light and the dark scheme. The tests check each scene; on the suite's own Xvfb
// they also write the whole screen to artifacts/e2e/ (screenshot.png, workspace-light.png,
// workspace-dark.png), which `npm run screenshots` copies to docs/.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { APP, App, ARTIFACTS, startDriver, stopDriver, withApp } from "./harness.mjs";
import { xwdToPng } from "./xwd.mjs";

before(startDriver);
after(stopDriver);

/** Writes the whole screen to `ARTIFACTS/name` when the display is the suite's own Xvfb (a
 * display of the user's has no file to read it from). The pages answered WebDriver after their
 * last change, so their frames are drawn. @param {string} name */
function saveScreen(name) {
  const screen = process.env.SWITCHBOARD_XVFB_FBDIR;
  if (!screen) return;
  const file = join(screen, "Xvfb_screen0");
  assert.ok(existsSync(file), `${file}: Xvfb keeps no screen file`);
  const png = xwdToPng(file);
  assert.equal(png.readUInt32BE(16), 1920, "the screen's width");
  assert.equal(png.readUInt32BE(20), 1080, "the screen's height");
  writeFileSync(join(ARTIFACTS, name), png);
}

const WORKERS = ["worker-1", "worker-2", "worker-3", "worker-4"];

describe("the screenshots", () => {
  it("shows a private message to worker-1, a pull, a job, a count, the trace and the stats", async () => {
    await withApp("screenshot", async (app) => {
      await app.openFromMain([...WORKERS, "inspector"]);
      // Main lists every open window in sight: a list that scrolls hides its last rows behind
      // a scrollbar WebKitGTK shows only once scrolled.
      const list = await app.in("main", () =>
        app.browser.execute(() => {
          const ul = /** @type {HTMLElement} */ (document.querySelector("[data-testid=windows]"));
          const labels = [...ul.querySelectorAll("li")].map((li) => li.dataset.label);
          return { labels, hidden: ul.scrollHeight - ul.clientHeight };
        }),
      );
      assert.deepEqual(list, {
        labels: ["main", "inspector", ...WORKERS],
        hidden: 0,
      });

      await app.in("main", async () => {
        for (const box of await app.browser.$$("[data-testid=windows] input[type=checkbox]")) {
          if ((await box.getValue()) === "worker-1") await box.click();
        }
        await app.click("[data-testid=private]");
        await app.type("[data-testid=message]", "hello, worker-1 only");
        await app.click("[data-testid=send-selected]");
        await app.waitText("[data-testid=send-out]", /to worker-1/);
      });
      await app.in("worker-1", () => app.waitText("[data-testid=inbox]", /hello, worker-1 only/));
      await app.in("worker-2", async () => {
        await app.click("[data-testid=pull]");
        await app.waitText("[data-testid=pull-out]", /every byte checked$/, 30000);
      });
      await app.in("worker-3", async () => {
        await app.click("[data-testid=job-start]");
        await app.waitText("[data-testid=job-out]", /finished/, 30000);
      });
      await app.in("worker-4", async () => {
        await app.click("[data-testid=greet]");
        await app.waitText("[data-testid=greet-out]", /Hello, Ada!/);
        await app.click("[data-testid=counter-inc]");
      });
      await app.in("main", () => app.waitText("[data-testid=counter]", /^1$/));
      // The private message reached worker-1 alone.
      assert.deepEqual(await app.inboxes(["worker-2", "worker-3", "worker-4"]), {
        "worker-2": [],
        "worker-3": [],
        "worker-4": [],
      });
      await app.in("inspector", async () => {
        await app.click("[data-testid=stats]");
        await app.waitText("[data-testid=stats-out]", /\S/);
        await app.waitText("[data-testid=trace]", /download_raw/);
      });

      saveScreen("screenshot.png");
    });
  });

  it("shows the workspace restored at start, in the light and the dark scheme", async () => {
    // A folder of this test's own: the driver's restart below removes the suite's folders.
    const dataDir = mkdtempSync(join(tmpdir(), "switchboard-e2e-shots-"));
    const three = ["main", "worker-1", "worker-2", "inspector"];
    try {
      const first = await App.start(APP, dataDir);
      try {
        await first.openFromMain(["worker-1", "worker-2", "inspector"]);
        await first.in("main", async () => {
          await first.type("[data-testid=message]", "good morning, all");
          await first.click("[data-testid=send-all]");
        });
        await first.in("worker-2", () =>
          first.waitText("[data-testid=inbox]", /good morning, all/),
        );
      } finally {
        await first.stop();
      }
      for (const scheme of ["light", "dark"]) {
        if (scheme === "dark") {
          // GTK's dark variant, which WebKitGTK hands the pages as `prefers-color-scheme`.
          await stopDriver();
          process.env.GTK_THEME = "Adwaita:dark";
          await startDriver();
        }
        const app = await App.start(APP, dataDir);
        try {
          await app.waitForWindows(three);
          for (const label of three)
            await app.in(label, () => app.waitText("[data-testid=status]", /^ready/));
          await app.in("worker-2", () => app.waitText("[data-testid=inbox]", /good morning, all/));
          const dark = await app.in("main", () =>
            app.browser.execute(() => matchMedia("(prefers-color-scheme: dark)").matches),
          );
          assert.equal(dark, scheme === "dark", `the pages follow the ${scheme} scheme`);
          saveScreen(`workspace-${scheme}.png`);
        } finally {
          await app.stop();
        }
      }
    } finally {
      delete process.env.GTK_THEME;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
