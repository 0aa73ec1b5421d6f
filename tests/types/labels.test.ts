//! The `WindowLabel` type against the shared label fixture, checked by the real type checker:
//! every label Rust accepts must compile as a `WindowLabel`, every label it refuses must not.
//! The same fixture drives Rust's parser tests and `parseLabel`'s, so the three cannot drift.

import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import fixture from "../fixtures/labels.json";

const root = join(import.meta.dirname, "../..");
// A file that exists only in memory, beside the real type tests, so imports resolve as usual.
const probe = join(root, "tests/types/labels.probe.ts");

function source(): string {
  const lines = ['import type { WindowLabel } from "../../bindings/ipc";'];
  fixture.valid.forEach((label, i) => {
    lines.push(`export const valid${i}: WindowLabel = ${JSON.stringify(label)};`);
  });
  fixture.invalid.forEach((label, i) => {
    lines.push(
      "// @ts-expect-error",
      `export const invalid${i}: WindowLabel = ${JSON.stringify(label)};`,
    );
  });
  return `${lines.join("\n")}\n`;
}

it("WindowLabel admits exactly the labels Rust parses", () => {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const text = source();
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === probe ? ts.createSourceFile(file, text, language) : read(file, language, ...rest);
  const exists = host.fileExists.bind(host);
  host.fileExists = (file) => file === probe || exists(file);
  const program = ts.createProgram([probe], { ...options, noEmit: true }, host);
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => {
    const line = d.file?.getLineAndCharacterOfPosition(d.start ?? 0).line ?? 0;
    return `${text.split("\n")[line]}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
  expect(problems).toEqual([]);
});
