# Osallisuus: `make run` to start the demo, `make test` to run every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format messages system-packages test-sqlite test-postgres test-browser clean

$(VENV)/.base-installed: requirements/base.txt requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements/base.txt -c requirements/constraints.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.base-installed requirements/test.txt
	$(PIP) install --quiet --disable-pip-version-check -r requirements/test.txt -c requirements/constraints.txt
	touch $@

# A developer's .env: DEBUG on, so the demo and the dev outbox work. Production sets real env vars.
.env:
	printf 'DEBUG=true\n' > .env

run: $(VENV)/.base-installed .env
	@scripts/system-packages.sh voikko
	mkdir -p var/static
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py createcachetable
	$(PY) manage.py seed_demo --print-users
	@echo "Serving http://$(HOST):$(PORT)/  (task worker runs beside it; Ctrl+C stops both)"
	@trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py db_worker --no-startup-delay -v 0 & \
	ANALYSIS_WARM_UP=background $(PY) manage.py runserver --noreload $(HOST):$(PORT)

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(VENV)/bin/mypy osallisuus

format: $(VENV)/.test-installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.test-installed
	scripts/messages.sh

system-packages:
	@scripts/system-packages.sh

# Every test: lint, then the suite on SQLite (browser tests included) and again on PostgreSQL.
# The two suites run side by side (they share no files or ports), which nearly halves the wall
# time on two cores; the PostgreSQL output is printed whole once it ends.
test: $(VENV)/.test-installed
	@scripts/system-packages.sh
	$(MAKE) --no-print-directory lint
	@scripts/run-suites.sh
	@scripts/test-summary.sh

test-sqlite: $(VENV)/.test-installed
	DEBUG=true DATABASE_URL=sqlite:///var/test.sqlite3 $(VENV)/bin/pytest

test-postgres: $(VENV)/.test-installed
	@scripts/with-postgres.sh env DEBUG=true $(VENV)/bin/pytest -m "not browser"

clean:
	rm -rf $(VENV) var db.sqlite3 .env

# Benchmarks and fault tests: their own throwaway PostgreSQL, never part of `make test`.
.PHONY: bench faults
bench: $(VENV)/.test-installed
	@scripts/system-packages.sh
	PGTEST_PORT=54341 scripts/with-postgres.sh $(PY) bench/run.py

faults: $(VENV)/.test-installed
	@scripts/system-packages.sh
	PGTEST_PORT=54342 scripts/with-postgres.sh $(PY) bench/faults.py
