"""A real `celery worker` process on Redis (CELERY_BROKER_URL) for the worker and fault tests.

Skipped on a laptop without Redis; CI sets CI=true and a broker, and there a missing broker (or PostgreSQL, which
the worker needs to see the test's rows) fails the run instead of skipping."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from portal import celery_app

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("CELERY_BROKER_URL", "")


def _missing(reason):
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def require_broker():
    if not BROKER:
        _missing("CELERY_BROKER_URL is not set: the worker integration test needs Redis")


def require_postgres():
    if connection.vendor != "postgresql":
        _missing("the worker shares the test database only on PostgreSQL (DATABASE_URL)")


def start_worker(queue, **settings_env):
    """Start a worker on `queue` and on the default queue (tasks that services send with .delay()); extra
    settings reach it as environment variables (portal.settings reads them)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "CELERY_BROKER_URL": BROKER}
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env.update({name: str(value) for name, value in settings_env.items()})
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "-Q", f"{queue},celery"]
        + ["-n", f"{queue}@%h", "--loglevel=WARNING"],
        env=env,
        cwd=ROOT,
    )


def wait_until_ready(proc, queue, seconds=180):
    """A busy machine may take a while to boot Django in the worker: wait for it to answer a ping."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail("the Celery worker exited at start-up")
        replies = celery_app.control.ping(timeout=1.0)
        if any(name.startswith(f"{queue}@") for reply in replies for name in reply):
            return
    pytest.fail(f"the Celery worker did not answer within {seconds} s")


def stop_worker(proc):
    if proc.poll() is None:
        proc.terminate()
    proc.wait(timeout=20)


class tasks_to_broker:
    """Send tasks to Redis instead of running them inline, as production does."""

    def __enter__(self):
        self.previous = celery_app.conf.task_always_eager
        celery_app.conf.task_always_eager = False

    def __exit__(self, *exc):
        celery_app.conf.task_always_eager = self.previous
