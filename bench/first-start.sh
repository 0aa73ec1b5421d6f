#!/usr/bin/env bash
# `npm run bench -- --first-start`: what a new user waits for. Clones this repository's last
# commit into a scratch folder (with a target folder of its own, so that everything compiles as
# on a fresh clone; crates already in cargo's download cache are not downloaded again), runs
# `bash scripts/setup.sh`, then `npm run tauri dev` on a display (Xvfb when none is set), and
# prints how long setup took, tauri dev until main's window was on screen, and how many times
# tauri dev built the app again by 15 s later.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/display.sh

scratch=$(mktemp -d)
dev=""
cleanup() {
  [ -n "$dev" ] && kill -- "-$dev" 2>/dev/null || true
  stop_display
  rm -rf "$scratch"
}
trap cleanup EXIT
git clone --quiet . "$scratch/switchboard"
cd "$scratch/switchboard"
echo "first-start: a fresh clone of $(git rev-parse --short HEAD) in $scratch"

start=$SECONDS
bash scripts/setup.sh >"$scratch/setup.log" 2>&1 || { cat "$scratch/setup.log"; exit 1; }
setup_s=$((SECONDS - start))

start_display
start=$SECONDS
setsid npm run tauri dev >"$scratch/dev.log" 2>&1 &
dev=$!
until xdotool search --name '^Switchboard$' >/dev/null 2>&1; do
  if ! kill -0 "$dev" 2>/dev/null; then
    tail -40 "$scratch/dev.log"
    echo "first-start: tauri dev ended before main opened" >&2
    exit 1
  fi
  sleep 0.5
done
dev_s=$((SECONDS - start))
# A file the first build writes inside a folder `tauri dev` watches makes it build and start the
# app again (app/.taurignore and crates/switchboard/.taurignore keep the generated ones out).
sleep 15
rebuilds=$(grep -ac 'Rebuilding application' "$scratch/dev.log" || true)
grep -a 'Rebuilding application' "$scratch/dev.log" || true
# What cargo compiled, for the generator (started by the dev server) and the app: a
# fingerprint per crate and feature set. More than one tauri means two feature sets of it.
fingerprints=target/debug/.fingerprint
units=$(find "$fingerprints" -name 'lib-*' -o -name 'bin-*' | grep -cv '\.json$' || true)
tauri=$(find "$fingerprints" -path '*/tauri-*' -name 'lib-tauri' | wc -l)
echo "first-start: $(date -u +%F), $(nproc) cores: setup ${setup_s} s; then npm run tauri dev" \
  "until main opened ${dev_s} s ($units crates compiled, the tauri crate $tauri time(s));" \
  "tauri dev built it again $rebuilds time(s) by 15 s later"
