# Lentera — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# Steps run only when something they depend on changed; stamp files in .venv/ remember what has been done.
#   install: the lock files changed (or a fresh .venv)
#   migrate: a migration file changed, the install ran again, or the database is not there
#   demo:    migrate ran, or a demo module changed
# The stamps of migrate and demo carry the database in their name: the SQLite default, or a checksum of
# DATABASE_URL, so switching databases never skips work for the other one.
INSTALLED := $(VENV)/.installed
DATABASE_URL_TEXT := $(value DATABASE_URL)
ifeq ($(strip $(DATABASE_URL_TEXT)),)
DB_KEY := sqlite
DB_FILE := db.sqlite3
else
DB_KEY := $(firstword $(shell printf '%s' '$(subst ','\'',$(DATABASE_URL_TEXT))' | cksum))
DB_FILE := $(if $(filter sqlite:///%,$(DATABASE_URL_TEXT)),$(patsubst sqlite:///%,%,$(DATABASE_URL_TEXT)))
endif
MIGRATED := $(VENV)/.migrated-$(DB_KEY)
DEMO_LOADED := $(VENV)/.demo-$(DB_KEY)
MIGRATIONS := $(wildcard */migrations/*.py)
DEMO_SOURCES := $(wildcard */demo.py portal/demo/*.py) portal/management/commands/load_demo.py
# A SQLite file is checked by make itself: missing means migrate (and so demo) again. Any other database (PostgreSQL)
# is asked each time (`migrate --check`, about a second): it may have been dropped or migrated from elsewhere.
ifeq ($(DB_FILE),)
DB_CHECK := db-check
else
DB_CHECK := $(if $(wildcard $(DB_FILE)),,db-check)
endif

.PHONY: run test install migrate demo serve accounts lint format e2e clean-db db-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(INSTALLED): requirements.lock requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock -r requirements-dev.lock
	@touch $@

# A missing SQLite file: migrate. Another database forced by db-check only (nothing else changed): migrate only if it
# needs it, and touch the stamp only then, so that demo runs again only when migrate did something.
$(MIGRATED): $(INSTALLED) $(MIGRATIONS) $(DB_CHECK)
ifneq ($(DB_FILE),)
# a write-ahead log left by a deleted database file must not be replayed into the new one
	@[ -f $(DB_FILE) ] || rm -f $(DB_FILE)-wal $(DB_FILE)-shm
endif
	@if [ -z "$(DB_FILE)" ] && [ -z "$(filter-out db-check,$?)" ] && [ -f $@ ] && $(BIN)/python manage.py migrate --check >/dev/null 2>&1; \
	then echo "Database up to date."; \
	else $(BIN)/python manage.py migrate --noinput && touch $@; fi

$(DEMO_LOADED): $(MIGRATED) $(DEMO_SOURCES)
	$(BIN)/python manage.py load_demo
	@touch $@

install: $(INSTALLED)
migrate: $(MIGRATED)
demo: $(DEMO_LOADED)

# Embedded default: SQLite file and inline tasks, unless DATABASE_URL / CELERY_BROKER_URL are set.
# links in emails point at the address being served, unless WAGTAILADMIN_BASE_URL says otherwise
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)

run: demo accounts
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

serve:
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

accounts:
	@echo ""
	@echo "Lentera: http://$(HOST):$(PORT)/"
	@echo "Demo accounts, password for all: lentera-demo (or log in with a NIP)"
	@echo "  admin                 Superadmin (all instansi, Wagtail admin)"
	@echo "  sdm.gorontalo         Admin SDM, Provinsi Gorontalo"
	@echo "  konten.gorontalo      Admin Konten, Provinsi Gorontalo"
	@echo "  pelatihan.gorontalo   Penyelenggara Pelatihan, Provinsi Gorontalo"
	@echo "  atasan.gorontalo      Atasan (6 direct reports), Provinsi Gorontalo"
	@echo "  pegawai.gorontalo     Pegawai, Provinsi Gorontalo"
	@echo "  pimpinan.gorontalo    Pimpinan, Provinsi Gorontalo"
	@echo "  sdm.malut             Admin SDM, Provinsi Maluku Utara"
	@echo "  pegawai.malut         Pegawai, Provinsi Maluku Utara"
	@echo "  sdm.bukittinggi, sdm.pauh, sdm.rangkui   Admin SDM of their instansi"
	@echo "  pegawai.bukittinggi   Pegawai, Kota Bukittinggi"
	@echo ""

# The whole suite, browser journeys included (Chromium at /usr/bin/chromium): everything but the journeys on every
# core (pytest-xdist), then the journeys in one process (they share one server with the demo data). Exit status 5
# means "no test selected" (PYTEST_ARGS picked tests of one kind only).
TEST_WORKERS ?= auto
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup -m "not e2e" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m e2e $(PYTEST_ARGS) || [ $$? -eq 5 ]

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

e2e: install
	$(BIN)/pytest tests/e2e $(PYTEST_ARGS)

clean-db:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm db.sqlite3-journal $(VENV)/.migrated-sqlite $(VENV)/.demo-sqlite
