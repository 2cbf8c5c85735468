# Lentera — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo serve lint format e2e clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock -r requirements-dev.lock

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

# Embedded default: SQLite file and inline tasks, unless DATABASE_URL / CELERY_BROKER_URL are set.
run: demo
	@echo "Lentera berjalan di http://$(HOST):$(PORT)/ — masuk sebagai pegawai.gorontalo / lentera-demo"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

serve:
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite, browser journeys included (Chromium at /usr/bin/chromium).
test: install
	$(BIN)/pytest $(PYTEST_ARGS)

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
	rm -f db.sqlite3
