#!/usr/bin/env bash
# `npm run bench`: builds the app in release with the pages' timing loops embedded
# (`vite build --mode bench` into target/bench/dist), starts it several times under Xvfb (or on
# the given DISPLAY) through tauri-driver, and writes docs/bench/results.json,
# docs/performance.md and its charts (docs/bench/*.svg). Sizes: BENCH_LAUNCHES (3),
# BENCH_ROUNDS (20).
# `--smoke` (run by `npm test`): the debug build, tiny sizes, one launch, output in
# target/bench-smoke. `--ranges`: the release build, then bench/ranges.mjs alone (what a pull's
# range size and number in flight cost the other windows, and fetching the same bytes over
# loopback HTTP instead; printed, no report). `--heap`: the
# release build, then bench/churn.mjs under heaptrack (Debian's `heaptrack`), 10 and then 60
# windows opened and closed, and what the longer run left allocated that the shorter did not,
# by backtrace (target/bench/heap/diff.txt; a summary is printed). `--live`: bench/live.mjs under
# `npm run tauri dev` (live bindings, save to type error). `--first-start`: bench/first-start.sh
# (a fresh clone's first `tauri dev`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/display.sh

if [ "${1:-}" = "--first-start" ]; then
  exec bash bench/first-start.sh
fi
if [ "${1:-}" = "--live" ]; then
  bash scripts/setup.sh
  trap stop_display EXIT
  start_display
  node bench/live.mjs
  exit
fi

smoke=false ranges=false heap=false
[ "${1:-}" = "--smoke" ] && smoke=true
[ "${1:-}" = "--ranges" ] && ranges=true
[ "${1:-}" = "--heap" ] && heap=true
if $heap && ! command -v heaptrack >/dev/null; then
  echo "bench --heap needs heaptrack: apt-get install heaptrack" >&2
  exit 1
fi

# Under `npm test` (the smoke), its own steps did the setup and the type check.
if [ -z "${SWITCHBOARD_IN_NPM_TEST:-}" ]; then
  bash scripts/setup.sh --test-tools
  npx tsc --noEmit -p .
fi
npx vite build --mode bench --outDir ../target/bench/dist --logLevel warn
# The bench build embeds the bench frontend; frontend/dist stays the one that ships.
export TAURI_CONFIG='{"build":{"frontendDist":"../target/bench/dist"}}'
if $ranges; then
  # bench/ranges.mjs compares a pull with fetching the same bytes from its own server on the
  # loopback: this build's pages may connect there, the app's may not.
  csp=$(node -p 'require("./app/tauri.conf.json").app.security.csp.replace("connect-src", "connect-src http://127.0.0.1:*")')
  TAURI_CONFIG=$(node -p 'JSON.stringify({ build: { frontendDist: "../target/bench/dist" }, app: { security: { csp: process.argv[1] } } })' "$csp")
  export TAURI_CONFIG
fi
# The report is built like the app: memcpy and TCP figures from a debug build mean nothing.
if $smoke; then
  profile=debug results=target/bench-smoke/bench/results.json report=target/bench-smoke/performance.md
  cargo_profile=()
else
  profile=release results=docs/bench/results.json report=docs/performance.md
  cargo_profile=(--release)
fi
# The hello-world app is built in the same command, so both link the same tauri.
cargo build --locked "${cargo_profile[@]}" -p switchboard-app -p switchboard-hello \
  --features tauri/custom-protocol
mkdir -p "$(dirname "$results")" target/bench
cp "target/$profile/switchboard" "target/$profile/hello" target/bench/

trap stop_display EXIT
start_display
export SWITCHBOARD_E2E_APP="$PWD/target/bench/switchboard"
export SWITCHBOARD_BENCH_HELLO="$PWD/target/bench/hello"
export SWITCHBOARD_E2E_ARTIFACTS="$PWD/artifacts/bench"
if $ranges; then
  node bench/ranges.mjs
  exit
fi
if $heap; then
  dir="$PWD/target/bench/heap"
  rm -rf "$dir" && mkdir -p "$dir"
  for cycles in 10 60; do
    # tauri-driver starts the app it is given: a wrapper that starts it under heaptrack. The
    # app would start itself again with WebKit's allocator switch (crates/switchboard/src/
    # allocator.rs), out of heaptrack's sight: the wrapper starts it as that second start.
    { echo '#!/bin/sh'; echo "Malloc=1 SWITCHBOARD_SYSTEM_ALLOCATOR=1 exec heaptrack -o $dir/churn$cycles $PWD/target/bench/switchboard \"\$@\""; } \
      >"$dir/app-$cycles.sh"
    chmod +x "$dir/app-$cycles.sh"
    CYCLES=$cycles SWITCHBOARD_E2E_APP="$dir/app-$cycles.sh" node bench/churn.mjs
  done
  for cycles in 10 60; do
    heaptrack_print -f "$dir/churn$cycles.zst" -p 0 -a 0 -T 0 2>/dev/null |
      sed -n "s/^total memory leaked: /$cycles cycles: left allocated at exit: /p"
  done
  heaptrack_print -f "$dir/churn60.zst" -d "$dir/churn10.zst" -p 0 -a 0 -T 0 -l 1 -n 40 -s 30 \
    2>/dev/null >"$dir/diff.txt"
  echo "what 50 more cycles left, by backtrace: $dir/diff.txt"
  exit
fi
args=(--out "$results" --profile "$profile")
$smoke && args+=(--smoke)
node bench/run.mjs "${args[@]}"
cargo run --locked --quiet "${cargo_profile[@]}" -p switchboard-bench --bin bench-report -- \
  "$results" "$report"
