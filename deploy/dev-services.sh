#!/usr/bin/env bash
# Starts (or stops) a private redis-server and PostgreSQL on loopback for the distributed mode on one machine:
# tests, benchmarks and `make run-distributed`. Prints the environment to use them.
#   deploy/dev-services.sh start | stop | env
set -euo pipefail
root="${WONDER_SERVICES_DIR:-/tmp/wonder-services}"
redis_port="${WONDER_REDIS_PORT:-6390}"
pg_port="${WONDER_PG_PORT:-5433}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

print_env() {
  echo "REDIS_URL=redis://127.0.0.1:${redis_port}/0"
  echo "DATABASE_URL=postgres://wonder:wonder@127.0.0.1:${pg_port}/wonder"
}

start() {
  command -v redis-server >/dev/null && [ -n "$pg_bin" ] || "$(dirname "$0")/../scripts/system-deps.sh" distributed
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  mkdir -p "$root"
  if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --pidfile "$root/redis.pid" --logfile "$root/redis.log" --dir "$root"
  fi
  if [ ! -f "$root/pg/PG_VERSION" ]; then
    mkdir -p "$root/pg" && chmod 700 "$root/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$root" "$root/pg"
    as_pg "$pg_bin/initdb" -D "$root/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  if ! as_pg "$pg_bin/pg_ctl" -D "$root/pg" status >/dev/null 2>&1; then
    as_pg "$pg_bin/pg_ctl" -D "$root/pg" -l "$root/pg.log" -w \
      -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  fi
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='wonder'" \
    | grep -q 1 || as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc \
    "CREATE ROLE wonder LOGIN SUPERUSER PASSWORD 'wonder'"
  as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='wonder'" \
    | grep -q 1 || as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE wonder OWNER wonder"
  print_env
}

stop() {
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  [ -n "$pg_bin" ] && [ -d "$root/pg" ] && as_pg "$pg_bin/pg_ctl" -D "$root/pg" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
