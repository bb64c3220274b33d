#!/usr/bin/env bash
# Installs code-server (a real VS Code that comes from the npm registry) plus the Debian packages the
# extension tests need, into a cache folder outside the repo. Follows /work/shared/VSCODE-TESTS.md.
# Idempotent: a marker file records a finished install; a missing marker means start clean.
#
#   GUARDRAILS_VSCODE_CACHE   cache root (default ~/.cache/guardrails-vscode)
#   CODE_SERVER_VERSION       default 4.100.3 (newer ones need Node 22+)
# Prints the install folder as its last line.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${GUARDRAILS_VSCODE_CACHE:-$HOME/.cache/guardrails-vscode}"
DIR="$CACHE_ROOT/code-server-$VERSION"
MARKER="$DIR/.guardrails-install-complete"
BIN="$DIR/node_modules/.bin/code-server"

log() { printf '[install-code-server] %s\n' "$*" >&2; }

# --- Debian packages: install only what is missing, and refresh the index only then. -------------
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root to run: $*"; return 1; fi
}
missing=()
for pkg in libkrb5-dev ripgrep chromium; do is_installed "$pkg" || missing+=("$pkg"); done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for exe in /usr/bin/rg /usr/bin/chromium; do
  [ -x "$exe" ] || { log "missing $exe after apt-get"; exit 1; }
done

# --- code-server: one install at a time per cache folder. ----------------------------------------
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock-code-server-$VERSION"
flock 9

if [ -f "$MARKER" ] && [ -x "$BIN" ]; then
  log "cached: $DIR"
  echo "$DIR"
  exit 0
fi

log "fresh install of code-server $VERSION into $DIR"
rm -rf "$DIR"
mkdir -p "$DIR"
# Own package.json so npm installs here rather than in a parent folder that has one.
printf '{ "name": "guardrails-vscode-cache", "private": true }\n' >"$DIR/package.json"
NPM=(npm --no-audit --no-fund --loglevel=error)

# Its postinstall downloads ripgrep from GitHub, which is unreachable: skip scripts, do the steps here.
log "npm install code-server@$VERSION"
(cd "$DIR" && "${NPM[@]}" install --ignore-scripts "code-server@$VERSION" >/dev/null)

VSC="$DIR/node_modules/code-server/lib/vscode"
log "lib/vscode: npm install --omit=dev"
(cd "$VSC" && "${NPM[@]}" install --omit=dev --ignore-scripts >/dev/null)
log "lib/vscode: rebuild native modules"
(cd "$VSC" && npm_config_yes=true "${NPM[@]}" rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog >/dev/null)
log "lib/vscode: ripgrep from Debian, symlinks"
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$VSC/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSC/node_modules.asar"
(cd "$VSC/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VSC/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
log "lib/vscode/extensions: npm install --omit=dev"
(cd "$VSC/extensions" && "${NPM[@]}" install --omit=dev >/dev/null)
log "rebuild argon2"
(cd "$DIR" && npm_config_yes=true "${NPM[@]}" rebuild argon2 >/dev/null)

# code-server writes a default config.yaml on any start: keep that inside the cache, not in ~/.config.
version_line="$(XDG_CONFIG_HOME="$DIR/.xdg-config" "$BIN" --version 2>/dev/null | grep -E "^$VERSION " | head -n 1 || true)"
case "$version_line" in
  "$VERSION "*) log "ok: $version_line" ;;
  *) log "code-server --version did not print $VERSION"; exit 1 ;;
esac
echo "$version_line" >"$MARKER"
echo "$DIR"
