#!/usr/bin/env bash
# The distributed mode on one machine, in the production layout (deploy/compose.yaml) without containers:
#   nginx on HOST:PORT (default 127.0.0.1:8000): HTTP and WebSockets to the Daphne processes, /media/ from disk
#   two Daphne processes on WEB_PORTS (default PORT+1 and PORT+2, loopback only)
#   a CPU worker (queue default, CPU_WORKERS processes), one worker per GPU on queue gpu (one on the CPU when there
#   is no GPU), Celery beat (the periodic tasks, among them the purge of biometric data)
#   Redis and PostgreSQL: REDIS_URL and DATABASE_URL when both are set, else private ones (deploy/dev-services.sh)
# A process that dies is started again (like systemd's Restart=always); Ctrl-C or SIGTERM stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."

host="${HOST:-127.0.0.1}"
port="${PORT:-8000}"
read -r -a web_ports <<<"${WEB_PORTS:-$((port + 1)) $((port + 2))}"
if [ -z "${REDIS_URL:-}" ] || [ -z "${DATABASE_URL:-}" ]; then
  set -a; eval "$(deploy/dev-services.sh start)"; set +a
fi
export DEBUG="${DEBUG:-1}"
WONDER_VAR_DIR="$(realpath -m "${WONDER_VAR_DIR:-var}")"
MEDIA_ROOT="$(realpath -m "${MEDIA_ROOT:-$WONDER_VAR_DIR/media}")"
# nginx serves /media/ straight from disk; the Daphne processes never see those requests.
export WONDER_VAR_DIR MEDIA_ROOT WONDER_SERVE_MEDIA=0
run="$WONDER_VAR_DIR/run-distributed"  # nginx's config, pid, access log and temporary files
# Debian puts nginx in /usr/sbin, which is not on every user's PATH.
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx" ] || scripts/system-deps.sh distributed
celery=.venv/bin/celery

in_use() { (echo >"/dev/tcp/$1/$2") 2>/dev/null; }
for p in "$port" "${web_ports[@]}"; do
  if in_use "$host" "$p" || in_use 127.0.0.1 "$p"; then
    echo "Port $p is in use: set PORT (and WEB_PORTS) to free ones." >&2
    exit 1
  fi
done

.venv/bin/python manage.py migrate -v0
demo="$(.venv/bin/python manage.py seed_demo)"

mkdir -p "$MEDIA_ROOT" "$run/tmp"
escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }
upstream=""
# max_fails=0: the Daphnes are restarted by this script, and a few resets under load must not make nginx turn
# every request away for fail_timeout (it did: thousands of instant 502s in bench/load.py).
for p in "${web_ports[@]}"; do upstream+="server 127.0.0.1:$p max_fails=0; "; done
sed -e "s|@RUN@|$(escape "$run")|g" -e "s|@MEDIA_ROOT@|$(escape "$MEDIA_ROOT")|g" \
  -e "s|@LISTEN@|$(escape "$host:$port")|g" -e "s|@UPSTREAM_SERVERS@|$upstream|g" \
  -e "s|@USER@|$(id -un)|g" -e "s|@GROUP@|$(id -gn)|g" deploy/nginx-local.conf.template >"$run/nginx.conf"
# nginx switches users only when started as root (and warns otherwise): then its workers run as root too.
[ "$(id -u)" -eq 0 ] || sed -i -e '/^user /d' "$run/nginx.conf"

declare -A pid_of=() command_of=() exits=()
stopping=0

start() {  # start NAME COMMAND...: one process of the stack, in the background
  local name="$1"
  shift
  command_of[$name]="$(printf '%q ' "$@")"
  "$@" &
  pid_of[$name]=$!
}

stop_all() {
  stopping=1
  local name hurry=0
  trap 'hurry=1' INT TERM
  for name in "${!pid_of[@]}"; do kill -TERM "${pid_of[$name]}" 2>/dev/null || true; done
  # Workers finish or hand back their current job (late acks); anything still up after 30 s, or after a second
  # Ctrl-C, is killed.
  for _ in $(seq 300); do
    [ -z "$(jobs -rp)" ] || [ "$hurry" -eq 1 ] && break
    sleep 0.1
  done
  for name in "${!pid_of[@]}"; do kill -KILL "${pid_of[$name]}" 2>/dev/null || true; done
  wait || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Beat's schedule file is CELERY_BEAT_SCHEDULE_FILENAME, under WONDER_VAR_DIR. Exactly one beat per deployment.
start beat "$celery" -A wonder beat --loglevel WARNING
start cpu-worker "$celery" -A wonder worker -Q default -c "${CPU_WORKERS:-2}" -n cpu@%h --loglevel WARNING
gpus=0
if command -v nvidia-smi >/dev/null; then gpus="$(nvidia-smi -L 2>/dev/null | grep -c '^GPU' || true)"; fi
if [ "$gpus" -gt 0 ]; then
  for ((gpu = 0; gpu < gpus; gpu++)); do
    start "gpu$gpu-worker" env CUDA_VISIBLE_DEVICES="$gpu" \
      "$celery" -A wonder worker -Q gpu -c 1 -n "gpu$gpu@%h" --loglevel WARNING
  done
else
  # No GPU here: one worker takes the gpu queue on the CPU, so every kind of job still runs (slowly).
  start gpu-worker "$celery" -A wonder worker -Q gpu -c 1 -n gpu@%h --loglevel WARNING
fi
# Avatar jobs have their own queue, so a visitor at the booth never waits behind contest videos.
if [ "$gpus" -gt 0 ]; then
  start avatar-worker env CUDA_VISIBLE_DEVICES=0 "$celery" -A wonder worker -Q avatar -c 1 -n avatar@%h --loglevel WARNING
else
  start avatar-worker "$celery" -A wonder worker -Q avatar -c 1 -n avatar@%h --loglevel WARNING
fi
for p in "${web_ports[@]}"; do
  # nginx keeps the access log (with the Daphne that answered): Daphne's own would repeat it on the terminal.
  start "daphne:$p" .venv/bin/daphne --bind 127.0.0.1 --port "$p" --proxy-headers -v 0 wonder.asgi:application
done
start nginx "$nginx" -p "$run" -c "$run/nginx.conf" -e stderr -g "daemon off;"

# The URL once the Daphne processes answer (their first start takes a few seconds).
for _ in $(seq 600); do
  up=0
  for p in "${web_ports[@]}"; do in_use 127.0.0.1 "$p" && up=$((up + 1)); done
  [ "$up" -eq "${#web_ports[@]}" ] && break
  sleep 0.1
done
echo "$demo"
echo "Wonder (distributed) is serving http://$host:$port/ through nginx: Daphne on ${web_ports[*]}, a CPU worker," \
  "$((gpus > 0 ? gpus : 1)) gpu queue worker(s) and beat; nginx's access log: $run/access.log. Stop with Ctrl-C."

# Start again whatever dies; one that dies five times within a minute stops the stack (it cannot start).
while :; do
  gone=""
  wait -n -p gone || true
  [ -n "$gone" ] && [ "$stopping" -eq 0 ] || continue
  for name in "${!pid_of[@]}"; do
    [ "${pid_of[$name]}" = "$gone" ] || continue
    # The times of its last five exits.
    read -r -a recent <<<"${exits[$name]:-} $SECONDS"
    [ "${#recent[@]}" -le 5 ] || recent=("${recent[@]:1}")
    exits[$name]="${recent[*]}"
    if [ "${#recent[@]}" -eq 5 ] && [ $((SECONDS - recent[0])) -lt 60 ]; then
      echo "$name keeps exiting: stopping everything." >&2
      exit 1
    fi
    echo "$name exited: starting it again." >&2
    sleep 1
    eval "start $(printf '%q' "$name") ${command_of[$name]}"
  done
done
