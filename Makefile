# The two commands a newcomer needs are `make run` and `make test` (see README.md).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/diplomacy

.PHONY: install install-test run serve migrate load test test-sqlite test-postgres soak lint format bench eval eval-baseline clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(PY) requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt package-lock.json
	$(BIN)/pip install --quiet -r requirements-test.txt
	npm ci --no-audit --no-fund --loglevel=error  # axe-core, injected by the browser tests
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the runtime requirements.

install-test: $(VENV)/.installed-test ## Install what the tests need too.

migrate: install
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput

load: migrate ## Load the known entities and import the seed articles into the database.
	DJANGO_DEBUG=1 $(MANAGE) load_known_entities
	DJANGO_DEBUG=1 $(MANAGE) import_articles fixtures/articles

run: load ## Install, migrate, load the seeds into SQLite and serve http://$(HOST):$(PORT).
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

serve: export DJANGO_DEBUG := 0
serve: install ## Serve production-style with gunicorn on DATABASE_URL (needs SECRET_KEY, ALLOWED_HOSTS).
	@test -n "$$SECRET_KEY" || { echo "make serve: set SECRET_KEY to a long random string (python -c 'import secrets; print(secrets.token_urlsafe(50))')." >&2; exit 1; }
	@test -n "$$ALLOWED_HOSTS" || { echo "make serve: set ALLOWED_HOSTS to the site's host names, comma-separated (e.g. diplomacy.example.org)." >&2; exit 1; }
	@echo "--- database: $${DATABASE_URL:-sqlite:///db.sqlite3 (DATABASE_URL is not set)}" | sed -E 's|//([^:/@]+):[^@]*@|//\1:***@|'
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) check --deploy
	BIND="$${BIND:-$(HOST):$(PORT)}" exec $(BIN)/gunicorn -c gunicorn.conf.py diplomacy.wsgi

test: install-test ## Run the tests on SQLite, then on PostgreSQL when DATABASE_URL points to one.
	env -u DATABASE_URL $(BIN)/pytest
	@case "$$DATABASE_URL" in \
		postgres*) echo "--- again on PostgreSQL ($$DATABASE_URL)"; $(BIN)/pytest ;; \
		*) echo "DATABASE_URL does not point to PostgreSQL: skipped the PostgreSQL run." ;; \
	esac

test-postgres: install-test ## The tests on the local PostgreSQL (creates the database if missing).
	DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest

soak: install-test ## Load 100,000 meetings under gunicorn on PostgreSQL; restart a database under load.
	$(PY) tests/soak/load.py $(SOAK_ARGS)
	env -u DATABASE_URL $(BIN)/pytest -m soak tests/soak

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-test ## Benchmarks (not timed tests): extraction, import, records quality, pages, API, queue, export, sitemap.
	$(PY) tests/bench/bench_extraction.py
	$(PY) tests/bench/bench_import.py
	$(PY) tests/bench/bench_records_quality.py
	$(PY) tests/bench/bench_search.py
	$(PY) tests/bench/bench_api.py
	$(PY) tests/bench/bench_review_queue.py
	$(PY) tests/bench/bench_export.py
	$(PY) tests/bench/bench_sitemap.py

eval: install ## Extraction scores on the dev set and the seeds; EVAL_ARGS=--verbose lists the misses.
	$(PY) tests/extraction/eval.py $(EVAL_ARGS)

eval-baseline: install ## Store today's dev-set scores as the floor the tests hold extraction to.
	$(PY) tests/extraction/eval.py --write-baseline

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
