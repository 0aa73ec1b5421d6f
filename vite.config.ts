import { resolve } from "node:path";
import { defaultClientConditions } from "vite";
import { defineConfig } from "vitest/config";
import { liveBindings } from "./scripts/live-bindings.mjs";

const frontend = resolve(import.meta.dirname, "frontend");

// One HTML entry per window kind. The dev server must not watch Rust or generated output,
// or `tauri dev` would rebuild in a loop (docs/tauri-behaviour.md#dev-watch-loop); live
// bindings watches the Rust crates itself, regenerates `bindings/` and type-checks.
export default defineConfig({
  root: frontend,
  clearScreen: false,
  // The plugin's guest package, linked from crates/switchboard, is read from its TypeScript
  // sources (its `source` export), so that it needs no build in the workspace.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  plugins: [liveBindings({ root: import.meta.dirname })],
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/target/**", "**/crates/**", "**/app/**"] },
  },
  build: {
    outDir: resolve(frontend, "dist"),
    emptyOutDir: true,
    target: "safari15",
    rollupOptions: {
      input: {
        main: resolve(frontend, "index.html"),
        worker: resolve(frontend, "worker.html"),
        inspector: resolve(frontend, "inspector.html"),
      },
    },
  },
  test: {
    root: import.meta.dirname,
    environment: "happy-dom",
    include: [
      "frontend/src/**/*.test.ts",
      "crates/switchboard/guest-js/**/*.test.ts",
      "tests/types/**/*.test.ts",
      "tests/lint/**/*.test.ts",
      "tests/doctor/**/*.test.ts",
      "tests/scenarios/**/*.test.ts",
    ],
  },
});
