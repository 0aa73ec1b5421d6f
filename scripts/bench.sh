#!/usr/bin/env bash
# `npm run bench`: builds the app in release with the pages' timing loops embedded
# (`vite build --mode bench` into target/bench/dist), starts it several times under Xvfb (or on
# the given DISPLAY) through tauri-driver, and writes docs/bench/results.json,
# docs/performance.md and its charts (docs/bench/*.svg). Sizes: BENCH_LAUNCHES (3),
# BENCH_ROUNDS (25).
# `--smoke` (run by `npm test`): the debug build, tiny sizes, one launch, output in
# target/bench-smoke. `--ranges`: the release build, then bench/ranges.mjs alone (what a pull's
# range size and number in flight cost the other windows; printed, no report).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/display.sh

smoke=false ranges=false
[ "${1:-}" = "--smoke" ] && smoke=true
[ "${1:-}" = "--ranges" ] && ranges=true

bash scripts/setup.sh --test-tools
npx tsc --noEmit -p .
npx vite build --mode bench --outDir ../target/bench/dist --logLevel warn
# The bench build embeds the bench frontend; frontend/dist stays the one that ships.
export TAURI_CONFIG='{"build":{"frontendDist":"../target/bench/dist"}}'
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
args=(--out "$results" --profile "$profile")
$smoke && args+=(--smoke)
node bench/run.mjs "${args[@]}"
cargo run --locked --quiet "${cargo_profile[@]}" -p switchboard-bench --bin bench-report -- \
  "$results" "$report"
