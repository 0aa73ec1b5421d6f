//! The stylesheet's rules for colours: each is a custom property, defined in one place per
//! scheme, and the pages follow the system's light or dark scheme.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const css = readFileSync(join(import.meta.dirname, "../../frontend/src/style.css"), "utf8")
  // Comments may name colours.
  .replace(/\/\*[\s\S]*?\*\//g, "");
const colour = /#[0-9a-f]{3,8}\b|\b(?:rgb|hsl)a?\(/i;

it("writes colours only as custom properties", () => {
  const outside = css
    .split("\n")
    .filter((line) => colour.test(line) && !/^\s*--[a-z-]+:/.test(line));
  expect(outside).toEqual([]);
});

it("defines each property once per scheme, and the dark scheme only changes light ones", () => {
  const [light = "", dark = ""] = css.split("@media (prefers-color-scheme: dark)");
  const names = (block: string) => [...block.matchAll(/^\s*(--[a-z-]+):/gm)].map((m) => m[1]);
  for (const block of [light, dark]) expect(names(block)).toEqual([...new Set(names(block))]);
  const defined = new Set(names(light));
  expect(names(dark).filter((name) => !defined.has(name))).toEqual([]);
  expect(css).toMatch(/color-scheme: light dark/);
});

it("uses only properties it defines", () => {
  const defined = new Set([...css.matchAll(/^\s*(--[a-z-]+):/gm)].map((m) => m[1]));
  const used = [...css.matchAll(/var\((--[a-z-]+)\)/g)].map((m) => m[1]);
  expect(used.filter((name) => !defined.has(name))).toEqual([]);
});
