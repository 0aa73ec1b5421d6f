// docs/own-app.md ("Use Switchboard in your own Tauri app"), followed on a scratch copy of
// examples/minimal outside this workspace: a crate of its own with the guide's dependency lines,
// the guest package packed and installed as the guide says, its bindings generated and
// checked, its pages type-checked against the packed package (not the workspace's sources) and
// built, the app built; and `cargo package` lists what the crate would publish. Each Rust, JSON and TypeScript block of that section must be code the
// example really has, so the guide cannot drift from it.
//
// The copy builds in the project's target folder (CARGO_TARGET_DIR), so that Tauri is not
// compiled again; its package and binaries are renamed, so that nothing of the project's is
// replaced. Run by `npm test`; alone: `node tests/own-app/run.mjs`.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const project = resolve(import.meta.dirname, "../..");
const example = join(project, "examples/minimal");
const plugin = join(project, "crates/switchboard");
const scratch = mkdtempSync(join(tmpdir(), "switchboard-own-app-"));
const app = join(scratch, "app");

/** @param {string} what */
function step(what) {
  console.log(`own-app: ${what}`);
}

/** Runs `command` in `cwd`, its output shown only when it fails.
 * @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd, env = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
  } catch (e) {
    const failed = /** @type {{ stdout: string, stderr: string }} */ (e);
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd}:\n${failed.stdout}${failed.stderr}`,
    );
  }
}

/** The guide's code blocks by language, list indentation removed. */
function guideSteps() {
  const section = readFileSync(join(project, "docs/own-app.md"), "utf8");
  /** @type {Record<string, string[]>} */
  const blocks = {};
  for (const m of section.matchAll(/^( *)```(\w+)\n([\s\S]*?)^ *```$/gm)) {
    const [, indent, lang, body] = m;
    const code = body
      .split("\n")
      .map((line) => line.slice(indent.length))
      .join("\n")
      .trimEnd();
    blocks[lang] = [...(blocks[lang] ?? []), code];
  }
  return blocks;
}

/** The workspace's build profiles, for the copy: with the same settings, its build reuses every
 * crate `npm run minimal:bindings:check` compiled for the example, instead of compiling all of
 * Tauri again with other debug settings. */
function profiles() {
  const workspace = readFileSync(join(project, "Cargo.toml"), "utf8");
  const sections = `\n${workspace}`.split("\n[").filter((s) => s.startsWith("profile."));
  assert.ok(sections.length > 0, "the workspace's Cargo.toml has its profiles");
  return sections.map((s) => `[${s.trimEnd()}\n`).join("\n");
}

/** Every file of the example, as text, for finding the guide's blocks in. */
function exampleText() {
  const files = run("git", ["ls-files", "--cached", "--others", "--exclude-standard"], example)
    .split("\n")
    .filter((f) => /\.(rs|ts|json)$/.test(f) && !f.startsWith("bindings/"));
  return files.map((f) => readFileSync(join(example, f), "utf8")).join("\n");
}

try {
  step("the guide's blocks are the example's code");
  const blocks = guideSteps();
  const text = exampleText();
  for (const lang of ["rust", "json", "ts"]) {
    assert.ok(blocks[lang]?.length, `the section has ${lang} blocks`);
    for (const code of blocks[lang]) assert.ok(text.includes(code), `not in the example:\n${code}`);
  }
  const [dependencies] = blocks.toml ?? [];
  const [install] = blocks.sh ?? [];
  assert.ok(dependencies && install, "the section has the dependency lines and the install");

  step(`copying examples/minimal to ${app}`);
  cpSync(example, app, {
    recursive: true,
    filter: (src) => !/\/(dist|gen|permissions)$/.test(src),
  });
  // A crate of its own, with the guide's dependencies (the clone here is this project).
  const clone = (t) => t.replaceAll("../switchboard/", `${project}/`);
  const manifest = readFileSync(join(example, "Cargo.toml"), "utf8")
    .replace('name = "switchboard-minimal"', 'name = "own-app"')
    .replace(/^version\.workspace = true$/m, 'version = "0.1.0"')
    .replace(/^edition\.workspace = true$/m, 'edition = "2021"')
    .replace(/^publish\.workspace = true$/m, "publish = false")
    .replace('default-run = "minimal"', 'default-run = "own-app"')
    .replace('name = "minimal"', 'name = "own-app"')
    .replace('name = "minimal-bindings"', 'name = "own-app-bindings"')
    .replace("tauri-build.workspace = true", 'tauri-build = "=2.7.4"')
    .replace(
      /\[dependencies\][\s\S]*?\n\n/,
      `[dependencies]\ntauri = "=2.12.5"\n${clone(dependencies)}\n\n`,
    )
    .replace(/\[lints\][\s\S]*$/, `[workspace]\n\n${profiles()}`);
  assert.doesNotMatch(manifest, /workspace = true/, "every workspace field replaced");
  writeFileSync(join(app, "Cargo.toml"), manifest);
  cpSync(join(project, "Cargo.lock"), join(app, "Cargo.lock"));
  const conf = join(app, "tauri.conf.json");
  writeFileSync(
    conf,
    readFileSync(conf, "utf8").replace("../../app/icons/", `${project}/app/icons/`),
  );

  step("the package, packed and installed as the guide says");
  writeFileSync(
    join(app, "package.json"),
    `${JSON.stringify({ private: true, type: "module", dependencies: { "@tauri-apps/api": "2.12.5" } }, null, 2)}\n`,
  );
  for (const line of install.split("\n")) run("bash", ["-c", clone(line)], app);
  // The published package: dist-js, without the workspace's `source` condition.
  writeFileSync(
    join(app, "vite.config.mjs"),
    'export default { root: "ui", build: { outDir: "../dist", emptyOutDir: true, target: "safari15" } };\n',
  );
  rmSync(join(app, "vite.config.ts"));
  writeFileSync(
    join(app, "tsconfig.json"),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "bundler",
          lib: ["ESNext", "DOM", "DOM.Iterable"],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        include: ["ui", "bindings"],
      },
      null,
      2,
    )}\n`,
  );

  const cargo = { CARGO_TARGET_DIR: join(project, "target") };
  step("its bindings: what the copy generates is what the example committed");
  run("cargo", ["run", "--quiet", "--bin", "own-app-bindings", "--", "--check"], app, cargo);

  step("its pages: type-checked against the packed package, then built");
  run(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", "."], app);
  run(
    process.execPath,
    [join(project, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    app,
  );
  assert.ok(readdirSync(join(app, "dist/assets")).some((f) => f.endsWith(".js")));

  step("the crate and the package are ready to publish");
  const listed = run(
    "cargo",
    ["package", "--list", "--allow-dirty", "--quiet", "-p", "tauri-plugin-switchboard"],
    project,
  ).split("\n");
  for (const file of ["build.rs", "src/lib.rs", "permissions/default.toml", "guest-js/index.ts"])
    assert.ok(listed.includes(file), `cargo package leaves out ${file}`);
  const packed = readdirSync(join(app, "node_modules/tauri-plugin-switchboard-api/dist-js"));
  for (const file of ["index.js", "index.d.ts", "testing.js", "testing.d.ts"])
    assert.ok(packed.includes(file), `the packed package lacks dist-js/${file}`);

  step("the app");
  run("cargo", ["build", "--quiet", "--bin", "own-app"], app, cargo);
  step("ok");
} finally {
  rmSync(scratch, { recursive: true, force: true });
  // What `npm pack` left in the clone.
  for (const made of readdirSync(plugin).filter((f) => f.endsWith(".tgz")))
    rmSync(join(plugin, made));
  rmSync(join(plugin, "dist-js"), { recursive: true, force: true });
}
