#!/usr/bin/env bash
# Audit-chain verification on a seeded database (SQLite; PostgreSQL too with WITH_POSTGRES=1):
#   1. Vigie.Bench seed: a new database through the app's migrations, ENTRIES chained entries, test key;
#   2. Vigie.Bench verify: BenchmarkDotNet (in process, 1 warm-up + RUNS runs) of AuditVerifier.VerifyAsync,
#      with its reading and HMAC halves and their floors; then, in a new process, EF Core's start-up and
#      RUNS verifications timed with a Stopwatch, the first one cold as in the operator's command;
#   3. the operator's command, `Vigie.Web audit verify`, on the same data and key folders, timed as a
#      whole process (start-up included): /usr/bin/time -v once, then hyperfine if installed.
# Usage: bench/audit-verify.sh [ENTRIES] [RUNS]   (defaults 100000 and 5)
# WITH_POSTGRES=1 repeats 1-3 on a private PostgreSQL (Debian's postgresql, as root: a temporary
# cluster on 127.0.0.1 and a private port, stopped at the end).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

source "$(dirname "$0")/../scripts/private-postgres.sh"
pg_dir="$bench_tmp/pg"
cleanup() {
  private_pg_stop "$pg_dir"
  bench_cleanup
}
trap cleanup EXIT

entries=${1:-100000}
runs=${2:-5}
[ "$entries" -ge 1 ] && [ "$entries" -le 10000000 ] || { echo "ENTRIES must be 1..10000000" >&2; exit 64; }
[ "$runs" -ge 1 ] && [ "$runs" -le 50 ] || { echo "RUNS must be 1..50" >&2; exit 64; }
bench_project="$bench_root/bench/Vigie.Bench"
bench_bin="$bench_project/bin/Release/net10.0/Vigie.Bench"

bench_build
log "Release build of Vigie.Bench"
dotnet build "$bench_project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$bench_tmp/build-bench.log" 2>&1 \
  || { cat "$bench_tmp/build-bench.log" >&2; exit 1; }

# measure PROVIDER CONNECTION_STRING: seeds a new database (SQLite: in the data folder) and the key
# folder, benchmarks the verifier, then times the operator's command on it.
measure() {
  local provider=$1 connection=$2 code start i times
  local data="$bench_tmp/data-$provider"
  local target=(--data "$data" --provider "$provider")
  [ -z "$connection" ] || target+=(--connection "$connection")

  log "$provider: seeding $entries audit entries"
  timeout 600 "$bench_bin" seed "${target[@]}" --entries "$entries"

  log "$provider: BenchmarkDotNet, AuditVerifier.VerifyAsync over $entries entries ($runs runs each)"
  timeout 900 "$bench_bin" verify "${target[@]}" --runs "$runs" --artifacts "$bench_tmp/artifacts" >"$bench_tmp/bdn.txt" 2>&1 \
    || { cat "$bench_tmp/bdn.txt" >&2; echo "Vigie.Bench verify failed" >&2; exit 1; }
  # BenchmarkDotNet's summary: environment, job and table.
  awk '/^BenchmarkDotNet v/ { on = 1 } on && /^\|/ { table = 1 } on && table && !/^\|/ { exit } on' "$bench_tmp/bdn.txt"

  log "$provider: cold versus warm in one process: EF Core start-up, then $runs verifications (Stopwatch)"
  timeout 300 "$bench_bin" verify "${target[@]}" --stopwatch --prime --runs "$runs"

  # The operator's command: same settings as the app, given through the environment.
  export ASPNETCORE_ENVIRONMENT=Production
  export Vigie__Database__Provider="$provider"
  export Vigie__Database__ConnectionString="$connection"
  export Vigie__Database__DataFolder="$data"
  export Vigie__Keys__Folder="$data/keys"

  log "$provider: Vigie.Web audit verify, once under /usr/bin/time -v"
  set +e
  (cd "$web_dir" && timeout 300 /usr/bin/time -v "$web_bin" audit verify) >"$bench_tmp/cli-$provider.txt" 2>&1
  code=$?
  set -e
  grep -E "Journal d'audit|Elapsed \(wall|Maximum resident|Percent of CPU" "$bench_tmp/cli-$provider.txt"
  [ "$code" -eq 0 ] || { cat "$bench_tmp/cli-$provider.txt" >&2; echo "audit verify exited $code (expected 0: intact)" >&2; exit 1; }

  if command -v hyperfine >/dev/null; then
    log "$provider: hyperfine, Vigie.Web audit verify (1 warm-up, $runs runs)"
    (cd "$web_dir" && timeout 600 hyperfine -N --warmup 1 --runs "$runs" --style basic \
      --export-json "$bench_tmp/hyperfine-$provider.json" "$web_bin audit verify")
  else
    log "$provider: Vigie.Web audit verify, $runs timed runs (hyperfine is not installed)"
    times=()
    for i in $(seq 1 "$runs"); do
      start=$(now_ms)
      (cd "$web_dir" && timeout 300 "$web_bin" audit verify >/dev/null)
      times+=("$(( $(now_ms) - start ))")
      echo "run $i: ${times[-1]} ms" >&2
    done
    echo "audit verify (whole process, ms): $(bench_stats "${times[@]}")"
  fi
}

measure Sqlite ""
ls -l "$bench_tmp/data-Sqlite/vigie.db" >&2

if [ "${WITH_POSTGRES:-0}" = 1 ]; then
  bench_private_pg "$pg_dir"
  echo "PostgreSQL $bench_pg_version on 127.0.0.1:$PRIVATE_PG_PORT (default durability settings)"
  measure Postgres "$bench_pg_connection"
fi

echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
