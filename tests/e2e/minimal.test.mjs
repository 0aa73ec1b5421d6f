// The minimal example (examples/minimal) in the real webview: a targeted event reaches the
// window it names and no other, and one sent while that window's page was still loading is held
// and arrives once the page is ready.

import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { after, before, it } from "node:test";
import { assertSystemAllocatorInCoreOnly, startDriver, stopDriver, withApp } from "./harness.mjs";

const MINIMAL =
  process.env.SWITCHBOARD_MINIMAL_APP ??
  join(resolve(import.meta.dirname, "../.."), "target/e2e/minimal");

before(startDriver);
after(stopDriver);

it("sends each note its own text while it loads, delivered to it alone once it is ready", () =>
  withApp(
    "minimal: targeted and held",
    async (app) => {
      await app.in("main", async () => {
        for (const [n, text] of [
          [1, "first"],
          [2, "second"],
        ]) {
          await app.type("[data-testid=text]", text);
          await app.click("[data-testid=open-note]");
          // The command's answer: sent while the new note was loading, so held for it.
          await app.waitText("[data-testid=opened]", new RegExp(`^sent; held for note-${n}$`));
        }
      });
      await app.waitForWindows(["main", "note-1", "note-2"]);
      const notes = {};
      for (const label of ["main", "note-1", "note-2"]) {
        notes[label] = await app.in(label, async () => {
          await app.waitText("[data-testid=status]", new RegExp(`^ready as ${label}$`));
          if (label !== "main") await app.waitText("[data-testid=notes]", /\S/);
          return app.list("[data-testid=notes] li");
        });
      }
      assert.deepEqual(notes, { main: [], "note-1": ["first"], "note-2": ["second"] });
      // Like the demo, it calls the plugin's allocator switch first: WebKit in its own process
      // started with the system's allocator; its pages did not.
      const started = assertSystemAllocatorInCoreOnly("minimal", MINIMAL);
      assert.ok(started.length > 0);
    },
    MINIMAL,
  ));
