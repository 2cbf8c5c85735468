"""Celery against a real worker process through Redis (CELERY_BROKER_URL). Skipped on a laptop without Redis;
CI sets CI=true and a broker, and there a missing broker fails the run instead of skipping."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from portal import celery_app
from portal.importing import services as imports
from portal.models import ImportJob, Notification, Pegawai
from portal.tasks import ping, send_notification_email

from ..factories import valid_nip
from .import_helpers import csv_upload, fresh, pegawai_row

ROOT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("CELERY_BROKER_URL", "")


def _require_broker():
    if not BROKER:
        if os.environ.get("CI"):
            pytest.fail("CELERY_BROKER_URL is not set: the worker integration test needs Redis")
        pytest.skip("no CELERY_BROKER_URL: the worker integration test needs Redis")


@pytest.fixture
def worker(request):
    """A real `celery worker` on a queue of its own, pointed at the test database.

    The worker reads committed rows, so these tests use a transactional database; serialized rollback puts back
    what data migrations loaded (ranks, groups, Wagtail's root page) for the tests that follow."""
    _require_broker()
    queue = f"lentera-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "CELERY_BROKER_URL": BROKER}
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    proc = subprocess.Popen(
        # its own queue for tasks sent explicitly, and the default queue for tasks that services send with .delay()
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "-Q", f"{queue},celery"]
        + ["-n", f"{queue}@%h", "--loglevel=WARNING"],
        env=env,
        cwd=ROOT,
    )
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        _wait_until_ready(proc, queue)
        yield queue
    finally:
        celery_app.conf.task_always_eager = previous
        proc.terminate()
        proc.wait(timeout=20)


def _wait_until_ready(proc, queue, seconds=180):
    """A busy machine may take a while to boot Django in the worker: wait for it to answer a ping."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail("the Celery worker exited at start-up")
        replies = celery_app.control.ping(timeout=1.0)
        if any(name.startswith(f"{queue}@") for reply in replies for name in reply):
            return
    pytest.fail(f"the Celery worker did not answer within {seconds} s")


pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_task_round_trip_through_redis(worker):
    result = ping.apply_async(args=[42], queue=worker)
    assert result.get(timeout=60, disable_sync_subtasks=False) == {"pong": 42}


def test_worker_sends_notification_email_once(worker, org):
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    note = Notification.objects.create(
        recipient=org.pegawai.user, kind="uji", title="Dari worker", dedupe_key="worker-1"
    )
    assert (
        send_notification_email.apply_async(args=[note.pk], queue=worker).get(timeout=60, disable_sync_subtasks=False)
        is True
    )
    assert (
        send_notification_email.apply_async(args=[note.pk], queue=worker).get(timeout=60, disable_sync_subtasks=False)
        is False
    )
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_large_import_runs_on_the_worker_with_live_progress(worker, org, settings):
    """Above IMPORT_ASYNC_ROW_THRESHOLD rows the import is a Celery task; its progress is visible while the
    task's transaction is still open, because it lives in the shared (Redis) cache. The threshold is lowered
    so the test stays quick; the path is the same as for 2,001 rows."""
    settings.IMPORT_ASYNC_ROW_THRESHOLD = 100
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL")
    rows = [pegawai_row(valid_nip(20_000 + i), f"Pegawai Massal {i}") for i in range(300)]
    job = imports.preview_import(
        fresh(org.sdm), kind_key="pegawai", instansi=org.gorontalo, uploaded_file=csv_upload(rows)
    )
    # the dry run of a big file is a task too
    deadline = time.time() + 240
    while job.status == ImportJob.Status.PREVIEWING and time.time() < deadline:
        time.sleep(0.2)
        job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEWED
    assert job.errors == [] and job.total_rows == 300
    imports.confirm_import(fresh(org.sdm), job)

    seen, deadline = set(), time.time() + 240
    while time.time() < deadline:
        job.refresh_from_db()
        seen.add(imports.progress_of(job)[1])
        if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
            break
        time.sleep(0.2)
    assert job.status == ImportJob.Status.DONE, job.errors
    assert job.progress_percent == 100
    assert any(0 < percent < 100 for percent in seen), seen
    assert Pegawai.objects.filter(nama__startswith="Pegawai Massal").count() == 300
