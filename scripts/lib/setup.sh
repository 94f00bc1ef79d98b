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

# PostgreSQL for the BFF's tests on it (YSX_TEST_DB=postgres, bff/test/store): 127.0.0.1:5432, trust authentication
# from loopback, a database `test`. Machines normally have it running; where `pg_isready` fails it is installed from
# Debian's packages and started, so no suite is ever skipped.
ensure_postgres() {
  if command -v pg_isready >/dev/null && pg_isready -h 127.0.0.1 -q; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null; then
    log "installing PostgreSQL from apt"
    as_root apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$( (ls /etc/postgresql 2>/dev/null || true) | sort -n | tail -n 1)
  if [ -z "$version" ]; then
    as_root pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -n 1)" main >/dev/null
    version=$(ls /etc/postgresql | sort -n | tail -n 1)
  fi
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! as_root grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    log "PostgreSQL $version: trust authentication from 127.0.0.1 (a test machine's database)"
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster "$version" main start 2>/dev/null || as_root pg_ctlcluster "$version" main reload
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -q || { log "PostgreSQL did not start"; return 1; }
  psql -h 127.0.0.1 -U postgres -Atqc "select 1 from pg_database where datname = 'test'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE test'
}

# Redis on 127.0.0.1:6379 for the tests of what BFF replicas share (bff/test/platform/redis.test.ts, tests/scale/):
# installed from apt and started where nothing answers there. No persistence: a test machine's counters.
ensure_redis() {
  if command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG; then return 0; fi
  if ! command -v redis-server >/dev/null; then
    log "installing Redis from apt"
    as_root apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
  fi
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG && break; sleep 1; done
  redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG || { log "Redis did not start"; return 1; }
}

build_h5() {
  log "building the H5 app (miniapp/dist/h5)"
  (cd "$ROOT/miniapp" && pnpm run build:h5 >/tmp/ysx-build-h5.log 2>&1) || { tail -n 40 /tmp/ysx-build-h5.log >&2; return 1; }
}

# The weapp build (miniapp/dist/weapp by default). A development build is given the BFF's address and the WeChat
# stand-in's (it takes its login codes from the stand-in's /sns/device-login and says 开发环境); a production build is
# given a BFF address alone and calls wx.login. Taro inlines them: miniapp/config/build-env.ts checks them first.
#   build_weapp_with <output dir> <BFF origin> [<stand-in origin> <stand-in app id>]
build_weapp_with() {
  local out=$1 api=$2 stand_in=${3:-} app_id=${4:-}
  log "building the weapp ($out: BFF $api${stand_in:+, WeChat stand-in $stand_in})"
  (cd "$ROOT/miniapp" && TARO_APP_API_BASE="$api" TARO_APP_WECHAT_STAND_IN="$stand_in" TARO_APP_WECHAT_APP_ID="$app_id" \
    YSX_BUILD_OUTPUT="$out" pnpm run build:weapp >/tmp/ysx-build-weapp.log 2>&1) \
    || { tail -n 40 /tmp/ysx-build-weapp.log >&2; return 1; }
}

# For ./scripts/test: a development build against the stand-ins' default addresses and a production build, each in
# its own folder, for check_weapp (neither touches dist/weapp, what ./scripts/weapp builds for devtools).
WEAPP_CHECK_DEV=dist/weapp-check-dev
WEAPP_CHECK_PROD=dist/weapp-check-prod
WEAPP_CHECK_PROD_BFF=https://ysx-bff.example.invalid
weapp_check_addresses() {
  cd "$ROOT"
  eval "$(pnpm exec tsx scripts/department-env.ts | grep '^export DEPT_WECHAT_PORT=')"
  WEAPP_CHECK_BFF="http://127.0.0.1:${BFF_PORT:-3000}"
  WEAPP_CHECK_STAND_IN="http://127.0.0.1:$DEPT_WECHAT_PORT"
}
build_weapp() {
  weapp_check_addresses
  build_weapp_with "$WEAPP_CHECK_DEV" "$WEAPP_CHECK_BFF" "$WEAPP_CHECK_STAND_IN" wx-ysx-open-dev \
    && build_weapp_with "$WEAPP_CHECK_PROD" "$WEAPP_CHECK_PROD_BFF"
}

# The structure of both builds (scripts/check-weapp.ts): pages and their files, no eval; the development build
# carries its BFF address, the stand-in's and the stand-in login module (its storage key, ysx.wechat.standInDevice),
# the production build none of them. (/sns/device-login itself is in both: the shared contracts describe it.)
# Neither carries the H5 QR scanner (qr-scanner, known by its decoder's message), which the weapp build drops.
check_weapp() {
  weapp_check_addresses
  pnpm exec tsx scripts/check-weapp.ts "miniapp/$WEAPP_CHECK_DEV" --present "$WEAPP_CHECK_BFF" \
    --present "$WEAPP_CHECK_STAND_IN" --present ysx.wechat.standInDevice --absent 'No QR code found' \
    && pnpm exec tsx scripts/check-weapp.ts "miniapp/$WEAPP_CHECK_PROD" --present "$WEAPP_CHECK_PROD_BFF" \
      --absent "$WEAPP_CHECK_BFF" --absent "$WEAPP_CHECK_STAND_IN" --absent ysx.wechat.standInDevice \
      --absent 'No QR code found'
}

build_and_check_weapp() { build_weapp && check_weapp; }
