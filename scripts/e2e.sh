#!/usr/bin/env bash
# The end-to-end suite: builds the app with its frontend embedded (or takes the one named by
# SWITCHBOARD_E2E_APP), starts Xvfb when no display is set, runs tests/e2e with tauri-driver,
# and stops everything it started, pass or fail.
# Arguments are passed to node's test runner (`bash scripts/e2e.sh --test-name-pattern=churn`).
set -euo pipefail
cd "$(dirname "$0")/.."

# Under `npm test`, its own steps did the setup and built the frontend.
in_npm_test=${SWITCHBOARD_IN_NPM_TEST:-}
[ -n "$in_npm_test" ] || bash scripts/setup.sh --test-tools

# The apps under test: SWITCHBOARD_E2E_APP and SWITCHBOARD_MINIMAL_APP (examples/minimal) when
# given (`npm run test:release` gives the release binaries), else the debug builds, built here
# in one cargo command, so that the two share every crate they have in common.
if [ -z "${SWITCHBOARD_E2E_APP:-}" ]; then
  [ -n "$in_npm_test" ] || npm run --silent build
  npx vite build --config examples/minimal/vite.config.ts --logLevel warn
  # custom-protocol embeds the pages instead of loading the dev server
  # (docs/tauri-behaviour.md#custom-protocol).
  cargo build --locked -p switchboard-app -p switchboard-minimal --features tauri/custom-protocol
  mkdir -p target/e2e
  cp target/debug/switchboard target/debug/minimal target/e2e/
  export SWITCHBOARD_E2E_APP="$PWD/target/e2e/switchboard"
  export SWITCHBOARD_MINIMAL_APP="$PWD/target/e2e/minimal"
fi

source scripts/lib/display.sh
trap stop_display EXIT
start_display

rm -rf artifacts/e2e
status=0
# Extra arguments go to node's test runner, e.g. --test-name-pattern=churn. A session bus of
# the suite's own: the app finds its running instance over D-Bus, so on the desktop's bus a
# test app would hand its start to a Switchboard the developer has open. The bus starts no
# services (scripts/lib/session-bus.conf) and GTK's accessibility bridge is off: the apps need
# neither a desktop portal nor a screen reader's bus, which would otherwise start with them.
export NO_AT_BRIDGE=1
dbus-run-session --config-file=scripts/lib/session-bus.conf -- node --test --test-concurrency=1 "$@" tests/e2e/ || status=$?

# The suite must leave nothing behind: no app, no driver listening.
sleep 0.5
port=${SWITCHBOARD_E2E_PORT:-4444}
left=$(pgrep -f -a "$SWITCHBOARD_E2E_APP" || true)
left+=$(pgrep -f -a "${SWITCHBOARD_MINIMAL_APP:-target/e2e/minimal}" || true)
for p in "$port" $((port + 1)); do
  if (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then left+=" port $p still open"; fi
done
if [ -n "$left" ]; then
  echo "e2e: left running: $left"
  pkill -f "$SWITCHBOARD_E2E_APP" || true
  status=1
fi
exit "$status"
