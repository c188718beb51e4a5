# Shared helpers of Vigie's benchmark scripts (sourced, not run). Bash, loopback only.
# Every process started here is tracked by its PID and stopped by bench_cleanup (trap EXIT).

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web_dir="$bench_root/src/Vigie.Web"
web_bin="$web_dir/bin/Release/net10.0/Vigie.Web"
bench_tmp=$(mktemp -d "${TMPDIR:-/tmp}/vigie-bench.XXXXXX")
bench_pids=()
# What a TLS-terminating reverse proxy adds; Production cookies (antiforgery included) need HTTPS.
proxy_header='X-Forwarded-Proto: https'

bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do
    bench_stop "$pid"
  done
  rm -rf "$bench_tmp"
}

log() { printf '\n=== %s\n' "$*" >&2; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Release build of the app (and its migrations assemblies, copied beside Vigie.Web.dll).
bench_build() {
  log "Release build"
  dotnet build "$web_dir" -c Release -nologo -v quiet -clp:ErrorsOnly >"$bench_tmp/build.log" 2>&1 \
    || { cat "$bench_tmp/build.log" >&2; exit 1; }
  [ -x "$web_bin" ] || { echo "No app binary at $web_bin" >&2; exit 1; }
}

# A TCP port on 127.0.0.1 that nothing listens on (bounded number of tries).
bench_free_port() {
  local candidate _
  for _ in $(seq 1 50); do
    candidate=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "No free port found" >&2
  return 1
}

# bench_start_app DATA_FOLDER PORT LOGFILE [extra args...]: starts the Release binary in the
# Production environment with its data and key folders under DATA_FOLDER; sets app_pid.
# SQLite unless BENCH_PROVIDER=Postgres and BENCH_CONNECTION (a connection string) are set.
bench_start_app() {
  local data=$1 port=$2 logfile=$3
  shift 3
  (
    cd "$web_dir"
    exec env ASPNETCORE_ENVIRONMENT=Production \
      Vigie__Database__Provider="${BENCH_PROVIDER:-Sqlite}" \
      Vigie__Database__ConnectionString="${BENCH_CONNECTION:-}" \
      Vigie__Database__DataFolder="$data" \
      Vigie__Keys__Folder="$data/keys" \
      "$web_bin" --urls "http://127.0.0.1:$port" "$@"
  ) >"$logfile" 2>&1 &
  app_pid=$!
  bench_pids+=("$app_pid")
}

# bench_wait_health PORT TIMEOUT_SECONDS: polls /health every ~10 ms until it answers 200.
bench_wait_health() {
  local port=$1 timeout_s=$2 deadline code
  deadline=$(( $(now_ms) + timeout_s * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/health" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$app_pid" 2>/dev/null || return 1 # the app died
    sleep 0.01
  done
  return 1
}

# bench_stop_app: stops the app started last and forgets its PID.
bench_stop_app() {
  local pid kept=()
  bench_stop "$app_pid"
  for pid in "${bench_pids[@]}"; do
    [ "$pid" = "$app_pid" ] || kept+=("$pid")
  done
  bench_pids=("${kept[@]}")
}

# bench_stop PID: SIGTERM, up to 10 s for a clean shutdown, then SIGKILL.
bench_stop() {
  local pid=$1 _
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# bench_app_cpu_ms: CPU time (user + system, all threads) the app has used so far, in ms, from /proc.
# Less sensitive than wall-clock time to other work on a shared machine.
bench_app_cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$app_pid/stat"
}

# min / median / max of the numbers given as arguments.
bench_stats() {
  printf '%s\n' "$@" | sort -n | awk '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "no data"; exit }
      med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "min %d  median %d  max %d  (n=%d)\n", v[1], med, v[NR], NR
    }'
}

# bench_private_pg DIR: a temporary PostgreSQL cluster in DIR on 127.0.0.1 (scripts/private-postgres.sh,
# as root) with a vigie_bench role and database; sets bench_pg_connection and bench_pg_version.
# The caller stops it with private_pg_stop DIR.
bench_private_pg() {
  local dir=$1 pg_bin
  # shellcheck source=../scripts/private-postgres.sh
  source "$bench_root/scripts/private-postgres.sh"
  pg_bin=$(private_pg_bin)
  [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "WITH_POSTGRES=1 needs Debian's postgresql package." >&2; exit 1; }
  [ "$(id -u)" -eq 0 ] || { echo "WITH_POSTGRES=1 runs the server as the postgres user: run as root." >&2; exit 1; }
  log "PostgreSQL: a temporary cluster on 127.0.0.1"
  mkdir -p "$dir"
  chmod 755 "$bench_tmp"
  private_pg_start "$dir"
  private_pg_psql "$dir" -c "CREATE ROLE vigie_bench LOGIN PASSWORD 'vigie-bench-only';" -c "CREATE DATABASE vigie_bench OWNER vigie_bench;"
  bench_pg_version=$("$pg_bin/postgres" --version | awk '{ print $3 }')
  bench_pg_connection="Host=127.0.0.1;Port=$PRIVATE_PG_PORT;Username=vigie_bench;Password=vigie-bench-only;Database=vigie_bench"
}
