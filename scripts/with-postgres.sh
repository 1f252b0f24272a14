#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on 127.0.0.1, stopped and removed afterwards.
# Usage: scripts/with-postgres.sh npm test
# PostgreSQL refuses to run as root, so as root the cluster runs as the postgres user.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; fi
DIR=$(mktemp -d /tmp/kc-pg.XXXXXX)
PORT=${PGPORT_THROWAWAY:-$(( 20000 + RANDOM % 20000 ))}
AS=()
if [ "$(id -u)" = "0" ]; then chown postgres "$DIR"; AS=(runuser -u postgres --); fi
cleanup() { "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U kechuang --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
"${AS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U kechuang kechuang
export DATABASE_URL="postgres://kechuang@127.0.0.1:$PORT/kechuang"
echo "throwaway PostgreSQL at $DATABASE_URL"
"$@"
