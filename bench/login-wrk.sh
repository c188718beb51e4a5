#!/usr/bin/env bash
# Throughput and latency of the anonymous login page (GET /compte/connexion: Razor page, antiforgery
# token, security headers) and, for comparison, of /health (one database round trip), with wrk.
# Release build, Production environment, a fresh SQLite database, loopback only.
# Usage: bench/login-wrk.sh [DURATION_SECONDS] [CONNECTIONS]   (defaults 15 and 32; 2 wrk threads)
# wrk and the app share the machine's cores: the figures are for both on the same host.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
trap bench_cleanup EXIT

duration=${1:-15}
connections=${2:-32}
threads=2
# Tiered JIT needs load before the code is optimised: measured on this 2-core machine, a 5 s warm-up
# left the login page at a third of its steady throughput. Both pages are warmed before either is measured.
warmup=${WARMUP_SECONDS:-15}
[ "$duration" -ge 1 ] && [ "$duration" -le 120 ] || { echo "Duration must be 1..120 s" >&2; exit 64; }
[ "$warmup" -ge 1 ] && [ "$warmup" -le 120 ] || { echo "WARMUP_SECONDS must be 1..120" >&2; exit 64; }

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "wrk is missing: install the Debian package wrk (as root: apt-get install wrk)." >&2
    exit 1
  fi
  log "Installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
fi

bench_build

port=$(bench_free_port)
mkdir -p "$bench_tmp/data"
log "Starting the app on 127.0.0.1:$port (Production)"
bench_start_app "$bench_tmp/data" "$port" "$bench_tmp/app.log"
bench_wait_health "$port" 60 || { echo "The app did not become healthy:" >&2; cat "$bench_tmp/app.log" >&2; exit 1; }

# Production cookies are Secure-only (the antiforgery one included): without this header, which a
# TLS-terminating reverse proxy on loopback would add, the login page answers 500.
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "$proxy_header" "http://127.0.0.1:$port/compte/connexion")
[ "$code" = 200 ] || { echo "/compte/connexion answered $code" >&2; exit 1; }


warm_up() {
  local path
  for path in /compte/connexion /health; do
    log "Warm-up: $path for ${warmup} s"
    wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 5s -H "$proxy_header" "http://127.0.0.1:$port$path" >/dev/null
  done
}

# run_wrk NAME PATH: the measured run; prints wrk's report and adds a one-line summary.
run_wrk() {
  local name=$1 path=$2 url out before after
  url="http://127.0.0.1:$port$path"
  log "$name: wrk -t$threads -c$connections -d${duration}s --latency $url"
  out="$bench_tmp/wrk-$name.txt"
  before=$(bench_app_cpu_ms)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 5s --latency -H "$proxy_header" "$url" | tee "$out" >&2
  after=$(bench_app_cpu_ms)
  if grep -q 'Non-2xx or 3xx responses' "$out"; then
    echo "!! $name: some responses were not 2xx/3xx (see above)" >&2
    failures=$((failures + 1))
  fi
  # The app's share of the 2 cores, and its CPU time per request (less sensitive to other work on the machine).
  awk -v name="$name" -v cpu_ms="$((after - before))" -v d="$duration" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +75%/ { p75 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
    /requests in/ { total = $1 }
    /Socket errors/ { errors = $0 }
    END {
      printf "%-8s %9s req/s  p50 %8s  p75 %8s  p90 %8s  p99 %8s  (%s requests; app used %.2f cores, %.3f ms CPU per request)%s\n",
        name, rps, p50, p75, p90, p99, total, cpu_ms / 1000 / d, total ? cpu_ms / total : 0, errors ? "  " errors : ""
    }' "$out" >>"$bench_tmp/summary.txt"
}

failures=0
: >"$bench_tmp/summary.txt"
warm_up
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run_wrk login /compte/connexion
run_wrk health /health
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

log "Results ($(nproc) cores shared by wrk and the app; $threads threads, $connections connections, ${duration} s each)"
cat "$bench_tmp/summary.txt"
echo "load average before: $load_before; after: $load_after"
[ "$failures" -eq 0 ]
