//! `npm run doctor` on scratch copies of the project, each broken in one way: the broken check,
//! and only it, fails, with its fix. The tools it asks about (rustc, node, pkg-config, cargo,
//! WebKitWebDriver) are stand-ins on a PATH of their own, so each can be made missing or old.

import { execFileSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const project = join(import.meta.dirname, "../..");
const doctor = join(project, "scripts/doctor.mjs");

/** What the stand-in tools answer. */
type Tools = {
  rustc: string;
  node: string;
  webkitgtk: string | null;
  webdriver: boolean;
  /** `cargo install --list` */
  installed: string;
  /** `cargo run … --check`: the exit status and what it prints. */
  bindings: [number, string];
};

const healthy: Tools = {
  rustc: "rustc 1.95.0 (59807616e 2026-04-14)",
  node: "v22.12.0",
  webkitgtk: "2.50.6",
  webdriver: true,
  installed: "tauri-driver v2.1.0:\n    tauri-driver",
  bindings: [0, "bindings up to date"],
};

let scratch = "";
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of what the doctor reads, and stand-in tools. */
function copy(tools: Partial<Tools> = {}): string {
  scratch = mkdtempSync(join(tmpdir(), "doctor-"));
  for (const file of ["Cargo.toml", "Cargo.lock", "app/capabilities"]) {
    cpSync(join(project, file), join(scratch, file), { recursive: true });
  }
  for (const name of ["@tauri-apps/api", "@tauri-apps/cli"]) {
    const dir = join(scratch, "node_modules", name);
    mkdirSync(dir, { recursive: true });
    cpSync(join(project, "node_modules", name, "package.json"), join(dir, "package.json"));
  }
  const t = { ...healthy, ...tools };
  const bin = join(scratch, "bin");
  mkdirSync(bin);
  const tool = (name: string, script: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${script}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool("rustc", `echo '${t.rustc}'`);
  tool("node", `echo '${t.node}'`);
  tool("pkg-config", t.webkitgtk ? `echo '${t.webkitgtk}'` : "exit 1");
  if (t.webdriver) tool("WebKitWebDriver", "exit 0");
  tool(
    "cargo",
    `if [ "$1" = install ]; then printf '%s\\n' '${t.installed}'; exit 0; fi
echo '${t.bindings[1]}' >&2; exit ${t.bindings[0]}`,
  );
  return scratch;
}

/** Edits a file of the copy. */
function edit(file: string, change: (text: string) => string): void {
  const path = join(scratch, file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
}

/** Runs the doctor on the copy: its exit status and its lines. */
function diagnose(...flags: string[]): { status: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [doctor, "--root", scratch, ...flags], {
      encoding: "utf8",
      env: { PATH: join(scratch, "bin") },
    });
    return { status: 0, out };
  } catch (e) {
    const failed = e as { status: number; stdout: string };
    return { status: failed.status, out: failed.stdout };
  }
}

/** The checks that did not pass, by name. */
function failing(out: string): string[] {
  return [...out.matchAll(/^(?:FAIL|warn) {2}([^:]+):/gm)].map((m) => m[1] ?? "");
}

describe("npm run doctor", () => {
  it("passes a healthy project", () => {
    copy();
    const { status, out } = diagnose("--tests");
    expect(failing(out)).toEqual([]);
    expect(out).toContain("doctor: all good");
    expect(status).toBe(0);
  });

  // Each case: what it breaks (stand-in tools, or an edit of the copy), the check that must
  // fail, and what it must say.
  it.each<[string, Partial<Tools> | (() => void), string, RegExp]>([
    [
      "an npm package a minor version off the tauri crate",
      () =>
        edit("node_modules/@tauri-apps/api/package.json", (t) =>
          t.replace(/"version": "[^"]+"/, '"version": "2.11.0"'),
        ),
      "tauri crate and npm packages",
      /@tauri-apps\/api 2\.11\.0[\s\S]*fix: pin @tauri-apps\/api to 2\.12\.x/,
    ],
    [
      "tauri-specta of another release than specta",
      () =>
        edit("Cargo.lock", (t) =>
          t.replace(/(name = "tauri-specta"\nversion = ")[^"]+/, "$1" + "2.0.0-rc.21"),
        ),
      "specta set",
      /released together/,
    ],
    [
      "specta-typescript not pinned",
      () => edit("Cargo.toml", (t) => t.replace(/specta-typescript = "=/, 'specta-typescript = "')),
      "specta set",
      /not pinned with `=` in Cargo\.toml: specta-typescript/,
    ],
    [
      "an old Rust",
      { rustc: "rustc 1.80.0 (abc 2024-07-21)" },
      "Rust",
      /rustc 1\.80\.0[\s\S]*fix: Rust 1\.90 or newer/,
    ],
    ["an old Node.js", { node: "v18.20.0" }, "Node.js", /v18\.20\.0[\s\S]*fix: Node\.js 20\.19/],
    ["no WebKitGTK", { webkitgtk: null }, "WebKitGTK", /libwebkit2gtk-4\.1-dev/],
    ["an old WebKitGTK", { webkitgtk: "2.36.0" }, "WebKitGTK", /2\.36\.0[\s\S]*2\.40 or newer/],
    ["no WebKitWebDriver", { webdriver: false }, "WebKitWebDriver", /webkit2gtk-driver/],
    ["no tauri-driver", { installed: "" }, "tauri-driver", /cargo install tauri-driver/],
    [
      "a capability for a label no window has",
      () => edit("app/capabilities/worker.json", (t) => t.replace('"worker-*"', '"workers-*"')),
      "capabilities and window labels",
      /labels no window has: worker\.json: "workers-\*"/,
    ],
    [
      "stale bindings",
      { bindings: [1, "bindings/ipc.ts is stale: run `npm run bindings`"] },
      "bindings fresh",
      /bindings\/ipc\.ts is stale[\s\S]*fix: `npm run bindings`/,
    ],
  ])("finds %s", (_, breaks, check, says) => {
    copy(typeof breaks === "function" ? {} : breaks);
    if (typeof breaks === "function") breaks();
    const { status, out } = diagnose("--tests");
    expect(failing(out)).toEqual([check]);
    expect(out).toMatch(says);
    expect(status).toBe(1);
  });

  it("only warns about the test tools unless asked for them, and --quick builds nothing", () => {
    copy({ webdriver: false, installed: "", bindings: [1, "stale"] });
    const { status, out } = diagnose("--quick");
    expect(failing(out)).toEqual(["WebKitWebDriver", "tauri-driver"]);
    expect(out).toMatch(/^warn {2}WebKitWebDriver/m);
    expect(out).toMatch(/bindings fresh: skipped/);
    expect(status).toBe(0);
  });
});
