#!/usr/bin/env bash
# A throwaway production-shaped deployment on loopback, for tests and benchmarks:
# PostgreSQL (initdb in a temp dir), three `kechuang serve` processes on it, and nginx in front of them
# (Debian's /usr/sbin/nginx, a generated config, round-robin upstream with keep-alive).
#
#   scripts/cluster.sh start [--replica] [--demo-password PW] [--processes N]
#       prints the address and writes $KC_CLUSTER_DIR/env (KC_URL, DATABASE_URL, KC_DEMO_PASSWORD, …);
#       --replica adds a streaming replica and gives the processes DATABASE_READ_URL (the read-heavy pages read it)
#   scripts/cluster.sh stop      stops everything it started and removes the directory
#   scripts/cluster.sh status
#
# KC_CLUSTER_DIR (default /tmp/kc-cluster) holds the data, logs and pids; KC_HTTP_PORT (default 18600) is nginx's
# port, the processes listen on the next ones; KC_NODE_ARGS are node options for them (e.g. --cpu-prof, which
# NODE_OPTIONS does not take). PostgreSQL refuses to run as root, so as root it runs as postgres.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${KC_CLUSTER_DIR:-/tmp/kc-cluster}
HTTP_PORT=${KC_HTTP_PORT:-18600}
NGINX=${NGINX:-/usr/sbin/nginx}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
AS=()
if [ "$(id -u)" = "0" ]; then AS=(runuser -u postgres --); fi

log() { echo "cluster: $*" >&2; }

stop() {
  [ -d "$DIR" ] || { log "nothing running in $DIR"; return 0; }
  if [ -f "$DIR/nginx/nginx.pid" ]; then "$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s stop 2>/dev/null || true; fi
  for f in "$DIR"/serve-*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for d in replica primary; do
    if [ -d "$DIR/$d" ]; then "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/$d" -m fast stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$DIR"
  log "stopped"
}

wait_http() { # url, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}

start() {
  local replica=0 processes=3 demo_password=${KC_DEMO_PASSWORD:-ClusterDemo2026}
  while [ $# -gt 0 ]; do
    case "$1" in
      --replica) replica=1 ;;
      --processes) processes=$2; shift ;;
      --demo-password) demo_password=$2; shift ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
  done
  [ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
  [ -x "$NGINX" ] || { echo "nginx not found at $NGINX (apt-get install nginx-light)" >&2; exit 1; }
  if [ -e "$DIR" ]; then echo "$DIR exists: scripts/cluster.sh stop first" >&2; exit 1; fi
  mkdir -p "$DIR/nginx/logs" "$DIR/nginx/tmp" "$DIR/logs"
  trap 'trap - ERR EXIT; log "start failed; the logs:"; tail -n 20 "$DIR"/logs/*.log >&2 || true; stop' ERR EXIT
  local pgport=$(( HTTP_PORT + 50 )) rport=$(( HTTP_PORT + 51 ))
  if [ ${#AS[@]} -gt 0 ]; then chown -R postgres "$DIR"; fi

  log "PostgreSQL on 127.0.0.1:$pgport"
  "${AS[@]}" "$PGBIN/initdb" -D "$DIR/primary" -U kechuang --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$DIR/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $pgport
unix_socket_directories = '$DIR'
max_connections = 200
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 4
hot_standby = on
EOF
  echo "host replication kechuang 127.0.0.1/32 trust" >>"$DIR/primary/pg_hba.conf"
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/primary" -l "$DIR/logs/primary.log" -w start >/dev/null
  "${AS[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$pgport" -U kechuang kechuang
  local url="postgres://kechuang@127.0.0.1:$pgport/kechuang" read_url=""

  if [ "$replica" = 1 ]; then
    log "streaming replica on 127.0.0.1:$rport"
    "${AS[@]}" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$pgport" -U kechuang -D "$DIR/replica" -R -X stream -c fast >/dev/null
    "${AS[@]}" sed -i "s/^port = .*/port = $rport/" "$DIR/replica/postgresql.conf"
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/replica" -l "$DIR/logs/replica.log" -w start >/dev/null
    read_url="postgres://kechuang@127.0.0.1:$rport/kechuang"
  fi

  local upstream=""
  for i in $(seq 1 "$processes"); do
    local port=$(( HTTP_PORT + i ))
    local args=(serve --port "$port" --host 127.0.0.1 --trust-proxy 1 --quiet)
    # the first process loads the demo data (once) and runs the scheduler; the others only serve
    if [ "$i" = 1 ]; then args+=(--demo --demo-password "$demo_password"); else args+=(--no-scheduler); fi
    log "serve #$i on 127.0.0.1:$port"
    env DATABASE_URL="$url" DATABASE_READ_URL="$read_url" \
      nohup node ${KC_NODE_ARGS:-} "$ROOT/apps/server/bin/kechuang.js" "${args[@]}" >"$DIR/logs/serve-$i.log" 2>&1 &
    echo $! >"$DIR/serve-$i.pid"
    # the first one migrates and loads the demo: the others start after it is up
    if [ "$i" = 1 ]; then wait_http "http://127.0.0.1:$port/api/health" 300 || { log "serve #1 did not start"; false; }; fi
    upstream+="    server 127.0.0.1:$port max_fails=0;"$'\n'
  done
  for i in $(seq 2 "$processes"); do
    wait_http "http://127.0.0.1:$(( HTTP_PORT + i ))/api/health" 120 || { log "serve #$i did not start"; false; }
  done

  # the sample config (docs/deploy/nginx.conf) on loopback, without TLS
  cat >"$DIR/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $DIR/nginx/tmp/body;
  proxy_temp_path $DIR/nginx/tmp/proxy;
  fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
  uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
  scgi_temp_path $DIR/nginx/tmp/scgi;
  client_max_body_size 25m;
  upstream kechuang {
$upstream    keepalive 64;
  }
  server {
    listen 127.0.0.1:$HTTP_PORT;
    location / {
      proxy_pass http://kechuang;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout;
      proxy_read_timeout 300s;
    }
  }
}
EOF
  "$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/logs/error.log"
  wait_http "http://127.0.0.1:$HTTP_PORT/api/health" 20 || { log "nginx did not answer"; false; }
  trap - ERR EXIT
  cat >"$DIR/env" <<EOF
KC_URL=http://127.0.0.1:$HTTP_PORT
DATABASE_URL=$url
DATABASE_READ_URL=$read_url
KC_DEMO_PASSWORD=$demo_password
KC_PROCESSES=$processes
EOF
  log "up: http://127.0.0.1:$HTTP_PORT (nginx → $processes processes → PostgreSQL${read_url:+ + replica}); env in $DIR/env"
  echo "http://127.0.0.1:$HTTP_PORT"
}

status() {
  [ -f "$DIR/env" ] || { echo "not running"; exit 1; }
  cat "$DIR/env"
  for f in "$DIR"/serve-*.pid; do
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then echo "$(basename "$f" .pid): pid $pid running"; else echo "$(basename "$f" .pid): pid $pid gone"; fi
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/cluster.sh start [--replica] [--processes N] [--demo-password PW] | stop | status" >&2; exit 2 ;;
esac
