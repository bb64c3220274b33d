#!/usr/bin/env bash
# Refreshes the README's screenshots, media/screenshots/*.png, from the current build: runs the editor
# suites that take them inside code-server (the same runs as `npm run test:extension`) and copies the
# pictures the tests asked for. `npm run screenshots`; commit the result if it looks right.
#
# Nothing else writes to media/screenshots/, and no test compares pixels: CI takes the same pictures
# into .test-artifacts/vscode/ and never fails because they differ from the committed ones.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# The pictures the README shows, by the name each test gives requestScreenshot().
SHOTS=(editor-quick-fix views walkthrough dashboard)

shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
export GUARDRAILS_ARTIFACTS_DIR="$shots"

scripts/vscode-test/install-code-server.sh >/dev/null
node esbuild.mjs
rm -rf out/test/extension && npx tsc -p tsconfig.test.json

status=0
# editor-quick-fix: the editor suite on its fixture (restored if a test cut short leaves it edited).
fixture=test/fixtures/extension/basic
clean_before=$(git status --porcelain -- "$fixture" 2>/dev/null || echo unknown)
node out/test/extension/runCodeServer.js || status=$?
if [ -z "$clean_before" ] && [ -n "$(git status --porcelain -- "$fixture")" ]; then
  git checkout -q -- "$fixture" && git clean -fdq -- "$fixture"
fi
# walkthrough: a new user's first run, the basic fixture without its rules file.
rm -rf .test-artifacts/first-run && mkdir -p .test-artifacts && cp -r "$fixture" .test-artifacts/first-run && rm .test-artifacts/first-run/guardrails.json
node out/test/extension/runCodeServer.js --workspace .test-artifacts/first-run --suite out/test/extension/firstRun/index.js || status=$?
# views and dashboard: the example shop with its dated history.
node scripts/example-history.mjs >/dev/null
node out/test/extension/runCodeServer.js --workspace .example-history/shop --suite out/test/extension/panel/index.js || status=$?

if [ "$status" -ne 0 ]; then
  echo "[screenshots] a suite failed: media/screenshots/ left as it was" >&2
  exit "$status"
fi
mkdir -p media/screenshots
for name in "${SHOTS[@]}"; do
  if [ ! -f "$shots/$name.png" ]; then
    echo "[screenshots] no $name.png was taken: media/screenshots/ left as it was" >&2
    exit 1
  fi
done
for name in "${SHOTS[@]}"; do
  cp "$shots/$name.png" "media/screenshots/$name.png"
  echo "[screenshots] media/screenshots/$name.png ($(wc -c <"media/screenshots/$name.png") bytes)"
done
echo "[screenshots] refreshed; review with git diff --stat media/screenshots and commit"
