// @ts-check
// `npm run doctor`: checks that the toolchain fits this project, one line per check, each
// failure with its fix. Exits 1 if any check failed.
//   --quick   skips the checks that build Rust (fresh bindings); `setup.sh` runs this.
//   --tests   also requires the tools only the end-to-end tests use (WebKitWebDriver,
//             tauri-driver); without it their absence is a warning.
//   --root D  checks the project in D (the doctor's own test points it at broken copies).

import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    tests: { type: "boolean", default: false },
    root: { type: "string", default: join(import.meta.dirname, "..") },
  },
});
const root = values.root ?? ".";

/** The oldest Node.js the frontend's tools run on (Vite 8). */
const NODE_AT_LEAST = [20, 19];
/** The oldest Rust that builds tauri 2.12 (its `rust-version`). */
const RUST_AT_LEAST = [1, 90];
/** The oldest WebKitGTK (4.1 API) Tauri 2 supports. */
const WEBKITGTK_AT_LEAST = [2, 40];
/** The oldest tauri-driver that speaks to WebKitWebDriver for Tauri 2. */
const TAURI_DRIVER_AT_LEAST = [2, 0];

/** @typedef {{ ok: true, detail: string } | { ok: false, detail: string, fix: string, warn?: boolean }} Outcome */

/** Runs `command` with `args` in the project; its trimmed stdout, or null if it cannot run or
 * fails. @param {string} command @param {string[]} args @returns {string | null} */
function run(command, args) {
  try {
    return execFileSync(command, args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  } catch {
    return null;
  }
}

/** The first file called `name` in a folder of PATH, or null. @param {string} name */
function onPath(name) {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  const runnable = (/** @type {string} */ file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  return dirs.map((dir) => join(dir, name)).find(runnable) ?? null;
}

/** The numbers of a version string: "v20.19.1" -> [20, 19, 1]. @param {string} text */
function numbers(text) {
  const found = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return found ? found.slice(1).map((n) => Number(n ?? 0)) : null;
}

/** True when `version` is at least `least`. @param {number[]} version @param {number[]} least */
function atLeast(version, least) {
  for (let i = 0; i < least.length; i++) {
    const [v, l] = [version[i] ?? 0, least[i] ?? 0];
    if (v !== l) return v > l;
  }
  return true;
}

/** A check that `command` prints a version of at least `least`; `name` goes before the
 * version it shows.
 * @param {string[]} command @param {number[]} least
 * @param {{ name?: string, missing: { detail: string, fix: string }, old: string }} says
 * @returns {() => Outcome} */
function versionAtLeast([program = "", ...args], least, { name = "", missing, old }) {
  return () => {
    const found = run(program, args);
    const version = found && numbers(found);
    if (!version) return { ok: false, ...missing };
    const detail = `${name}${found}`;
    return atLeast(version, least) ? { ok: true, detail } : { ok: false, detail, fix: old };
  };
}

/** The version of every package in Cargo.lock, by name (the first one listed, if several). */
function cargoLock() {
  /** @type {Map<string, string>} */
  const versions = new Map();
  const text = readFileSync(join(root, "Cargo.lock"), "utf8");
  for (const [, name, version] of text.matchAll(
    /\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g,
  )) {
    if (name && version && !versions.has(name)) versions.set(name, version);
  }
  return versions;
}

/** The installed version of an npm package, or null. @param {string} name */
function npmVersion(name) {
  const file = join(root, "node_modules", name, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : null;
}

/** @param {string} version */
const majorMinor = (version) => version.split(".").slice(0, 2).join(".");

/** @type {[string, () => Outcome][]} */
const checks = [
  [
    "tauri crate and npm packages",
    () => {
      const crate = cargoLock().get("tauri");
      if (!crate)
        return {
          ok: false,
          detail: "no tauri in Cargo.lock",
          fix: "run `cargo generate-lockfile`",
        };
      const api = npmVersion("@tauri-apps/api");
      const cli = npmVersion("@tauri-apps/cli");
      if (!api || !cli)
        return { ok: false, detail: "npm packages not installed", fix: "run `npm ci`" };
      const off = [
        ["@tauri-apps/api", api],
        ["@tauri-apps/cli", cli],
      ].filter(([, v]) => majorMinor(v ?? "") !== majorMinor(crate));
      if (off.length === 0) return { ok: true, detail: `tauri ${crate}, api ${api}, cli ${cli}` };
      return {
        ok: false,
        detail: `tauri ${crate} but ${off.map(([n, v]) => `${n} ${v}`).join(", ")}`,
        fix: `pin ${off.map(([n]) => n).join(" and ")} to ${majorMinor(crate)}.x in package.json (or tauri in Cargo.toml to theirs), then \`npm install\``,
      };
    },
  ],
  [
    "specta set",
    () => {
      const lock = cargoLock();
      const [specta, tauriSpecta, typescript] = ["specta", "tauri-specta", "specta-typescript"].map(
        (n) => lock.get(n),
      );
      if (!specta || !tauriSpecta || !typescript)
        return {
          ok: false,
          detail: "specta, tauri-specta or specta-typescript missing from Cargo.lock",
          fix: "run `cargo generate-lockfile`",
        };
      const pins = readFileSync(join(root, "Cargo.toml"), "utf8");
      const pinned = (/** @type {string} */ name, /** @type {string} */ version) =>
        new RegExp(
          `^${name} = .*version = "=${version.replaceAll(".", "\\.")}"|^${name} = "=${version.replaceAll(".", "\\.")}"`,
          "m",
        ).test(pins);
      const detail = `specta ${specta}, tauri-specta ${tauriSpecta}, specta-typescript ${typescript}`;
      if (specta !== tauriSpecta)
        return {
          ok: false,
          detail,
          fix: "specta and tauri-specta are released together: pin both to the same version with `=` in Cargo.toml",
        };
      const loose = [
        ["specta", specta],
        ["tauri-specta", tauriSpecta],
        ["specta-typescript", typescript],
      ].filter(([n, v]) => !pinned(n ?? "", v ?? ""));
      if (loose.length > 0)
        return {
          ok: false,
          detail: `${detail}; not pinned with \`=\` in Cargo.toml: ${loose.map(([n]) => n).join(", ")}`,
          fix: "their release candidates change the generated TypeScript between versions: pin each with `=` in [workspace.dependencies]",
        };
      return { ok: true, detail };
    },
  ],
  [
    "Rust",
    versionAtLeast(["rustc", "--version"], RUST_AT_LEAST, {
      missing: { detail: "rustc not found", fix: "install Rust from https://rustup.rs" },
      old: `Rust ${RUST_AT_LEAST.join(".")} or newer is needed: \`rustup update stable\``,
    }),
  ],
  [
    "Node.js",
    versionAtLeast(["node", "--version"], NODE_AT_LEAST, {
      missing: { detail: "node not found", fix: "install Node.js 20.19 or newer" },
      old: `Node.js ${NODE_AT_LEAST.join(".")} or newer is needed (Vite's own minimum)`,
    }),
  ],
  [
    "WebKitGTK",
    versionAtLeast(["pkg-config", "--modversion", "webkit2gtk-4.1"], WEBKITGTK_AT_LEAST, {
      name: "webkit2gtk-4.1 ",
      missing: {
        detail: "webkit2gtk-4.1 not found by pkg-config",
        fix: "`sudo apt-get install libwebkit2gtk-4.1-dev` (or `npm run setup`)",
      },
      old: `WebKitGTK ${WEBKITGTK_AT_LEAST.join(".")} or newer is needed: upgrade the system's packages`,
    }),
  ],
  [
    "WebKitWebDriver",
    () => {
      const found = onPath("WebKitWebDriver");
      if (!found)
        return {
          ok: false,
          warn: !values.tests,
          detail: "not on PATH (only the end-to-end tests need it)",
          fix: "`sudo apt-get install webkit2gtk-driver`",
        };
      return { ok: true, detail: found };
    },
  ],
  [
    "tauri-driver",
    () => {
      // It has no --version; cargo knows what it installed.
      const list = run("cargo", ["install", "--list"]) ?? "";
      const line = list.split("\n").find((l) => l.startsWith("tauri-driver "));
      const version = line && numbers(line);
      const fix = "`cargo install tauri-driver --locked` (or `bash scripts/setup.sh --test-tools`)";
      if (!version) {
        const elsewhere = onPath("tauri-driver");
        if (elsewhere)
          return {
            ok: false,
            warn: true,
            detail: `${elsewhere}, not installed by cargo: its version cannot be checked`,
            fix,
          };
        return {
          ok: false,
          warn: !values.tests,
          detail: "not installed (only the end-to-end tests need it)",
          fix,
        };
      }
      if (!atLeast(version, TAURI_DRIVER_AT_LEAST))
        return { ok: false, warn: !values.tests, detail: line ?? "", fix };
      return { ok: true, detail: (line ?? "").replace(/:$/, "") };
    },
  ],
  [
    "capabilities and window labels",
    () => {
      // The labels the app uses (crates/events/src/label.rs): main, inspector, worker-<n>.
      const kinds = { main: /^main$/, inspector: /^inspector$/, worker: /^worker-\*$/ };
      const dir = join(root, "app", "capabilities");
      /** @type {Map<string, string[]>} */
      const covered = new Map();
      const strange = [];
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
        const { windows = [] } = JSON.parse(readFileSync(join(dir, file), "utf8"));
        for (const label of windows) {
          const kind = Object.entries(kinds).find(([, pattern]) => pattern.test(label))?.[0];
          if (kind) covered.set(kind, [...(covered.get(kind) ?? []), file]);
          else strange.push(`${file}: "${label}"`);
        }
      }
      if (strange.length > 0)
        return {
          ok: false,
          detail: `labels no window has: ${strange.join(", ")}`,
          fix: 'a capability\'s `windows` names "main", "inspector" or "worker-*"; any other label grants nothing',
        };
      const missing = Object.keys(kinds).filter((k) => !covered.has(k));
      const twice = [...covered].filter(([, files]) => files.length > 1);
      if (missing.length > 0 || twice.length > 0)
        return {
          ok: false,
          detail: [
            missing.length ? `no capability for ${missing.join(", ")}` : "",
            ...twice.map(([k, files]) => `${k} in ${files.join(" and ")}`),
          ]
            .filter(Boolean)
            .join("; "),
          fix: "one capability file per kind of window (main, inspector, worker-*), so that each window's grants are read in one place",
        };
      return { ok: true, detail: "main, inspector and worker-* each in one capability" };
    },
  ],
  [
    "bindings fresh",
    () => {
      if (values.quick)
        return { ok: true, detail: "skipped (--quick): `npm run doctor` checks it" };
      try {
        execFileSync(
          "cargo",
          ["run", "--quiet", "-p", "switchboard-app", "--bin", "bindings", "--", "--check"],
          {
            cwd: root,
            encoding: "utf8",
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        return { ok: true, detail: "bindings/ matches the Rust code" };
      } catch (e) {
        const said = /** @type {{ stderr?: string, stdout?: string }} */ (e);
        const why =
          `${said.stderr ?? ""}${said.stdout ?? ""}`.trim().split("\n").slice(-1)[0] ?? "";
        return {
          ok: false,
          detail: why || "the check failed",
          fix: "`npm run bindings`, then commit bindings/",
        };
      }
    },
  ],
];

let failed = 0;
for (const [name, check] of checks) {
  /** @type {Outcome} */
  let outcome;
  try {
    outcome = check();
  } catch (e) {
    outcome = {
      ok: false,
      detail: `could not check: ${e instanceof Error ? e.message : String(e)}`,
      fix: "see the message",
    };
  }
  if (outcome.ok) {
    console.log(`ok    ${name}: ${outcome.detail}`);
  } else {
    if (!outcome.warn) failed += 1;
    console.log(
      `${outcome.warn ? "warn" : "FAIL"}  ${name}: ${outcome.detail}\n      fix: ${outcome.fix}`,
    );
  }
}
if (failed > 0) {
  console.log(`doctor: ${failed} check(s) failed`);
  process.exit(1);
}
console.log("doctor: all good");
