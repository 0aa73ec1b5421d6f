#!/usr/bin/env bash
# Installs what Switchboard needs and is missing, and nothing that is present:
# Debian/Ubuntu packages (as root, or prints the exact sudo line), then npm packages; with
# --test-tools also the tools that only the tests use (cargo-machete, tauri-driver). Ends with
# `node scripts/doctor.mjs --quick` (the doctor without its slow check): versions that fit
# together, not only present.
# Safe to run again; `npm test` runs it first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# WebKitGTK and its build tools for Tauri; Xvfb, WebKitWebDriver, a D-Bus session bus and
# xdotool (to move a window as a user would) for the end-to-end tests.
APT_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config xvfb webkit2gtk-driver dbus-daemon xdotool)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    say "missing system packages; run this, then run me again:"
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

if ! command -v cargo >/dev/null; then
  say "Rust is missing: install it from https://rustup.rs, then run me again."
  exit 1
fi
for component in rustfmt clippy; do
  subcommand=${component/rustfmt/fmt}
  if ! cargo "$subcommand" --version >/dev/null 2>&1; then
    say "adding the Rust component $component"
    rustup component add "$component"
  fi
done
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then
  say "Node.js 20.19 or newer is needed (found: $(node --version 2>/dev/null || echo none))."
  exit 1
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi
# Built from crates.io once each, in a minute or two: not needed to run the app.
doctor=(--quick)
if [ "${1:-}" = "--test-tools" ]; then
  doctor+=(--tests)
  for tool in cargo-machete tauri-driver; do
    if ! command -v "$tool" >/dev/null; then
      say "installing $tool"
      cargo install "$tool" --locked
    fi
  done
fi
say "everything is installed"
node scripts/doctor.mjs "${doctor[@]}"
