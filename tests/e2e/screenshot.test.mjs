// The picture at the top of the README, taken from the real app: main sends a private message
// to worker-1, worker-2 pulls 10 MiB, worker-3 runs a job, worker-4 greets and counts, and the
// inspector shows its trace and the core's stats. The
// test checks that scene; on the suite's own Xvfb it also writes the whole screen to
// artifacts/e2e/screenshot.png, which `npm run screenshots` copies to docs/.

import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ARTIFACTS, startDriver, stopDriver, withApp } from "./harness.mjs";
import { xwdToPng } from "./xwd.mjs";

before(startDriver);
after(stopDriver);

const WORKERS = ["worker-1", "worker-2", "worker-3", "worker-4"];
const ALL = ["main", ...WORKERS, "inspector"];

describe("the screenshot", () => {
  it("shows a private message to worker-1, a pull, a job, a count, the trace and the stats", async () => {
    await withApp("screenshot", async (app) => {
      await app.in("main", async () => {
        for (const want of [...WORKERS, "inspector"]) {
          await app.click(
            `[data-testid=${want === "inspector" ? "open-inspector" : "open-worker"}]`,
          );
          await app.waitText("[data-testid=windows-out]", new RegExp(`opened ${want}`));
        }
      });
      await app.waitForWindows(ALL);
      for (const label of ALL)
        await app.in(label, () => app.waitText("[data-testid=status]", /^ready/));

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

      const screen = process.env.SWITCHBOARD_XVFB_FBDIR;
      if (!screen) return; // a display of the user's: nothing to read it from
      // The last frames are drawn by now: every page answered WebDriver after its change.
      const file = join(screen, "Xvfb_screen0");
      assert.ok(existsSync(file), `${file}: Xvfb keeps no screen file`);
      const png = xwdToPng(file);
      assert.equal(png.readUInt32BE(16), 1920, "the screen's width");
      assert.equal(png.readUInt32BE(20), 1080, "the screen's height");
      writeFileSync(join(ARTIFACTS, "screenshot.png"), png);
    });
  });
});
