// @ts-check
// The README's "Adding a command and an event, end to end", followed on a scratch copy of the
// workspace with the code blocks read from README.md itself, so that the walkthrough cannot
// go stale: adds the `Shout` event and the `shout` command, regenerates the bindings,
// type-checks a page that calls and listens (and two misuses that must not compile), and
// sees Rust refuse to send a payload that is missing from the event list. `npm test` runs it.
//
// The copy builds in the project's own target folder, so that Tauri is not compiled twice; its
// crates live at another path, so cargo keeps their artifacts apart, and its bindings binary is
// renamed so that it cannot replace the project's own.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const project = join(import.meta.dirname, "../..");
const readme = readFileSync(join(project, "README.md"), "utf8");
const start = readme.indexOf("## Adding a command and an event, end to end");
assert.ok(start >= 0, "README.md has no walkthrough section");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));

/** The README's Rust blocks, in order, without their list indentation. */
const blocks = [...section.matchAll(/^( *)```rust\n([\s\S]*?)^ *```/gm)].map(
  ([, indent = "", code = ""]) =>
    code
      .split("\n")
      .map((line) => line.slice(Math.min(indent.length, line.search(/\S|$/))))
      .join("\n"),
);
const [payload = "", listLine = "", command = ""] = blocks;
assert.ok(
  payload.includes("pub struct Shout") &&
    listLine.includes('"shout"') &&
    command.includes("fn shout"),
  "the walkthrough's blocks are the payload, its line in the event list, and the command",
);
/** An inline code span of the section that matches `pattern`. @param {RegExp} pattern */
function inline(pattern) {
  const found = [...section.matchAll(/`([^`\n]+)`/g)]
    .map((m) => m[1] ?? "")
    .find((code) => pattern.test(code));
  assert.ok(found, `the walkthrough names no ${pattern}`);
  return found;
}
const registration = inline(/^messages::shout: /);
const grant = inline(/^"allow-shout"$/);

const scratch = mkdtempSync(join(tmpdir(), "walkthrough-"));
const step = (/** @type {string} */ what) => console.log(`walkthrough: ${what}`);
/** @param {string} command @param {string[]} args */
function run(command, args) {
  return execFileSync(command, args, {
    cwd: scratch,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CARGO_TARGET_DIR: join(project, "target") },
  });
}
/** Runs and expects a failure; returns what it printed. @param {string} command @param {string[]} args */
function fails(command, args) {
  try {
    run(command, args);
  } catch (e) {
    const failed = /** @type {{ stdout: string, stderr: string }} */ (e);
    return `${failed.stdout}${failed.stderr}`;
  }
  throw new Error(`${command} ${args.join(" ")} should have failed`);
}
/** Keeps the copy's artifacts apart from the project's in the shared target folder. Cargo
 * names a workspace crate's artifacts by its package name and its path inside the workspace,
 * not by where the workspace is, so the copy's crates would overwrite the project's: they get
 * package names of their own (their crate names stay, so the code is unchanged), and the
 * bindings binary another name. */
function isolate() {
  for (const crate of ["events", "commands", "bench"]) {
    edit(`crates/${crate}/Cargo.toml`, (t) =>
      t
        .replace(`name = "switchboard-${crate}"`, `name = "walkthrough-${crate}"`)
        .replace("\n[dependencies]", `\n[lib]\nname = "switchboard_${crate}"\n\n[dependencies]`),
    );
    edit("Cargo.toml", (t) =>
      t.replace(
        `switchboard-${crate} = { path = "crates/${crate}" }`,
        `switchboard-${crate} = { path = "crates/${crate}", package = "walkthrough-${crate}" }`,
      ),
    );
  }
  edit("crates/commands/Cargo.toml", (t) =>
    t.replace('name = "bindings"', 'name = "walkthrough-bindings"\npath = "src/bin/bindings.rs"'),
  );
}

/** Edits a file of the copy. @param {string} file @param {(text: string) => string} change */
function edit(file, change) {
  const path = join(scratch, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  assert.notEqual(after, before, `nothing changed in ${file}`);
  writeFileSync(path, after);
}

try {
  step(`copying the workspace to ${scratch}`);
  const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: project,
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(project, file), join(scratch, file));
  }
  symlinkSync(join(project, "node_modules"), join(scratch, "node_modules"));
  isolate();

  step("1. the event: its payload and its line in the event list");
  edit("crates/events/src/payloads.rs", (t) => `${t}\n${payload}`);
  const withoutTheList = readFileSync(join(scratch, "crates/events/src/lib.rs"), "utf8");
  edit("crates/events/src/lib.rs", (t) =>
    t.replace(/(route::events! \{\n(?: {4}.*\n)*)/, `$1    ${listLine.trim()}\n`),
  );

  step("2. the command, 3. its registration, 4. its grant");
  edit(
    "crates/commands/src/messages.rs",
    (t) =>
      `${t.replace("use switchboard_events::{Audience, InboxMessage, WindowLabel};", "use switchboard_events::{Audience, InboxMessage, Shout, WindowLabel};")}\n${command}`,
  );
  edit("crates/commands/src/command_list.rs", (t) =>
    t.replace(/\n\}\s*$/, `\n    ${registration}\n}\n`),
  );
  edit("app/capabilities/worker.json", (t) =>
    t.replace('"permissions": [', `"permissions": [\n    ${grant},`),
  );

  step("5. regenerate the bindings");
  // Not --locked: the renamed packages change the lock file's own entries (the registry
  // crates stay as it pins them).
  run("cargo", ["run", "--quiet", "-p", "walkthrough-commands", "--bin", "walkthrough-bindings"]);
  const ipc = readFileSync(join(scratch, "bindings/ipc.ts"), "utf8");
  assert.match(ipc, /\tshout: \(text: string\) => typedError<Sent, AppError>/);
  assert.match(ipc, /export type Shout = /);
  assert.match(
    readFileSync(join(scratch, "bindings/events.ts"), "utf8"),
    /const shout: EventSpec<Shout, "targeted"> = \{ name: "shout", route: "targeted" \}/,
  );

  step("a page that calls it and listens to it type-checks; misuses do not");
  writeFileSync(
    join(scratch, "tests/types/walkthrough.ts"),
    `import { events } from "../../bindings/events";
import { commands, type WindowLabel } from "../../bindings/ipc";
import { emitTo, listenHere } from "../../frontend/src/lib/events";

export async function shoutFromAWorker(): Promise<WindowLabel[]> {
  await listenHere(events.shout, (shout) => console.log(shout.from, shout.text));
  const sent = await commands.shout("hey");
  // @ts-expect-error a shout is text
  await commands.shout(42);
  // @ts-expect-error Rust sends shouts; its route lets no page send one
  await emitTo(events.shout, "worker-2", { from: "worker-1", text: "hey" });
  return sent.status === "ok" ? sent.data.emitted : [];
}
`,
  );
  run(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "."]);

  step("a payload missing from the event list cannot be sent");
  writeFileSync(join(scratch, "crates/events/src/lib.rs"), withoutTheList);
  const refused = fails("cargo", ["check", "--quiet", "-p", "walkthrough-commands"]);
  assert.match(
    refused,
    /the trait bound `Shout: (switchboard_events::)?Targeted` is not satisfied/,
  );
  step("passed");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
