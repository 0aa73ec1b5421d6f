#!/usr/bin/env bash
# The whole test suite, cheapest checks first. Stops at the first failure and names it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --test-tools
# Tells e2e.sh and bench.sh that setup, the type check and the frontend build are this run's
# own steps, so that they do not do them again.
export SWITCHBOARD_IN_NPM_TEST=1

step() {
  local name=$1
  shift
  printf '\n\033[1m== %s\033[0m  (%s)\n' "$name" "$*"
  local start=$SECONDS
  if ! "$@"; then
    printf '\n\033[1;31mFAILED: %s\033[0m  (%s)\n' "$name" "$*"
    exit 1
  fi
  printf '   %s: ok in %ss\n' "$name" $((SECONDS - start))
}

step "Rust format" cargo fmt --all --check
step "TypeScript lint and format" npx biome ci .
step "TypeScript types and type tests" npm run --silent typecheck
LOG=$(mktemp -d)
trap 'rm -rf "$LOG"' EXIT
step "frontend unit tests" bash -c "set -o pipefail; npx vitest run 2>&1 | tee $LOG/vitest"
step "frontend build" npm run --silent build
step "bindings are fresh" bash -c "npm run --silent bindings:check && npm run --silent minimal:bindings:check"
step "docs/adding-a-command.md on a scratch copy" node tests/walkthrough/run.mjs
step "docs/own-app.md on a scratch copy" node tests/own-app/run.mjs
step "clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
step "no unused Rust dependencies" cargo machete
step "Rust tests" bash -c "set -o pipefail; cargo test --workspace --all-targets --locked 2>&1 | tee $LOG/cargo"

step "end-to-end tests" bash -c "set -o pipefail; bash scripts/e2e.sh 2>&1 | tee $LOG/e2e"
# Keeps `npm run bench` working; no figure can fail it.
step "bench smoke" bash scripts/bench.sh --smoke

# One closing line over every runner, so that the total is not lost in their output.
passed=$(( $(grep -o '[0-9]* passed;' "$LOG/cargo" | awk '{s+=$1} END {print s+0}') \
  + $(sed 's/\x1b\[[0-9;]*m//g' "$LOG/vitest" | awk '/^ *Tests /{print $2}') \
  + $(awk '/^# pass /{print $3}' "$LOG/e2e") ))
printf '\n\033[1;32mAll checks passed.\033[0m\n'
echo "tests: $passed passed, 0 failed"
