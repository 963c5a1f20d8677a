# Wonder: `make run` serves the whole site on this machine; `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test test-fast lint audit bench install system-deps run-distributed services-stop messages safety-model

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

# The prompt-safety classifier, fitted from its labelled files into var/models (a no-op when it is up to date).
safety-model: install
	$(PY) manage.py build_safety_model

# DEBUG stays off (the settings' default) and the secret key is made once in var/secret_key; WhiteNoise serves the
# collected static files. Plain HTTP on this machine: set WONDER_HTTPS=1 behind a TLS proxy.
WONDER_HTTPS ?= 0
run: install system-deps messages safety-model
	$(PY) manage.py migrate -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py seed_demo
	WONDER_HTTPS=$(WONDER_HTTPS) $(PY) manage.py serve --host $(HOST) --port $(PORT)

# The same site for development: DEBUG on (tracebacks, static files from the source folders, /metrics open).
dev: install system-deps messages safety-model
	$(PY) manage.py migrate -v0
	$(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py serve --host $(HOST) --port $(PORT)

# Every test: unit, live server, Redis + PostgreSQL (started by the tests when missing) and browser tests.
test: install messages safety-model
	scripts/system-deps.sh test
	$(PY) -m pytest

test-fast: install safety-model
	$(PY) -m pytest -m "not live and not distributed and not e2e"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Known vulnerabilities in any installed package (scripts/audit.sh says when the advisory data is unreachable).
audit: install
	scripts/audit.sh

bench: install
	for script in bench/*.py; do echo "# $$script"; $(PY) $$script || exit 1; done

# The production layout on one machine: nginx, two Daphnes, CPU and GPU-queue workers, beat, Redis, PostgreSQL.
run-distributed: install messages safety-model
	scripts/system-deps.sh distributed
	HOST=$(HOST) PORT=$(PORT) scripts/run-distributed.sh

services-stop:
	deploy/dev-services.sh stop
