# Wonder: `make run` serves the whole site on this machine; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint audit bench install system-deps run-distributed services-stop messages

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

install: $(VENV)/.installed

system-deps:
	scripts/system-deps.sh run

messages: install system-deps
	$(PY) manage.py compilemessages -v0 --ignore=.venv

run: install system-deps messages
	$(PY) manage.py migrate -v0
	$(PY) manage.py seed_demo
	$(PY) manage.py serve --host $(HOST) --port $(PORT)

# Every test: unit, live server, Redis + PostgreSQL (started by the tests when missing) and browser tests.
test: install messages
	scripts/system-deps.sh test
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not live and not distributed and not e2e"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Known vulnerabilities in any installed package (scripts/audit.sh says when the advisory data is unreachable).
audit: install
	scripts/audit.sh

bench: install
	for script in bench/*.py; do echo "# $$script"; $(PY) $$script || exit 1; done

# The production layout on one machine: nginx, two Daphnes, CPU and GPU-queue workers, beat, Redis, PostgreSQL.
run-distributed: install messages
	scripts/system-deps.sh distributed
	HOST=$(HOST) PORT=$(PORT) scripts/run-distributed.sh

services-stop:
	deploy/dev-services.sh stop
