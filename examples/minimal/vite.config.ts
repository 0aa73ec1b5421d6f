import { resolve } from "node:path";
import { defaultClientConditions, defineConfig } from "vite";

// The plugin's guest package is read from its TypeScript sources (its `source` export), as in
// the rest of the workspace; an app with the published package needs no `resolve` here.
export default defineConfig({
  root: resolve(import.meta.dirname, "ui"),
  resolve: { conditions: ["source", ...defaultClientConditions] },
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    target: "safari15",
  },
});
