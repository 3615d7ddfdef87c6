# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test serve backup restore-drill lint format migrate demo messages bench bench-pages bench-http lock audit vnu clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

migrate: $(VENV)/.runtime
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content --if-empty

# Links in e-mails, feeds and calendars point where runserver listens.
run: migrate
	$(BIN)/python manage.py set_site_url http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py load_demo_content --if-empty
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production on one machine: the web server, the task worker (e-mail, indexing, text extraction) and the schedule,
# each restarted by supervisord when it dies (deploy/supervisord.conf). Settings come from the environment, and
# from ./.env when there is one.
serve: $(VENV)/.runtime
	set -a; [ ! -f .env ] || . ./.env; set +a; \
	export DJANGO_SETTINGS_MODULE=website.settings.production PATH="$(CURDIR)/$(BIN):$$PATH" \
		PORT=$${PORT:-$(PORT)}; \
	mkdir -p .run && \
	python manage.py collectstatic --noinput -v0 && \
	DB_STATEMENT_TIMEOUT=0 python manage.py migrate --noinput && \
	{ [ -z "$$SITE_URL" ] || python manage.py set_site_url; } && \
	exec supervisord --configuration deploy/supervisord.conf

# Back up the database and the uploaded files into BACKUP_DIR/<date-time> (README, "Backups"), and the restore
# drill: back up, restore into a scratch database and media folder, and prove every page, document and image serves.
backup restore-drill: $(VENV)/.runtime
	set -a; [ ! -f .env ] || . ./.env; set +a; \
	DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-website.settings.production} \
		$(BIN)/python manage.py $(subst -,_,$@)

# Style, formatting, and the layers of README's "Layout" (import-linter contracts in pyproject.toml).
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# On every core (pytest-xdist); the slowest 15 tests are listed at the end.
test: lint
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-auto}

# The Nu HTML Checker, which the tests run on every page type (tests/website/test_html_validity.py; skipped without
# it, required with REQUIRE_VNU=1): the vnu-jar npm package, run by the machine's Java (11 or later), kept in .tools/.
VNU_VERSION := 26.9.27
vnu: .tools/.vnu-$(VNU_VERSION)

.tools/.vnu-$(VNU_VERSION):
	@command -v java >/dev/null || { echo "vnu needs Java 11+: apt-get install default-jre-headless" >&2; exit 1; }
	@command -v npm >/dev/null || { echo "vnu is installed with npm: apt-get install npm" >&2; exit 1; }
	npm install --prefix .tools --no-save --no-audit --no-fund --no-package-lock vnu-jar@$(VNU_VERSION)
	touch $@

# Compile requirements*.in to the fully pinned requirements*.txt (keeps current pins; UPGRADE=1 to refresh them).
lock: $(VENV)/.dev
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url \
		--no-emit-find-links $(if $(UPGRADE),--upgrade) --output-file requirements.txt requirements.in
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url \
		--no-emit-find-links $(if $(UPGRADE),--upgrade) --output-file requirements-dev.txt requirements-dev.in

# Known vulnerabilities in the pinned runtime dependencies (PyPI's advisory data).
audit: $(VENV)/.dev
	$(BIN)/pip-audit --requirement requirements.txt --no-deps --disable-pip --progress-spinner off

messages: $(VENV)/.dev
	$(BIN)/python manage.py makemessages -l id --ignore=.venv --ignore=tests --ignore=staticfiles
	$(BIN)/python manage.py compilemessages -l id --ignore=.venv

# Both speed benchmarks, one after the other (the second runs even when the first misses a target).
bench:
	status=0; $(MAKE) --no-print-directory bench-pages || status=$$?; \
	$(MAKE) --no-print-directory bench-http || status=$$?; exit $$status

# Speed targets (bench/pages.py) on the demo content, in a database of their own unless DATABASE_URL is set.
bench-pages: $(VENV)/.runtime
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.bench.sqlite3} MEDIA_ROOT=$${MEDIA_ROOT:-$(CURDIR)/.bench-media} \
		DEMO_ADMIN_PASSWORD=$${DEMO_ADMIN_PASSWORD:-bench-only} DEMO_MEMBER_PASSWORD=$${DEMO_MEMBER_PASSWORD:-bench-only} \
		$(BIN)/python bench/pages.py

# The same site over HTTP (bench/http.py): gunicorn with the production settings on PostgreSQL and Redis, loaded by
# wrk with the page cache off and on. DATABASE_URL and REDIS_URL default to a database and a Redis number of their own.
bench-http: $(VENV)/.runtime
	@command -v wrk >/dev/null || { command -v apt-get >/dev/null && \
		{ DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk || \
			{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }; }; } || \
		{ echo "bench-http needs wrk: apt-get install wrk (Debian, Ubuntu) or brew install wrk (macOS)" >&2; exit 1; }
	$(BIN)/python bench/http.py

clean:
	rm -rf $(VENV) .run .pytest_cache .ruff_cache staticfiles .test-media .bench.sqlite3 .bench-media .tools
