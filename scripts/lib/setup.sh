# Shared set-up for ./scripts/start and ./scripts/test: installs what a fresh machine lacks. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PNPM_VERSION=12.21.0
# better-sqlite3 compiles from source; node-gyp must find Node's headers locally (pnpm ignores ~/.npmrc's nodedir).
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export CI="${CI:-}"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1; fi
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    log "installing pnpm $PNPM_VERSION"
    npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || as_root npm install -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

ensure_deps() {
  ensure_pnpm
  cd "$ROOT"
  log "installing dependencies (pnpm install --frozen-lockfile)"
  # One cold install in four once lost node-gyp's build folder mid-compile; a second try fixes it (SETUP.md).
  pnpm install --frozen-lockfile --reporter=append-only >/tmp/ysx-install.log 2>&1 \
    || { log "install failed once; retrying"; pnpm install --frozen-lockfile --reporter=append-only >>/tmp/ysx-install.log 2>&1; } \
    || { tail -n 40 /tmp/ysx-install.log >&2; return 1; }
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then return 0; fi
  log "installing Chromium and CJK fonts from apt"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
}

build_h5() {
  log "building the H5 app (miniapp/dist/h5)"
  (cd "$ROOT/miniapp" && pnpm run build:h5 >/tmp/ysx-build-h5.log 2>&1) || { tail -n 40 /tmp/ysx-build-h5.log >&2; return 1; }
}
