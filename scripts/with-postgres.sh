#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL server, its URL in JIWEI_TEST_PG_URL.
# Uses Debian's server binaries (/usr/lib/postgresql/*/bin). Without them, or when
# JIWEI_TEST_PG_URL is already set, the command runs as it is.
set -euo pipefail
if [ -n "${JIWEI_TEST_PG_URL:-}" ]; then exec "$@"; fi
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries found; PostgreSQL tests will be skipped" >&2
  exec "$@"
fi
workdir=$(mktemp -d /tmp/jiwei-pg.XXXXXX)
run_as=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$workdir" postgres
  chown postgres "$workdir"
  run_as=(runuser -u postgres --)
fi
port=$(( 20000 + RANDOM % 20000 ))
"${run_as[@]}" "$bindir/initdb" -D "$workdir/data" -U jiwei --auth=trust -E UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1
"${run_as[@]}" "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
  -o "-p $port -k $workdir -c listen_addresses='' -c fsync=off" start >/dev/null
cleanup() { "${run_as[@]}" "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$workdir"; }
trap cleanup EXIT
"${run_as[@]}" "$bindir/createdb" -h "$workdir" -p "$port" -U jiwei jiwei_test
export JIWEI_TEST_PG_URL="postgresql+psycopg://jiwei@/jiwei_test?host=$workdir&port=$port"
set +e
"$@"
status=$?
set -e
exit $status
