// The end-to-end harness: one tauri-driver for the suite, one fresh app session per test,
// window handles mapped to labels, and evidence saved when a test fails.
// scripts/e2e.sh builds the app, starts Xvfb when there is no display, then runs node --test.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";
import { descendants, pidOf } from "../../bench/procs.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
export const APP = process.env.SWITCHBOARD_E2E_APP ?? join(ROOT, "target/e2e/switchboard");
const PORT = Number(process.env.SWITCHBOARD_E2E_PORT ?? 4444);
export const ARTIFACTS = process.env.SWITCHBOARD_E2E_ARTIFACTS ?? join(ROOT, "artifacts/e2e");
const LOG = join(ARTIFACTS, "app.log");

let driver = null;

function portOpen(port) {
  return new Promise((done) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => done(socket.end() && true));
    socket.once("error", () => done(false));
  });
}

/** True while an app process started from `application` (this suite's binary unless given) is
 * alive. */
export function appRunning(application = APP) {
  return spawnSync("pgrep", ["-f", application]).status === 0;
}

/** The environment each process of the app started with (read from /proc): the app's own
 * process, then each process it started, WebKit's web and network processes among them.
 * @returns {{ name: string, environment: string[] }[]} */
function startEnvironments(application = APP) {
  const core = pidOf(resolve(application));
  if (core === null) throw new Error(`${application} is not running`);
  return [core, ...descendants(core)].map((pid) => ({
    name: readFileSync(`/proc/${pid}/comm`, "utf8").trim(),
    environment: readFileSync(`/proc/${pid}/environ`, "utf8").split("\0"),
  }));
}

/** Checks that `application` started itself again with WebKit's allocator switch (`Malloc=1`,
 * crates/switchboard/src/allocator.rs), under its own name `name`, and that nothing it started
 * after that (WebKit's web and network processes) inherited the switch or the restart's mark:
 * the pages keep WebKit's allocator, which takes half the memory. Returns the names of the
 * processes it started. @param {string} name @returns {string[]} */
export function assertSystemAllocatorInCoreOnly(name, application = APP) {
  const [core, ...started] = startEnvironments(application);
  assert.equal(core.name, name);
  assert.ok(core.environment.includes("Malloc=1"), core.environment.join(" "));
  for (const process of started)
    assert.deepEqual(
      process.environment.filter((v) => /^(Malloc|SWITCHBOARD_SYSTEM_ALLOCATOR)=/.test(v)),
      [],
      process.name,
    );
  return started.map((process) => process.name);
}

/** Starts tauri-driver (and through it WebKitWebDriver); its output and the app's go to app.log. */
export async function startDriver() {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(LOG, "");
  if (await portOpen(PORT))
    throw new Error(`port ${PORT} is taken: is another tauri-driver running?`);
  driver = spawn("tauri-driver", ["--port", String(PORT), "--native-port", String(PORT + 1)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [driver.stdout, driver.stderr]) {
    stream.on("data", (chunk) => appendFileSync(LOG, chunk));
  }
  for (let i = 0; i < 100 && !(await portOpen(PORT)); i++) {
    if (driver.exitCode !== null) throw new Error(`tauri-driver exited with ${driver.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops tauri-driver and waits for it, so that both ports are free afterwards, and removes
 * the apps' data folders (a failed test has copied its app's log by then). */
export async function stopDriver() {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (!driver || driver.exitCode !== null) return;
  driver.kill("SIGTERM");
  const timer = setTimeout(() => driver.kill("SIGKILL"), 5000);
  await once(driver, "exit");
  clearTimeout(timer);
}

/** The data folders made for this suite's apps; removed when the driver stops. */
const dataDirs = [];

/** A fresh folder for an app's workspace, geometry and log. */
export function newDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-e2e-"));
  dataDirs.push(dir);
  return dir;
}

/** A running app: its WebDriver session and helpers that address windows by label. */
export class App {
  constructor(browser, dataDir, application) {
    this.browser = browser;
    this.dataDir = dataDir;
    this.application = application;
    this.handles = new Map();
  }

  /** Starts `application` (Switchboard unless given) with `--data-dir dataDir` (a fresh folder
   * unless given: no test sees another's workspace, nor the user's) and waits until its window
   * `main` shows `ready` in its status line. */
  static async start(application = APP, dataDir = newDataDir()) {
    const browser = await remote({
      hostname: "127.0.0.1",
      port: PORT,
      logLevel: "error",
      // Every wait polls the page: at WebdriverIO's default of 100 ms, each waited about 50 ms
      // longer than its page needed, and the suite waits hundreds of times.
      waitforInterval: 20,
      capabilities: {
        "tauri:options": { application, args: ["--data-dir", dataDir] },
        // WebKitWebDriver speaks classic WebDriver only, not BiDi.
        "wdio:enforceWebDriverClassic": true,
      },
    });
    const app = new App(browser, dataDir, application);
    try {
      // A restored workspace opens more windows than main at once.
      await app.browser.waitUntil(async () => (await app.labels()).includes("main"), {
        timeout: 15000,
        timeoutMsg: "main never opened",
      });
      await app.in("main", () => app.waitText("[data-testid=status]", /^ready/));
    } catch (error) {
      await app.saveEvidence(join(ARTIFACTS, "start"));
      await app.stop();
      throw error;
    }
    return app;
  }

  /** Maps every window handle to its label (handle order is arbitrary). */
  async labels() {
    const handles = await this.browser.getWindowHandles();
    for (const handle of handles) {
      if ([...this.handles.values()].includes(handle)) continue;
      await this.browser.switchToWindow(handle);
      const label = await this.browser.execute(
        () => window.__TAURI_INTERNALS__.metadata.currentWindow.label,
      );
      this.handles.set(label, handle);
    }
    for (const [label, handle] of this.handles) {
      if (!handles.includes(handle)) this.handles.delete(label);
    }
    return [...this.handles.keys()].sort();
  }

  /** Waits until exactly `want` windows are open (by label). */
  async waitForWindows(want) {
    const sorted = [...want].sort();
    await this.browser.waitUntil(
      async () => JSON.stringify(await this.labels()) === JSON.stringify(sorted),
      { timeout: 15000, timeoutMsg: `windows never became ${sorted.join(", ")}` },
    );
  }

  /** Opens each of `labels` (workers, in order, and the inspector) from main's buttons, then
   * waits until every open window's page is ready. */
  async openFromMain(labels) {
    await this.in("main", async () => {
      for (const want of labels) {
        await this.click(
          `[data-testid=${want === "inspector" ? "open-inspector" : "open-worker"}]`,
        );
        await this.waitText("[data-testid=windows-out]", new RegExp(`opened ${want}`));
      }
    });
    const all = ["main", ...labels];
    await this.waitForWindows(all);
    for (const label of all)
      await this.in(label, () => this.waitText("[data-testid=status]", /^ready/));
  }

  /** Runs `action` with window `label` current. */
  async in(label, action) {
    if (!this.handles.has(label)) await this.labels();
    const handle = this.handles.get(label);
    if (!handle) throw new Error(`no window ${label}`);
    await this.browser.switchToWindow(handle);
    return action();
  }

  $(selector) {
    return this.browser.$(selector);
  }

  async click(selector) {
    await (await this.$(selector)).click();
  }

  async type(selector, text) {
    await (await this.$(selector)).setValue(text);
  }

  /** The cells' texts of each row of a table, top row first. */
  async rows(selector) {
    return this.browser.execute(
      (s) =>
        [...document.querySelectorAll(s)].map((row) =>
          [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? ""),
        ),
      selector,
    );
  }

  /** The texts of the items of a list, newest first. */
  async list(selector) {
    return this.browser.execute(
      (s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ""),
      selector,
    );
  }

  /** The message texts in each of `labels`' inboxes, oldest first, without their numbers and
   * without the mark of a message that came by `emit_to`. */
  async inboxes(labels) {
    const out = {};
    for (const label of labels) {
      const items = await this.in(label, () => this.list("[data-testid=inbox] li:not(.skipped)"));
      out[label] = items.map(messageText).reverse();
    }
    return out;
  }

  /** Waits for `selector`'s text to match. */
  async waitText(selector, pattern, timeout = 10000) {
    await this.browser.waitUntil(
      async () => pattern.test(await (await this.$(selector)).getText()),
      {
        timeout,
        timeoutMsg: `${selector} never matched ${pattern}`,
      },
    );
  }

  /** Calls Tauri's raw invoke in the current page, as a hostile or buggy page could, and
   * fails after `timeout` ms without an answer. */
  async rawInvoke(cmd, args, timeout = 20000) {
    // Started by one script and collected by others, rather than awaited inside one
    // asynchronous script: no script is pending in WebKitWebDriver while the call opens or
    // closes a window, and an unanswered call fails with its name instead of a script timeout.
    // The outcome is `{ ok }` or `{ rejected }`, never `{ error }`: a script result shaped like
    // a WebDriver error response is taken for one by the client.
    const id = await this.browser.execute(
      (c, a) => {
        window.__e2eCalls ??= { next: 0, answers: new Map() };
        const calls = window.__e2eCalls;
        const id = calls.next++;
        window.__TAURI_INTERNALS__.invoke(c, a).then(
          (ok) => calls.answers.set(id, { ok }),
          (rejected) => calls.answers.set(id, { rejected }),
        );
        return id;
      },
      cmd,
      args,
    );
    let outcome = null;
    await this.browser.waitUntil(
      async () => {
        outcome = await this.browser.execute((id) => {
          const answers = window.__e2eCalls.answers;
          const outcome = answers.get(id) ?? null;
          answers.delete(id);
          return outcome;
        }, id);
        return outcome !== null;
      },
      { timeout, interval: 10, timeoutMsg: `${cmd} unanswered after ${timeout} ms` },
    );
    return outcome;
  }

  /** The app's own log file. */
  get logFile() {
    return join(this.dataDir, "logs", "switchboard.log");
  }

  /** Saves a screenshot of every window and the app's log under `dir`. */
  async saveEvidence(dir) {
    mkdirSync(dir, { recursive: true });
    if (existsSync(this.logFile)) copyFileSync(this.logFile, join(dir, "switchboard.log"));
    for (const label of await this.labels().catch(() => [])) {
      await this.in(label, () => this.browser.saveScreenshot(join(dir, `${label}.png`))).catch(
        () => {},
      );
    }
  }

  /** Ends the session. An app whose session broke (a webview process crashed) is still
   * running: it is killed, so that the next test starts from nothing. */
  async stop() {
    await this.browser.deleteSession().catch(() => {});
    const running = () => appRunning(this.application);
    for (let i = 0; i < 20 && running(); i++) await new Promise((r) => setTimeout(r, 100));
    if (running()) spawnSync("pkill", ["-KILL", "-f", this.application]);
  }
}

/** An inbox line's message text: without its number and sender, and without the mark the page
 * puts on what came by `emit_to` (" (routed, unverified)"). Other lines (notes) stay as shown. */
export function messageText(line) {
  return line.replace(/^#\d+ from \S+: /, "").replace(/ \(routed, unverified\)$/, "");
}

/** Runs `body` against a fresh app (`application`, Switchboard unless given); on failure saves
 * every window and names the folder. */
export async function withApp(name, body, application = APP) {
  const app = await App.start(application);
  try {
    await body(app);
  } catch (error) {
    const dir = join(ARTIFACTS, name.replace(/[^a-z0-9]+/gi, "-"));
    await app.saveEvidence(dir);
    copyFileSync(LOG, join(dir, "app.log"));
    console.error(
      `e2e: "${name}" failed; every window's screenshot, the app's log (switchboard.log) and the driver's output (app.log) are in ${dir}`,
    );
    throw error;
  } finally {
    await app.stop();
  }
}
