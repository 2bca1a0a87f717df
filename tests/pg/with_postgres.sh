#!/bin/sh
# Run a command against a throw-away PostgreSQL server: pg_virtualenv (Debian
# package postgresql-common) creates a cluster in a temporary folder (also as
# root), sets PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE/PGVERSION, runs the
# command and drops the cluster. A free port is picked so a system cluster
# on 5432 or another test run does not collide. No server: exit 1 (a test
# needing PostgreSQL fails, it never skips).
set -eu
if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "PostgreSQL is missing: install the Debian packages postgresql and postgresql-common" >&2
    exit 1
fi
port=$(( 20000 + $$ % 20000 ))
# pg_isready exits 2 when nothing answers on the port.
while :; do
    rc=0
    pg_isready -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1 || rc=$?
    [ "$rc" = 2 ] && break
    port=$((port + 1))
done
exec pg_virtualenv -t -c "-p $port" "$@"
