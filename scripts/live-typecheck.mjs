// @ts-check
//! The type checker of live bindings (`scripts/live-bindings.mjs`), run as a worker thread of
//! the Vite dev server: TypeScript's watch mode over `tsconfig.json`, without emitting, posting
//! the list of problems after every check (an empty list when everything type-checks).
//!
//! A thread of its own, because the first check of the whole project takes several seconds of
//! CPU: in Vite's thread it would hold up every page the windows ask for while `tauri dev`
//! starts. After that, the builder program re-checks only the files a change can affect, and
//! TypeScript's own file watching notices changes to pages and bindings alike. A changed
//! command affects nearly every page and test (they all import `bindings/`), so a new problem
//! is posted as soon as the first file that has it is checked, before the complete list.

import { parentPort, workerData } from "node:worker_threads";
import ts from "typescript";

/** One diagnostic, as plain data that can cross to the main thread; `file` is absolute, `line`
 * and `column` count from 1 (0 when the problem has no place, such as a bad compiler option).
 * @typedef {{ file?: string, line: number, column: number, code: number, category: string, text: string }} Problem */

/** @param {ts.Diagnostic} diagnostic @returns {Problem} */
function problem(diagnostic) {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const category = ts.DiagnosticCategory[diagnostic.category].toLowerCase();
  const { code, file, start } = diagnostic;
  if (!file || start === undefined) return { line: 0, column: 0, code, category, text };
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  return { file: file.fileName, line: line + 1, column: character + 1, code, category, text };
}

const port = parentPort;
if (!port) throw new Error("live-typecheck.mjs runs as a worker thread of live-bindings.mjs");

const host = ts.createWatchCompilerHost(
  /** @type {{ tsconfig: string }} */ (workerData).tsconfig,
  { noEmit: true },
  ts.sys,
  ts.createSemanticDiagnosticsBuilderProgram,
  // Reached only for a tsconfig.json that cannot be read at all; checks report below.
  (diagnostic) => post([problem(diagnostic)]),
  // TypeScript's "Starting compilation..." lines: the plugin says what it needs itself.
  () => {},
);
/** What the last complete check found; null before the first. @type {Problem[] | null} */
let standing = null;

/** Sends problems to the plugin, sorted so that the same problems always read the same.
 * @param {Problem[]} problems */
function post(problems) {
  const order = (/** @type {Problem} */ p) =>
    [p.file ?? "", p.line, p.column, p.code].map((part) => String(part).padStart(9)).join("\0");
  port?.postMessage([...problems].sort((a, b) => order(a).localeCompare(order(b))));
}

// The order `tsc` reports in: a file that does not parse makes its semantic errors noise.
host.afterProgramCreate = (/** @type {ts.SemanticDiagnosticsBuilderProgram} */ builder) => {
  const syntax = builder.getSyntacticDiagnostics();
  if (syntax.length === 0 && standing) postFirstNewProblem(builder, standing);
  const rest =
    syntax.length > 0
      ? syntax
      : [
          ...builder.getOptionsDiagnostics(),
          ...builder.getGlobalDiagnostics(),
          ...builder.getSemanticDiagnostics(),
        ];
  standing = [...builder.getConfigFileParsingDiagnostics(), ...rest].map(problem);
  post(standing);
};
ts.createWatchProgram(host);

/** Checks file by file, and posts as soon as one has a problem that the last check did not,
 * with the last check's problems in the files not checked yet; the complete list follows when
 * every file is checked. A changed command breaks its callers in most of the pages and tests,
 * which all import the bindings: checking them all takes seconds, the first of them a fraction
 * of one. Files that nothing changed for answer from the builder's cache at once.
 * @param {ts.SemanticDiagnosticsBuilderProgram} builder @param {Problem[]} before */
function postFirstNewProblem(builder, before) {
  // The files that changed come first: checking them also tells the builder which files'
  // cached results depend on them and are stale (before that, it answers stale ones).
  while (builder.getSemanticDiagnosticsOfNextAffectedFile()) {}
  const known = new Set(before.map((p) => JSON.stringify(p)));
  /** @type {Set<string>} */
  const checked = new Set();
  /** @type {Problem[]} */
  const found = [];
  for (const file of builder.getSourceFiles()) {
    checked.add(file.fileName);
    const here = builder.getSemanticDiagnostics(file).map(problem);
    found.push(...here);
    if (here.some((p) => !known.has(JSON.stringify(p)))) {
      post([...before.filter((p) => !p.file || !checked.has(p.file)), ...found]);
      return;
    }
  }
}
