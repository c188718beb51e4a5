#!/usr/bin/env bash
# The commission's live session page ("en séance") under load (SQLite; PostgreSQL too with WITH_POSTGRES=1):
#   1. Vigie.Bench generate: a new database with SITUATIONS fictitious situations and a Coordination account;
#      Vigie.Bench commission: a session of 25 agenda items, 50 decisions and 200 actions, 24 invitations;
#   2. the Release app in Production on loopback, logged in through the real pages (bench/login.py);
#   3. a warm-up, then wrk -t2 -cCONNECTIONS -dDURATION on /commission/seances/{id}/en-seance, with
#      bench/situations.lua reporting p50 / p95 / p99, requests per second and any answer other than 200.
# Usage: bench/commission-wrk.sh [DURATION_SECONDS] [CONNECTIONS] [SITUATIONS]   (defaults 20, 16, 1000)
# WARMUP_SECONDS (default 60) sets the warm-up. Aim: p95 under 100 ms with 16 connections.
# WITH_POSTGRES=1 repeats on a private PostgreSQL (Debian's postgresql, as root: a temporary cluster on
# 127.0.0.1 and a private port, stopped at the end). wrk and the app share the machine's cores.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/../scripts/private-postgres.sh"
pg_dir="$bench_tmp/pg"
cleanup() {
  private_pg_stop "$pg_dir"
  bench_cleanup
}
trap cleanup EXIT

duration=${1:-20}
connections=${2:-16}
situations=${3:-1000}
threads=2
warmup=${WARMUP_SECONDS:-60}
[ "$duration" -ge 1 ] && [ "$duration" -le 120 ] || { echo "Duration must be 1..120 s" >&2; exit 64; }
[ "$connections" -ge 1 ] && [ "$connections" -le 256 ] || { echo "CONNECTIONS must be 1..256" >&2; exit 64; }
[ "$situations" -ge 25 ] && [ "$situations" -le 2000000 ] || { echo "SITUATIONS must be 25..2000000" >&2; exit 64; }
[ "$warmup" -ge 1 ] && [ "$warmup" -le 120 ] || { echo "WARMUP_SECONDS must be 1..120" >&2; exit 64; }
command -v wrk >/dev/null || { echo "wrk is missing: install the Debian package wrk." >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed for the login (bench/login.py)." >&2; exit 1; }
bench_dir="$bench_root/bench"
bench_project="$bench_dir/Vigie.Bench"
bench_bin="$bench_project/bin/Release/net10.0/Vigie.Bench"

bench_build
log "Release build of Vigie.Bench"
dotnet build "$bench_project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$bench_tmp/build-bench.log" 2>&1 \
  || { cat "$bench_tmp/build-bench.log" >&2; exit 1; }

failures=0
: >"$bench_tmp/summary.txt"

# measure PROVIDER CONNECTION_STRING: generates the data, starts the app, logs in, measures the live page.
measure() {
  local provider=$1 connection=$2 data="$bench_tmp/data-$1" code session path out before after
  local target=(--data "$data" --provider "$provider")
  [ -z "$connection" ] || target+=(--connection "$connection")

  log "$provider: generating $situations situations and a session of 25 items and 200 actions"
  timeout 1800 "$bench_bin" generate "${target[@]}" --situations "$situations" 2> >(grep -v -e XmlKeyManager -e 'No XML encryptor' >&2) >/dev/null
  timeout 600 "$bench_bin" commission "${target[@]}" --items 25 --actions 200 2> >(grep -v -e XmlKeyManager -e 'No XML encryptor' >&2) \
    | tee -a "$bench_tmp/summary.txt" >&2
  if [ "$provider" = Postgres ]; then
    private_pg_psql "$pg_dir" -d vigie_bench -c "VACUUM (ANALYZE)" >/dev/null
  fi
  session=$(head -n 1 "$data/commission-session.txt")
  path="/commission/seances/$session/en-seance"

  port=$(bench_free_port)
  log "$provider: starting the app on 127.0.0.1:$port (Production)"
  BENCH_PROVIDER=$provider BENCH_CONNECTION=$connection bench_start_app "$data" "$port" "$bench_tmp/app-$provider.log"
  bench_wait_health "$port" 120 || { echo "The app did not become healthy:" >&2; cat "$bench_tmp/app-$provider.log" >&2; exit 1; }
  cookie=$(python3 "$bench_dir/login.py" "http://127.0.0.1:$port" "$data/bench-account.txt")
  code=$(curl -s -o "$bench_tmp/live.html" -w '%{http_code}' --max-time 30 -H "$proxy_header" -H "$cookie" "http://127.0.0.1:$port$path")
  [ "$code" = 200 ] && [ "$(grep -c 'class="live-item"' "$bench_tmp/live.html")" = 25 ] && [ "$(grep -c '<tr id="action-' "$bench_tmp/live.html")" = 200 ] \
    || { echo "$path answered $code without 25 items and 200 actions" >&2; exit 1; }
  echo "$provider live page: $(wc -c <"$bench_tmp/live.html") bytes of HTML" >>"$bench_tmp/summary.txt"

  log "$provider: warm-up, ${warmup} s on the live page"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "$proxy_header" -H "$cookie" "http://127.0.0.1:$port$path" >/dev/null

  echo "$provider load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$bench_tmp/summary.txt"
  out="$bench_tmp/wrk-$provider.txt"
  log "$provider: wrk -t$threads -c$connections -d${duration}s $path"
  before=$(bench_app_cpu_ms)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s -H "$proxy_header" -H "$cookie" \
    -s "$bench_dir/situations.lua" "http://127.0.0.1:$port" -- "$path" >"$out"
  after=$(bench_app_cpu_ms)
  grep RESULT "$out" >&2
  if ! grep -q 'not200=0 ' "$out"; then
    echo "!! live page: some answers were not 200" >&2
    failures=$((failures + 1))
  fi
  awk -v p="$provider" -v cpu_ms="$((after - before))" '
    /^RESULT/ {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
      printf "%-9s %-10s %8s req/s  p50 %9s  p95 %9s  p99 %9s  (%s requests, app CPU %.2f ms per request, non-200 %s, socket errors %s)\n",
        p, "en-seance", r["rps"], r["p50"], r["p95"], r["p99"], r["requests"], r["requests"] ? cpu_ms / r["requests"] : 0, r["not200"], r["socket_errors"]
    }' "$out" >>"$bench_tmp/summary.txt"
  echo "$provider load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$bench_tmp/summary.txt"
  bench_stop_app
}

measure Sqlite ""

if [ "${WITH_POSTGRES:-0}" = 1 ]; then
  bench_private_pg "$pg_dir"
  echo "PostgreSQL $bench_pg_version on 127.0.0.1:$PRIVATE_PG_PORT (default settings)" >>"$bench_tmp/summary.txt"
  measure Postgres "$bench_pg_connection"
fi

log "Results ($(nproc) cores shared by wrk, the app and the database; $threads threads, $connections connections, ${duration} s each)"
cat "$bench_tmp/summary.txt"
[ "$failures" -eq 0 ]
