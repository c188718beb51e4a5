#!/usr/bin/env bash
# Cold start of Vigie: milliseconds from starting the Release binary to the first 200 on /health.
#   cold: fresh empty data and key folders each run, so the migrations create a new SQLite file;
#   warm: the same database again, already migrated (warm database, cold process).
# Usage: bench/cold-start.sh [RUNS]   (default 5)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_cleanup EXIT

runs=${1:-5}
timeout_s=60
[ "$runs" -ge 1 ] && [ "$runs" -le 50 ] || { echo "RUNS must be 1..50" >&2; exit 64; }

bench_build

# start_once DATA_FOLDER: one start; sets ready_ms (to the first 200 on /health), cpu_ms (CPU time
# the app had used by then) and login_ms (the first /compte/connexion after that), then stops the
# app. Runs in this shell, not in a subshell, so the app's PID stays known to the EXIT trap.
start_once() {
  local data=$1 port start ready login
  port=$(bench_free_port)
  start=$(now_ms)
  bench_start_app "$data" "$port" "$bench_tmp/app.log"
  if ! bench_wait_health "$port" "$timeout_s"; then
    echo "The app did not answer 200 on /health within ${timeout_s} s. Its log:" >&2
    cat "$bench_tmp/app.log" >&2
    exit 1
  fi
  ready=$(( $(now_ms) - start ))
  cpu_ms=$(bench_app_cpu_ms)
  # First rendering of the login page in this process (Razor Pages, antiforgery, data-protection keys).
  # In Production the antiforgery cookie is Secure-only: the request says it came through a TLS
  # reverse proxy, which the app trusts from loopback (ForwardedHeaders' default known proxy).
  login=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 30 -H "$proxy_header" \
    "http://127.0.0.1:$port/compte/connexion")
  [ "${login%% *}" = 200 ] || { echo "/compte/connexion answered ${login%% *}" >&2; exit 1; }
  bench_stop_app
  ready_ms=$ready
  login_ms=$(awk -v s="${login#* }" 'BEGIN { printf "%d", s * 1000 }')
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cold=(); cold_cpu=(); cold_login=()
log "Cold: $runs starts on a new database each"
for i in $(seq 1 "$runs"); do
  rm -rf "$bench_tmp/data"
  mkdir -p "$bench_tmp/data"
  start_once "$bench_tmp/data"
  [ -f "$bench_tmp/data/vigie.db" ] || { echo "No database was created" >&2; exit 1; }
  echo "run $i: /health 200 after $ready_ms ms (app CPU $cpu_ms ms); first /compte/connexion then took $login_ms ms" >&2
  cold+=("$ready_ms"); cold_cpu+=("$cpu_ms"); cold_login+=("$login_ms")
done

warm=(); warm_cpu=(); warm_login=()
log "Warm database: $runs starts on the database migrated above"
for i in $(seq 1 "$runs"); do
  start_once "$bench_tmp/data"
  echo "run $i: /health 200 after $ready_ms ms (app CPU $cpu_ms ms); first /compte/connexion then took $login_ms ms" >&2
  warm+=("$ready_ms"); warm_cpu+=("$cpu_ms"); warm_login+=("$login_ms")
done

log "Results (ms, process start to first 200 on /health; $(nproc) cores)"
echo "cold (new database, migrations run): $(bench_stats "${cold[@]}")"
echo "warm (database already migrated):    $(bench_stats "${warm[@]}")"
echo "app CPU time (user+sys) by then, cold: $(bench_stats "${cold_cpu[@]}")"
echo "app CPU time (user+sys) by then, warm: $(bench_stats "${warm_cpu[@]}")"
echo "first /compte/connexion after ready, cold: $(bench_stats "${cold_login[@]}")"
echo "first /compte/connexion after ready, warm: $(bench_stats "${warm_login[@]}")"
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
