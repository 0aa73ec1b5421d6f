// @ts-check
//! Live bindings, a Vite plugin for the dev server (`npm run dev`, so also `npm run tauri dev`):
//! when the server starts and whenever a Rust file under `crates/` changes, it regenerates
//! `bindings/` with `npm run bindings`, and it keeps the whole project type-checked
//! (`scripts/live-typecheck.mjs`), so that a command or event whose Rust signature changed shows
//! its callers' type errors in the terminal and in Vite's error overlay in every window, with no
//! manual step. When Rust does not compile, cargo's error takes the overlay's place: the
//! bindings are then stale.
//!
//! No rebuild loop: `tauri dev` rebuilds on changes in the app crate and the crates it depends
//! on, and `bindings/` is in neither (docs/tauri-behaviour.md#dev-watch-loop); the generator
//! rewrites only files whose content changed. Vite's own watcher keeps ignoring `crates/`
//! (vite.config.ts): Vite would act on those changes too; this plugin watches them itself.
//!
//! Cargo runs in the project's own target folder, which `tauri dev`'s rebuild of the app after
//! the same change uses too. Cargo lets one build at a time use a folder, and this plugin starts
//! first (it waits 150 ms, `tauri dev` a second): the bindings binary builds with both cores
//! while the app's build waits, then finds our crates compiled and only links the app (the
//! bindings binary is in the app's package, so both build every crate with the same features).
//! With a folder of its own, both would build at once on the same cores, after a first build of
//! all of Tauri there: measured, the type error came about 4 s later. docs/development.md ("Live
//! bindings") has the figures.
//!
//! Active only for `vite serve`: not for `vite build` or `vite preview`, nor under vitest, which
//! serves too.

import { spawn } from "node:child_process";
import { readdirSync, watch } from "node:fs";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";

/** @typedef {import("./live-typecheck.mjs").Problem} Problem */
/** @typedef {import("vite").ErrorPayload} ErrorPayload */

const name = "live-bindings";

/** Added to every page: once the page has loaded, it asks for the overlay that stands, if any.
 * Not on connecting: a page that fills `<body>` afresh as it starts (ours do) would remove an
 * overlay shown before. A window opened while an error stands, or reloaded because the
 * bindings changed (Vite reloads the pages that import them), shows it too. */
const clientCode = `const ask = () => import.meta.hot?.send("${name}:ask");
if (document.readyState === "complete") ask();
else addEventListener("load", ask, { once: true });
`;
/** Where pages load the client from, and its module's id in Vite. */
const clientUrl = `/@${name}/client.js`;
const clientId = `\0${name}-client`;

/** @param {{ root: string }} options the project root: `crates/`, `tsconfig.json` and the
 * `bindings` script of `package.json` are found there.
 * @returns {import("vite").Plugin} */
export function liveBindings({ root }) {
  return {
    name,
    apply: (_config, env) => env.command === "serve" && !env.isPreview && !process.env.VITEST,
    resolveId: (id) => (id === clientUrl ? clientId : undefined),
    load: (id) => (id === clientId ? clientCode : undefined),
    transformIndexHtml: () => [
      { tag: "script", attrs: { type: "module", src: clientUrl }, injectTo: "body" },
    ],
    configureServer(server) {
      const log = server.config.logger;
      const say = (/** @type {string} */ text) =>
        log.info(`[${name}] ${text}`, { timestamp: true });
      const complain = (/** @type {string} */ text) =>
        log.error(`[${name}] ${text}`, { timestamp: true });

      /** cargo's output when the last regeneration failed. @type {string | null} */
      let cargoFailure = null;
      /** What the last check found; null until the first check ends. @type {Problem[] | null} */
      let problems = null;
      /** What the overlay shows in every window now, if anything. @type {ErrorPayload | null} */
      let shown = null;

      /** Sends what the overlay should show to every window, if it changed. */
      const publish = () => {
        const next = overlay(root, cargoFailure, problems ?? []);
        if (JSON.stringify(next) === JSON.stringify(shown)) return;
        // An update without modules closes the overlay and keeps the page (a reload would reset
        // every window's state). Sent to the open windows only: Vite's own `ws.send` keeps an
        // error for the next window to connect, which would show it after it is mended.
        const payload = next ?? (shown ? { type: "update", updates: [] } : null);
        shown = next;
        if (payload) for (const page of server.ws.clients) page.send(payload);
      };
      server.ws.on(`${name}:ask`, (_data, page) => {
        if (!shown) return;
        page.send(shown);
        // Also the mark bench/live.mjs times the overlay by.
        say("a window loaded: shown the overlay");
      });

      const checker = new Worker(new URL("./live-typecheck.mjs", import.meta.url), {
        workerData: { tsconfig: join(root, "tsconfig.json") },
      });
      checker.on("message", (/** @type {Problem[]} */ found) => {
        const before = problems && report(root, problems);
        problems = found;
        if (before === report(root, found)) return;
        if (found.length === 0) say("types ok");
        else complain(report(root, found));
        publish();
      });
      checker.on("error", (error) =>
        complain(`the type checker stopped: ${/** @type {Error} */ (error).stack}`),
      );

      /** Regenerates; one run at a time, and one more after it when Rust changed meanwhile. */
      let running = false;
      let again = false;
      const regenerate = async (/** @type {string} */ reason) => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        for (let why = reason; ; why = "Rust changed meanwhile") {
          again = false;
          say(`${why}: npm run bindings`);
          // Through npm, so that the command is the one package.json names.
          const { ok, output } = await run("npm", ["run", "--silent", "bindings"], root);
          cargoFailure = ok ? null : output.trim();
          if (ok) say(output.trim());
          else complain(`bindings not regenerated: npm run bindings failed\n${output.trim()}`);
          publish();
          if (!again) break;
        }
        running = false;
      };
      /** @type {NodeJS.Timeout | undefined} */
      let pending;
      // An editor's save can be several events (a temporary file, a rename): one run for all.
      const stopWatching = watchRust(join(root, "crates"), () => {
        clearTimeout(pending);
        pending = setTimeout(() => void regenerate("Rust changed"), 150);
      });
      // Also once now: Rust may have changed while no dev server ran, and a check against stale
      // bindings would be wrong either way. Nothing changed costs a second of cargo.
      void regenerate("dev server started");

      server.httpServer?.once("close", () => {
        clearTimeout(pending);
        stopWatching();
        void checker.terminate();
      });
    },
  };
}

/** The problems as `tsc` prints them, a line each, paths from the project root.
 * @param {string} root @param {Problem[]} problems */
function report(root, problems) {
  const lines = problems.map(
    (p) =>
      `${p.file ? `${relative(root, p.file)}:${p.line}:${p.column} - ` : ""}${p.category} TS${p.code}: ${p.text}`,
  );
  const count = `${problems.length} type error${problems.length === 1 ? "" : "s"}`;
  return `${count}\n${lines.join("\n")}`;
}

/** What the overlay shows: cargo's failure first (the bindings are stale, so type errors may
 * be beside the point), else the type errors, at the first one's place.
 * @param {string} root @param {string | null} cargoFailure @param {Problem[]} problems
 * @returns {ErrorPayload | null} */
function overlay(root, cargoFailure, problems) {
  const first = problems[0];
  if (cargoFailure === null && !first) return null;
  const message =
    cargoFailure === null
      ? report(root, problems)
      : `bindings not regenerated: npm run bindings failed\n\n${cargoFailure}`;
  const place =
    cargoFailure === null && first?.file
      ? { id: first.file, loc: { file: first.file, line: first.line, column: first.column } }
      : {};
  return { type: "error", err: { message, stack: "", plugin: name, ...place } };
}

/** Runs a command; resolves with whether it succeeded and all it printed, in order.
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<{ ok: boolean, output: string }>} */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => resolve({ ok: false, output: `${output}${error.message}` }));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

/** Calls `changed` when a Rust file or a crate's manifest under `dir` changes; returns what
 * stops watching. Each folder is watched on its own: Node 20's recursive `fs.watch` follows
 * each file on Linux, and loses one that an editor saves by renaming a new copy over it (seen
 * here: the second such save went unnoticed). A folder sees both kinds of save. A rename can
 * add or remove a folder, so it rescans the tree.
 * @param {string} dir @param {() => void} changed */
function watchRust(dir, changed) {
  /** @type {Map<string, import("node:fs").FSWatcher>} */
  const watchers = new Map();
  const scan = () => {
    const folders = new Set([
      dir,
      ...readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(entry.parentPath, entry.name)),
    ]);
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      const watcher = watch(folder, (event, file) => {
        if (event === "rename") rescan();
        if (file && /\.rs$|^Cargo\.toml$/.test(file)) changed();
      });
      watchers.set(folder, watcher);
    }
  };
  // A folder that is gone again before it is watched is no loss: its removal is another rename.
  const rescan = () => {
    try {
      scan();
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
    }
  };
  scan();
  return () => {
    for (const watcher of watchers.values()) watcher.close();
  };
}
