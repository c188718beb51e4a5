# Sourced by test.sh and bench scripts: a throwaway PostgreSQL cluster, run as the postgres user
# (initdb refuses root), data and socket in a folder of the caller's, listening on 127.0.0.1 only.

private_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# private_pg_start DIR [SERVER_OPTIONS]: initdb in DIR/data and start on a free random port.
# Sets PRIVATE_PG_PORT. DIR must exist; it is handed to the postgres user.
private_pg_start() {
  local dir=$1 options=${2:-} bin candidate
  bin=$(private_pg_bin)
  chown postgres "$dir"
  (cd / && runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null)
  PRIVATE_PG_PORT=""
  for _ in 1 2 3 4 5; do
    candidate=$(( 20000 + RANDOM % 20000 ))
    if (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/server.log" \
          -o "-p $candidate -k $dir -c listen_addresses=127.0.0.1 $options" start >/dev/null); then
      PRIVATE_PG_PORT=$candidate
      return 0
    fi
  done
  echo "PostgreSQL did not start:" >&2
  cat "$dir/server.log" >&2
  return 1
}

# private_pg_psql DIR ARGS...: psql as the superuser over the cluster's socket.
private_pg_psql() {
  local dir=$1
  shift
  (cd / && runuser -u postgres -- "$(private_pg_bin)/psql" -h "$dir" -p "$PRIVATE_PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 "$@")
}

# private_pg_stop DIR: stops the cluster if it runs (safe to call twice).
private_pg_stop() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    (cd / && runuser -u postgres -- "$(private_pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1) || true
  fi
}
