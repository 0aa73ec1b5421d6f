#!/usr/bin/env bash
# `npm run soak`: the long versions of what `npm test` runs small, and docs/reliability.md with
# their figures (it prints how long each part took). Sizes: SOAK_FUZZ_CASES (per command, default
# 50,000), SOAK_STORM_MESSAGES (100,000), SOAK_CHURN_CYCLES (200), SOAK_WEBVIEW_STORM (5,000).
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz=${SOAK_FUZZ_CASES:-50000}
storm=${SOAK_STORM_MESSAGES:-100000}
churn=${SOAK_CHURN_CYCLES:-200}
webview_storm=${SOAK_WEBVIEW_STORM:-5000}
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

echo "soak: property tests, $fuzz cases per command"
start=$SECONDS
SWITCHBOARD_FUZZ_CASES=$fuzz cargo test --locked -p switchboard-tests --test it fuzz -- --nocapture \
  | tee "$log/fuzz"
fuzz_s=$((SECONDS - start))

echo "soak: storm of $storm messages"
SWITCHBOARD_STORM_MESSAGES=$storm cargo test --locked -p switchboard-tests --test it storm -- --nocapture \
  | tee "$log/storm"

echo "soak: $churn open-target-close cycles and a storm of $webview_storm in the real webview"
SWITCHBOARD_CHURN_CYCLES=$churn SWITCHBOARD_WEBVIEW_STORM=$webview_storm \
  bash scripts/e2e.sh --test-name-pattern="churn|storm" | tee "$log/churn"

churn_json=$(grep -o 'churn: {.*}' "$log/churn" | head -1 | cut -d' ' -f2-)
kib() { node -e "const r = JSON.parse(process.argv[1]); console.log((r.$1.residentKib / 1024).toFixed(1))" "$churn_json"; }
{
  echo "# Reliability figures"
  echo
  echo "Written by \`npm run soak\` (scripts/soak.sh) on $(date -u +%Y-%m-%d), $(nproc) cores,"
  echo "$(uname -sr). Debug builds, as \`npm test\` runs them. Do not edit: run it again."
  echo
  echo "## Property tests through the real IPC path ($fuzz generated calls per command, ${fuzz_s} s)"
  echo
  echo "Each call comes from main, a worker or the inspector, with malformed or well-typed hostile"
  echo "arguments, or a raw body instead (one call in four). Every call answered; every failure"
  echo "was a typed error or a classified rejection; no panic escaped; the core's tables stayed"
  echo "within their limits."
  echo
  echo "| command | calls | ok | typed errors | rejected by the framework |"
  echo "|---|---|---|---|---|"
  # The plugin's commands are invoked as `plugin:switchboard|name`; the table names them alone.
  sed -n 's/^fuzz: \(plugin:[a-z]*|\)\{0,1\}\([a-z_]*\): \([0-9]*\) calls answered: \([0-9]*\) ok, \([0-9]*\) typed errors, \([0-9]*\) rejected.*/| `\2` | \3 | \4 | \5 | \6 |/p' "$log/fuzz"
  echo
  echo "## Storm (mock runtime)"
  echo
  grep -o 'storm: .*' "$log/storm" | sed 's/^storm: /- /'
  echo
  echo "## In the real webview (WebKitGTK under Xvfb)"
  echo
  grep -o 'storm: .*' "$log/churn" | head -1 | sed 's/^storm: /- /'
  echo "- $churn cycles of: open a worker, send it a private message at once (held until its page"
  echo "  is ready), wait until its inbox shows it, close it. Every message arrived."
  echo "- The core's tables before and after: \`$(node -e "const r = JSON.parse(process.argv[1]); const t = ({ residentKib, ...rest }) => JSON.stringify(rest); console.log(t(r.before) === t(r.after) ? 'equal: ' + t(r.after) : 'DIFFERENT')" "$churn_json")\`"
  echo "- Core resident memory: $(kib before) MiB before, $(kib after) MiB after."
} > docs/reliability.md
echo "soak: wrote docs/reliability.md"
