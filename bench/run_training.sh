#!/bin/sh
# Training benchmark: gunicorn (2 sync workers) on PostgreSQL, then bench/measure_training.py.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_kompetensi bench/run_training.sh
set -eu
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.dev}" DEBUG=0 DB_CONN_MAX_AGE=600
# as in production, notification emails are queued for a Celery worker (none runs here: the queue in this Redis
# database is emptied at the end) instead of being sent inside the request
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://127.0.0.1:6379/13}"
PORT="${BENCH_PORT:-8901}"
.venv/bin/gunicorn portal.wsgi:application -w "${WORKERS:-2}" -b "127.0.0.1:$PORT" --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN; .venv/bin/python -c "import redis; redis.Redis.from_url(\"$CELERY_BROKER_URL\").flushdb()"' EXIT
sleep 4
BENCH_URL="http://127.0.0.1:$PORT" .venv/bin/python bench/measure_training.py
