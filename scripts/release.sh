#!/usr/bin/env bash
# `npm run test:release`: builds what ships with `tauri build` (the release binary, packaged as
# a .deb), checks what the package holds and needs, unpacks it and runs the end-to-end suite
# against the binary inside. Not part of `npm test`: the release build takes minutes of its
# own. Arguments go to node's test runner, as with `npm run test:e2e`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --test-tools
npx tauri build --ci

version=$(node -p 'require("./app/tauri.conf.json").version')
deb="target/release/bundle/deb/Switchboard_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "release: $deb was not made"; exit 1; }
echo "release: $deb ($(du -h "$deb" | cut -f1))"

# What a user's apt sees: the libraries it pulls in, and the files it installs.
depends=$(dpkg-deb --field "$deb" Depends)
echo "release: Depends: $depends"
for lib in libwebkit2gtk-4.1-0 libgtk-3-0; do
  [[ $depends == *"$lib"* ]] || { echo "release: the package does not depend on $lib"; exit 1; }
done
files=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for file in usr/bin/switchboard usr/share/applications/Switchboard.desktop \
  usr/share/icons/hicolor/128x128/apps/switchboard.png; do
  grep -qxF "$file" <<<"$files" || { echo "release: the package lacks $file"; exit 1; }
done

root=target/release-e2e
rm -rf "$root"
dpkg-deb --extract "$deb" "$root"
# The minimal example in release too, with the features `tauri build` gave the app.
npx vite build --config examples/minimal/vite.config.ts --logLevel warn
cargo build --locked --release -p switchboard-minimal --features tauri/custom-protocol
SWITCHBOARD_E2E_APP="$PWD/$root/usr/bin/switchboard" SWITCHBOARD_MINIMAL_APP="$PWD/target/release/minimal" \
  bash scripts/e2e.sh "$@"
