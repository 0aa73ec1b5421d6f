// @ts-check
// docs/adding-a-command.md ("Adding a command and an event, end to end"), followed on a scratch
// copy of the workspace with the code blocks read from that page itself, so that it cannot
// go stale: adds the `Shout` event and the `shout` command, regenerates the bindings,
// type-checks a page that calls and listens (and two misuses that must not compile), sees the
// dev server's live bindings turn a changed signature into a type error in its overlay and
// terminal, and sees Rust refuse to send a payload that is missing from the event list.
// `npm test` runs it.
//
// The copy builds in the project's own target folder, so that Tauri is not compiled twice; its
// crates live at another path, so cargo keeps their artifacts apart, and its bindings binary is
// renamed so that it cannot replace the project's own.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// The live-bindings step listens to the dev server as a page does, over a WebSocket: Node 20
// has the client only behind a flag (Node 22 by default).
if (typeof WebSocket === "undefined") {
  const args = ["--experimental-websocket", import.meta.filename, ...process.argv.slice(2)];
  try {
    execFileSync(process.execPath, args, { stdio: "inherit" });
    process.exit(0);
  } catch {
    process.exit(1);
  }
}

const project = join(import.meta.dirname, "../..");
const section = readFileSync(join(project, "docs/adding-a-command.md"), "utf8");

/** The page's Rust blocks, in order, without their list indentation. */
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
 * bindings binary another name. The plugin, which the walkthrough does not change, cannot be
 * renamed (Tauri names its permissions after its package): the copy uses the project's own. */
function isolate() {
  edit("Cargo.toml", (t) =>
    t
      .replace('members = ["crates/switchboard", ', "members = [")
      .replace(
        'tauri-plugin-switchboard = { path = "crates/switchboard" }',
        `tauri-plugin-switchboard = { path = ${JSON.stringify(join(project, "crates/switchboard"))} }`,
      ),
  );
  for (const crate of ["events", "commands", "bindings", "bench"]) {
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
  // The bindings binary another name, and the app's package too, should anything build it.
  edit("crates/bindings/Cargo.toml", (t) =>
    t.replace('name = "bindings"', 'name = "walkthrough-bindings-bin"'),
  );
  edit("app/Cargo.toml", (t) => t.replace('name = "switchboard-app"', 'name = "walkthrough-app"'));
  edit("Cargo.toml", (t) =>
    t.replace(
      'switchboard-app = { path = "app" }',
      'switchboard-app = { path = "app", package = "walkthrough-app" }',
    ),
  );
  edit("package.json", (t) => t.replaceAll("-p switchboard-bindings", "-p walkthrough-bindings"));
}

/** `vite` (the dev server `tauri dev` starts) on the copy, watched by WebSocket clients as pages
 * would: `shout` takes a number instead of text, and the regenerated bindings make the
 * walkthrough page's `commands.shout("hey")` a type error in the overlay and the terminal, with
 * no step in between, also for a window that opens later; put back, the overlay closes and the
 * types check again. Rust that does not compile puts cargo's error there until it is mended. */
async function liveBindings() {
  const port = await freePort();
  const vite = spawn(
    process.execPath,
    [join(project, "node_modules/vite/bin/vite.js"), "--port", String(port), "--strictPort"],
    {
      cwd: scratch,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CARGO_TARGET_DIR: join(project, "target") },
    },
  );
  let terminal = "";
  vite.stdout.on("data", (chunk) => {
    terminal += chunk;
  });
  vite.stderr.on("data", (chunk) => {
    terminal += chunk;
  });
  /** @type {WebSocket | undefined} */
  let socket;
  try {
    await until(
      () => {
        assert.equal(vite.exitCode, null, terminal);
        // Regenerated at start too, and nothing rewritten: step 5 made them current.
        return terminal.includes("types ok") && terminal.includes("(0 file(s) changed)");
      },
      "the dev server's first regeneration and check",
      120,
    );
    const page = await listen(port);
    socket = page.socket;
    const { received } = page;

    const numbered = command
      .replace(/^( *)text: String,$/m, "$1text: u32,")
      .replace(/^( *)text,$/m, "$1text: text.to_string(),");
    const saved = Date.now();
    edit("crates/commands/src/messages.rs", (t) => t.replace(command, numbered));
    await until(() => received.some(isTypeError), "the type error in the overlay", 120);
    const shown = seconds(saved);
    assert.match(
      readFileSync(join(scratch, "bindings/ipc.ts"), "utf8"),
      /\tshout: \(text: number\) => typedError<Sent<WindowLabel>, AppError>/,
    );
    const error = /** @type {import("vite").ErrorPayload} */ (received.find(isTypeError)).err;
    assert.equal(error.loc?.file, join(scratch, "tests/types/walkthrough.ts"));
    const line = error.message.split("\n").find((l) => l.includes("error TS2345"));
    assert.ok(line, error.message);
    assert.match(
      line,
      /^tests\/types\/walkthrough\.ts:\d+:\d+ - error TS2345: Argument of type 'string'/,
    );
    await until(() => terminal.includes(line), `the terminal to show ${line}`, 10);
    // A window that opens while the error stands shows it too: every page gets the plugin's
    // client, which asks for the overlay once the page has loaded; this asks as it does.
    const html = await (await fetch(`http://localhost:${port}/worker.html`)).text();
    assert.match(html, /<script type="module" src="\/@live-bindings\/client\.js"><\/script>/);
    const late = await listen(port);
    const broadcasts = received.length;
    late.socket.send(JSON.stringify({ type: "custom", event: "live-bindings:ask" }));
    try {
      await until(() => late.received.some(isTypeError), "the overlay in a later window", 10);
      assert.equal(received.length, broadcasts, "the later window had it by asking");
    } finally {
      late.socket.close();
    }

    const printed = terminal.length;
    const mended = received.length;
    const reverted = Date.now();
    edit("crates/commands/src/messages.rs", (t) => t.replace(numbered, command));
    await until(
      () => received.slice(mended).some(closes) && terminal.slice(printed).includes("types ok"),
      "the overlay to close and the terminal to say types ok",
      120,
    );
    assert.match(
      readFileSync(join(scratch, "bindings/ipc.ts"), "utf8"),
      /\tshout: \(text: string\)/,
    );
    const putBack = seconds(reverted);

    // Rust that does not compile: cargo's error takes the overlay's place until it is mended.
    const broken = received.length;
    const beforeBreaking = terminal.length;
    const stop = '\ncompile_error!("half-way through an edit");\n';
    edit("crates/commands/src/messages.rs", (t) => `${t}${stop}`);
    await until(
      () =>
        received
          .slice(broken)
          .some(
            (p) =>
              p.type === "error" &&
              p.err.message.startsWith("bindings not regenerated") &&
              p.err.message.includes("half-way through an edit"),
          ) && terminal.slice(beforeBreaking).includes("bindings not regenerated"),
      "cargo's error in the overlay and the terminal",
      120,
    );
    const fixed = received.length;
    edit("crates/commands/src/messages.rs", (t) => t.replace(stop, ""));
    await until(() => received.slice(fixed).some(closes), "the overlay to close again", 120);
    step(`live bindings: save to overlay ${shown} s, put back to overlay closed ${putBack} s`);
  } catch (e) {
    console.error(terminal);
    throw e;
  } finally {
    socket?.close();
    if (vite.exitCode === null && vite.signalCode === null) {
      const exited = new Promise((resolve) => vite.once("exit", resolve));
      vite.kill();
      await exited;
    }
  }
}

/** Connects to the dev server as a page's Vite client does; `received` fills with what it sends.
 * @param {number} port */
async function listen(port) {
  const socket = new WebSocket(`ws://localhost:${port}/`, "vite-hmr");
  /** @type {import("vite").HotPayload[]} */
  const received = [];
  socket.addEventListener("message", (m) => received.push(JSON.parse(String(m.data))));
  await until(() => socket.readyState === WebSocket.OPEN, "the WebSocket", 10);
  return { socket, received };
}

/** Whether a message to the pages closes the overlay (an update of no module).
 * @param {import("vite").HotPayload} p */
function closes(p) {
  return p.type === "update" && p.updates.length === 0;
}

/** Whether a message to the pages is live bindings' overlay naming a type error.
 * @param {import("vite").HotPayload} p */
function isTypeError(p) {
  return p.type === "error" && p.err.plugin === "live-bindings" && p.err.message.includes("TS2345");
}

/** Waits until `done()`, checking every 100 ms for at most `seconds`.
 * @param {() => boolean} done @param {string} what @param {number} seconds */
async function until(done, what, seconds) {
  for (const end = Date.now() + seconds * 1000; !done(); await sleep(100)) {
    assert.ok(Date.now() < end, `waited ${seconds} s for ${what}`);
  }
}

/** Seconds since `start`, as text. @param {number} start */
function seconds(start) {
  return ((Date.now() - start) / 1000).toFixed(1);
}

/** A TCP port nothing listens on now. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
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
    t.replace(
      /(tauri_plugin_switchboard::events! \{\n(?: {4}.*\n)*)/,
      `$1    ${listLine.trim()}\n`,
    ),
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
  // The script runs cargo without --locked: the renamed packages change the lock file's own
  // entries (the registry crates stay as it pins them).
  run("npm", ["run", "--silent", "bindings"]);
  const ipc = readFileSync(join(scratch, "bindings/ipc.ts"), "utf8");
  assert.match(ipc, /\tshout: \(text: string\) => typedError<Sent<WindowLabel>, AppError>/);
  assert.match(ipc, /export type Shout = /);
  assert.match(
    readFileSync(join(scratch, "bindings/events.ts"), "utf8"),
    /const shout = eventSpec<Shout, "targeted">\("shout", "targeted"\);/,
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

  step("live bindings: the dev server turns a changed command into its callers' type errors");
  await liveBindings();

  step("a payload missing from the event list cannot be sent");
  writeFileSync(join(scratch, "crates/events/src/lib.rs"), withoutTheList);
  // Built as the bindings build it, which reuses every crate compiled so far (a `cargo check`
  // of the crate alone would compile all its dependencies again, as metadata).
  const refused = fails("npm", ["run", "--silent", "bindings"]);
  assert.match(
    refused,
    /the trait bound `Shout: (tauri_plugin_switchboard::)?Targeted` is not satisfied/,
  );
  step("passed");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
