#!/usr/bin/env bash
# Measures how long Guardrails holds up VS Code's extension host (issue 9): writes the benchmark's
# synthetic workspace (5,000 files by default) into a temporary folder, then runs
# test/extension/responsiveness in code-server against it. `npm run test:responsiveness` runs this;
# `npm run test:extension` runs it too (with --no-build, after building).
#
#   scripts/vscode-test/responsiveness.sh [--files N] [--extension DIR] [--no-build]
#
# --extension measures another build of the extension (a folder with package.json and dist/), e.g.
# an older commit checked out and built elsewhere; the suite is always this checkout's.
# Figures: printed, and in .test-artifacts/vscode/responsiveness-synthetic-N.json.
# Env: GUARDRAILS_PROFILE_DIR=DIR also writes a CPU profile of the extension host per phase
# (read them with node scripts/vscode-test/stalls.mjs FILE); GUARDRAILS_KEEP_TMP=1 keeps the
# workspace; the rest as in scripts/vscode-test/run.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

files=5000
extension=()
build=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --files) files="$2"; shift 2 ;;
    --extension) extension=(--extension "$2"); shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--files N] [--extension DIR] [--no-build]" >&2; exit 2 ;;
  esac
done

started=$SECONDS
step() { printf '[responsiveness] %s (%ds)\n' "$*" "$((SECONDS - started))"; }

if [ "$build" = 1 ]; then
  step "code-server 4.100.3 and Chromium (cached after the first run)"
  scripts/vscode-test/install-code-server.sh >/dev/null
  step "bundle the extension and compile the tests"
  node esbuild.mjs
  rm -rf out/test/extension
  npx tsc -p tsconfig.test.json
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/guardrails-responsiveness.XXXXXX")
if [ "${GUARDRAILS_KEEP_TMP:-}" != 1 ]; then trap 'rm -rf "$tmp"' EXIT; fi
workspace="$tmp/synthetic-$files"
step "write the synthetic workspace ($files files)"
node out/test/extension/runner/syntheticWorkspace.js "$workspace" "$files"

step "run the suite in code-server"
status=0
GUARDRAILS_VSCODE_TIMEOUT_MS="${GUARDRAILS_VSCODE_TIMEOUT_MS:-600000}" \
  node out/test/extension/runCodeServer.js --workspace "$workspace" --suite out/test/extension/responsiveness/index.js "${extension[@]}" || status=$?
step "done, exit $status"
exit "$status"
