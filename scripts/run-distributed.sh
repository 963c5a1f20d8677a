#!/usr/bin/env bash
# The distributed mode on one machine: private Redis and PostgreSQL, Daphne, a CPU worker and a "gpu" worker.
set -euo pipefail
cd "$(dirname "$0")/.."
set -a; eval "$(deploy/dev-services.sh start)"; set +a
export DEBUG="${DEBUG:-1}"
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py seed_demo
trap 'kill 0' EXIT
.venv/bin/celery -A wonder worker -Q default -c 2 -n cpu@%h --loglevel WARNING &
.venv/bin/celery -A wonder worker -Q gpu -c 1 -n gpu@%h --loglevel WARNING &
.venv/bin/python manage.py serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
