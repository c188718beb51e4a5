#!/usr/bin/env bash
# Runs Vigie's whole test suite: unit and HTTP tests on SQLite, the same on PostgreSQL, then the
# browser journeys in Chromium. Installs what is missing (Debian packages, as root), starts a
# private PostgreSQL on loopback, stops everything it started, and ends with one line:
#   N passed, N failed, N skipped
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '\n=== %s\n' "$*"; }

# --- 1. Tools -----------------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]} (run as root, or install them first)." >&2
    exit 1
  fi
  log "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- 2. Build once ------------------------------------------------------------------------------
log "Build"
dotnet build Vigie.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly

# --- 3. A private PostgreSQL on loopback ---------------------------------------------------------
source "$root/scripts/private-postgres.sh"
pg_dir=$(mktemp -d /tmp/vigie-pg.XXXXXX)
cleanup() {
  private_pg_stop "$pg_dir"
  rm -rf "$pg_dir"
}
trap cleanup EXIT

log "PostgreSQL"
private_pg_start "$pg_dir" "-c fsync=off -c synchronous_commit=off -c max_connections=200 -c autovacuum=off"
private_pg_psql "$pg_dir" -c "CREATE ROLE vigie LOGIN CREATEDB PASSWORD 'vigie-tests-only';"
pg_conn="Host=127.0.0.1;Port=$PRIVATE_PG_PORT;Username=vigie;Password=vigie-tests-only;Database=postgres"
echo "PostgreSQL on 127.0.0.1:$PRIVATE_PG_PORT"

# --- 4. Runs ------------------------------------------------------------------------------------
passed=0; failed=0; skipped=0; broken=0
run() { # name, then the command
  local name=$1; shift
  log "$name"
  local out; out=$(mktemp)
  set +e
  "$@" 2>&1 | tee "$out"
  local code=${PIPESTATUS[0]}
  set -e
  local t f s
  t=$(grep -E '^\s+succeeded: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -E '^\s+failed: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -E '^\s+skipped: [0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + t)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$code" -ne 0 ] || [ "$t" -eq 0 ]; then
    echo "!! $name: exit code $code, $t passed" >&2
    broken=$((broken + 1))
  fi
  rm -f "$out"
}

run "Tests on SQLite" dotnet test --project tests/Vigie.Tests --no-build
run "Tests on PostgreSQL" env VIGIE_TEST_PROVIDER=Postgres VIGIE_TEST_POSTGRES="$pg_conn" dotnet test --project tests/Vigie.Tests --no-build
run "Browser tests (Chromium)" dotnet test --project tests/Vigie.BrowserTests --no-build

echo
if [ "$broken" -gt 0 ] && [ "$failed" -eq 0 ]; then
  failed=$broken # a run that crashed or ran nothing counts as a failure
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
