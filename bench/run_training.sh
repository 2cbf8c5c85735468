#!/bin/sh
# Training benchmark: gunicorn (2 sync workers) on PostgreSQL, then bench/measure_training.py.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_kompetensi bench/run_training.sh
set -eu
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.dev}" DEBUG=0 DB_CONN_MAX_AGE=600
PORT="${BENCH_PORT:-8901}"
.venv/bin/gunicorn portal.wsgi:application -w "${WORKERS:-2}" -b "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN' EXIT
sleep 4
BENCH_URL="http://127.0.0.1:$PORT" .venv/bin/python bench/measure_training.py
