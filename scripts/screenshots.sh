#!/usr/bin/env bash
# `npm run screenshots`: retakes docs/screenshot.png from the real app. The end-to-end suite's
# screenshot test sets the scene and, on an Xvfb of the suite's own (whose screen is a file it
# can read), writes the whole screen; this runs that test alone and keeps its picture.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DISPLAY
bash scripts/e2e.sh --test-name-pattern="shows a private message"
cp artifacts/e2e/screenshot.png docs/screenshot.png
echo "screenshots: docs/screenshot.png retaken"
