#!/usr/bin/env bash
# `npm run screenshots`: retakes the docs' pictures from the real app (docs/screenshot.png,
# docs/workspace-light.png, docs/workspace-dark.png). The end-to-end suite's screenshot tests
# set each scene and, on an Xvfb of the suite's own (whose screen is a file they can read),
# write the whole screen; this runs those tests alone and keeps their pictures.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DISPLAY
bash scripts/e2e.sh --test-name-pattern="shows a private message|shows the workspace restored"
for picture in screenshot workspace-light workspace-dark; do
  cp "artifacts/e2e/$picture.png" "docs/$picture.png"
done
echo "screenshots: docs/screenshot.png, docs/workspace-light.png and docs/workspace-dark.png retaken"
