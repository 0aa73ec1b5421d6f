//! The lint rules that keep pages on the typed surface, run by the real Biome on a page that
//! breaks each of them. A page file must sit under frontend/src/ for the rules to apply, so the
//! probe is written there for the run and removed after.

import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const probe = "frontend/src/lint-probe.ts";

// Each line that must be reported, with the rule that reports it.
const cases: [string, string][] = [
  ['import { emit } from "@tauri-apps/api/event";', "lint/style/noRestrictedImports"],
  ['import { invoke } from "@tauri-apps/api/core";', "lint/style/noRestrictedImports"],
  [
    'import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";',
    "lint/style/noRestrictedImports",
  ],
  [
    'import { eventSpec } from "tauri-plugin-switchboard-api/generated";',
    "lint/style/noRestrictedImports",
  ],
  ['import { commands } from "../../bindings/ipc";', ""],
  ["export async function probe(button: HTMLElement): Promise<void> {", ""],
  ["  commands.counterAdd(1).then(() => {});", "lint/nursery/noFloatingPromises"],
  ['  await commands.closeWindow("worker-2");', "plugin"],
  ['  const kept = await commands.closeWindow("worker-3");', ""],
  ["  void kept;", ""],
  ['  button.addEventListener("click", async () => invoke("greet"));', "plugin"],
  [
    "  await (window as unknown as { __TAURI_INTERNALS__: { invoke(): Promise<void> } }).__TAURI_INTERNALS__.invoke();",
    "lint/nursery/noJsRestrictedProperties",
  ],
  ['  document.getElementById("inbox")?.remove();', "plugin"],
  ['  button.innerHTML = "<b>hi</b>";', "plugin"],
  ['  button.append(document.createElement("b"));', ""],
  ['  await emit("x");', ""],
  ['  void eventSpec("counter-changed", "broadcast");', ""],
  ['  await getCurrentWebviewWindow().emit("y");', ""],
  ["}", ""],
];

type Diagnostic = { category: string; location: { start: { line: number } } };

function lint(): Diagnostic[] {
  writeFileSync(join(root, probe), `${cases.map(([line]) => line).join("\n")}\n`);
  try {
    const out = execFileSync(
      "npx",
      ["biome", "lint", "--reporter=json", "--colors=off", "--max-diagnostics=none", probe],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    return JSON.parse(out).diagnostics;
  } catch (failed) {
    // Biome exits non-zero when it reports errors, which is what this probe expects.
    const stdout = (failed as { stdout?: string }).stdout ?? "";
    return JSON.parse(stdout).diagnostics;
  } finally {
    rmSync(join(root, probe), { force: true });
  }
}

it("reports every way a page could leave the typed surface, and nothing else", () => {
  const seen = lint().map((d) => `${d.location.start.line}: ${d.category}`);
  const want = cases.flatMap(([, rule], i) => (rule ? [`${i + 1}: ${rule}`] : []));
  expect([...new Set(seen)].sort()).toEqual(want.sort());
}, 30_000);
