#!/usr/bin/env bash
# The situations pages under load, on a generated data set (SQLite; PostgreSQL too with WITH_POSTGRES=1):
#   1. Vigie.Bench generate: a new database through the app's migrations, SITUATIONS fictitious situations
#      (encrypted identities, evaluations, legal steps) and a Coordination account with its TOTP key;
#   2. the Release app in Production on loopback, logged in through the real pages (bench/login.py);
#   3. wrk -t2 -cCONNECTIONS -dDURATION on the list (first page, filtered and sorted, a deep page, a
#      name search) and on the situation page (rotating over 2,000 ids spread over the set), with
#      bench/situations.lua reporting p50 / p95 / p99, requests per second and any answer other than 200.
# Usage: bench/situations-wrk.sh [SITUATIONS] [DURATION_SECONDS] [CONNECTIONS]   (defaults 100000, 20, 16)
# SKIP_SQLITE=1 leaves SQLite out. WITH_POSTGRES=1 repeats on a private PostgreSQL (Debian's postgresql, as root: a temporary cluster on
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

situations=${1:-100000}
duration=${2:-20}
connections=${3:-16}
threads=2
warmup=${WARMUP_SECONDS:-60}
[ "$situations" -ge 100 ] && [ "$situations" -le 2000000 ] || { echo "SITUATIONS must be 100..2000000" >&2; exit 64; }
[ "$duration" -ge 1 ] && [ "$duration" -le 120 ] || { echo "Duration must be 1..120 s" >&2; exit 64; }
[ "$connections" -ge 1 ] && [ "$connections" -le 256 ] || { echo "CONNECTIONS must be 1..256" >&2; exit 64; }
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

# run_wrk PROVIDER NAME PATH [IDS_FILE]: one measured run; appends a summary line.
run_wrk() {
  local provider=$1 name=$2 path=$3 ids=${4:-} out before after
  out="$bench_tmp/wrk-$provider-$name.txt"
  log "$provider / $name: wrk -t$threads -c$connections -d${duration}s $path${ids:+<id>}"
  before=$(bench_app_cpu_ms)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s -H "$proxy_header" -H "$cookie" \
    -s "$bench_dir/situations.lua" "http://127.0.0.1:$port" -- "$path" ${ids:+"$ids"} >"$out"
  after=$(bench_app_cpu_ms)
  grep RESULT "$out" >&2
  if ! grep -q 'not200=0 ' "$out"; then
    echo "!! $name: some answers were not 200" >&2
    failures=$((failures + 1))
  fi
  awk -v p="$provider" -v name="$name" -v cpu_ms="$((after - before))" '
    /^RESULT/ {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
      printf "%-9s %-16s %8s req/s  p50 %9s  p95 %9s  p99 %9s  (%s requests, app CPU %.2f ms per request, non-200 %s, socket errors %s)\n",
        p, name, r["rps"], r["p50"], r["p95"], r["p99"], r["requests"], r["requests"] ? cpu_ms / r["requests"] : 0, r["not200"], r["socket_errors"]
    }' "$out" >>"$bench_tmp/summary.txt"
}

# measure PROVIDER CONNECTION_STRING: generates the data, starts the app, logs in, measures.
measure() {
  local provider=$1 connection=$2 data="$bench_tmp/data-$1" code size expected
  local target=(--data "$data" --provider "$provider")
  [ -z "$connection" ] || target+=(--connection "$connection")

  log "$provider: generating $situations situations"
  timeout 1800 "$bench_bin" generate "${target[@]}" --situations "$situations" 2> >(grep -v -e XmlKeyManager -e 'No XML encryptor' >&2)
  if [ "$provider" = Postgres ]; then
    # What autovacuum does soon after a bulk load on a live database: statistics and the visibility
    # map (without it, index-only scans still read the table).
    private_pg_psql "$pg_dir" -d vigie_bench -c "VACUUM (ANALYZE)" >/dev/null
  fi
  if [ "$provider" = Sqlite ]; then
    size=$(du -cb "$data"/vigie.db* | tail -n 1 | cut -f1)
  else
    size=$(private_pg_psql "$pg_dir" -d vigie_bench -At -c "SELECT pg_database_size('vigie_bench')")
  fi
  echo "$provider data set: $situations situations, database $((size / 1024 / 1024)) MiB" | tee -a "$bench_tmp/summary.txt" >&2

  port=$(bench_free_port)
  log "$provider: starting the app on 127.0.0.1:$port (Production)"
  BENCH_PROVIDER=$provider BENCH_CONNECTION=$connection bench_start_app "$data" "$port" "$bench_tmp/app-$provider.log"
  bench_wait_health "$port" 120 || { echo "The app did not become healthy:" >&2; cat "$bench_tmp/app-$provider.log" >&2; exit 1; }
  cookie=$(python3 "$bench_dir/login.py" "http://127.0.0.1:$port" "$data/bench-account.txt")
  code=$(curl -s -o "$bench_tmp/list.html" -w '%{http_code}' --max-time 30 -H "$proxy_header" -H "$cookie" "http://127.0.0.1:$port/situations")
  # Beyond 10,000 rows (200 pages, Vigie:Situations:List:MaxPages) the list says "Plus de 10 000".
  if [ "$situations" -gt 10000 ]; then expected="Plus de 10"; else expected="$situations situation(s)"; fi
  [ "$code" = 200 ] && grep -q "$expected" "$bench_tmp/list.html" \
    || { echo "/situations answered $code without the expected count" >&2; exit 1; }

  log "$provider: warm-up, ${warmup} s on the list and ${warmup} s on situation pages"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "$proxy_header" -H "$cookie" "http://127.0.0.1:$port/situations" >/dev/null
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "$proxy_header" -H "$cookie" -s "$bench_dir/situations.lua" \
    "http://127.0.0.1:$port" -- /situations/ "$data/situation-ids.txt" >/dev/null

  echo "$provider load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$bench_tmp/summary.txt"
  run_wrk "$provider" list-first "/situations"
  run_wrk "$provider" list-filtered "/situations?niveau=Averee&age=15-16&retard=1&tri=organisation&ordre=asc"
  run_wrk "$provider" list-page-200 "/situations?page=200"
  run_wrk "$provider" list-name "/situations?nom=Martin&tri=naissance"
  run_wrk "$provider" situation "/situations/" "$data/situation-ids.txt"
  echo "$provider load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$bench_tmp/summary.txt"
  bench_stop_app
  explain "$provider" "$data"
}

# explain PROVIDER DATA: the plans of the list's queries (bench/situations-queries.sql), timed on PostgreSQL.
explain() {
  local provider=$1 data=$2 sql
  log "$provider: query plans"
  grep -v '^--' "$bench_dir/situations-queries.sql" | while IFS= read -r sql; do
    [ -n "$sql" ] || continue
    echo "> ${sql:0:160}…"
    if [ "$provider" = Sqlite ]; then
      command -v sqlite3 >/dev/null || { echo "(sqlite3 is not installed)"; return 0; }
      sqlite3 "$data/vigie.db" "EXPLAIN QUERY PLAN $sql"
    else
      private_pg_psql "$pg_dir" -d vigie_bench -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) $sql"
    fi
  done
}

# SKIP_SQLITE=1 (with WITH_POSTGRES=1) measures PostgreSQL only, e.g. to repeat its runs on a quiet machine.
[ "${SKIP_SQLITE:-0}" = 1 ] || measure Sqlite ""

if [ "${WITH_POSTGRES:-0}" = 1 ]; then
  bench_private_pg "$pg_dir"
  echo "PostgreSQL $bench_pg_version on 127.0.0.1:$PRIVATE_PG_PORT (default settings)" >>"$bench_tmp/summary.txt"
  measure Postgres "$bench_pg_connection"
fi

log "Results ($(nproc) cores shared by wrk, the app and the database; $threads threads, $connections connections, ${duration} s each)"
cat "$bench_tmp/summary.txt"
[ "$failures" -eq 0 ]
