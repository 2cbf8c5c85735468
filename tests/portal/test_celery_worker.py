"""Celery against a real worker process through Redis (CELERY_BROKER_URL); the `worker` fixture is in
tests/portal/conftest.py. Skipped on a laptop without Redis; in CI a missing broker fails the run."""

import time

import pytest

from portal.importing import services as imports
from portal.models import ImportJob, Notification, Pegawai
from portal.tasks import ping, send_notification_email

from ..factories import valid_nip
from .celery_worker import require_postgres
from .import_helpers import csv_upload, fresh, pegawai_row

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROWS = 1_000


def test_task_round_trip_through_redis(worker):
    result = ping.apply_async(args=[42], queue=worker)
    assert result.get(timeout=60, disable_sync_subtasks=False) == {"pong": 42}


def test_worker_sends_notification_email_once(worker, org):
    """Email tasks store no result (CELERY_TASK_IGNORE_RESULT): the row tells what happened. The worker runs one
    task at a time, in order, so the ping that follows answers only after both sends."""
    require_postgres()
    note = Notification.objects.create(
        recipient=org.pegawai.user, kind="uji", title="Dari worker", dedupe_key="worker-1"
    )
    first = send_notification_email.apply_async(args=[note.pk], queue=worker)
    send_notification_email.apply_async(args=[note.pk], queue=worker)
    assert ping.apply_async(args=[1], queue=worker).get(timeout=60, disable_sync_subtasks=False) == {"pong": 1}
    note.refresh_from_db()
    assert note.emailed_at is not None
    assert note.email_attempts == 1  # the second task found the email sent and did not claim it
    assert first.backend.get_task_meta(first.id)["status"] == "PENDING"  # no result stored for the email task


def test_large_import_runs_on_the_worker_with_live_progress(worker, org, settings):
    """Above IMPORT_ASYNC_ROW_THRESHOLD rows the import is a Celery task; its progress is visible while the
    task's transaction is still open, because it lives in the shared (Redis) cache. The threshold is lowered
    so the test stays quick; the path is the same as for 2,001 rows. The bulk import is fast, so the file is
    large enough (and the polling quick enough) to catch it between its progress marks."""
    settings.IMPORT_ASYNC_ROW_THRESHOLD = 100
    require_postgres()
    rows = [pegawai_row(valid_nip(20_000 + i), f"Pegawai Massal {i}") for i in range(ROWS)]
    job = imports.preview_import(
        fresh(org.sdm), kind_key="pegawai", instansi=org.gorontalo, uploaded_file=csv_upload(rows)
    )
    # the dry run of a big file is a task too
    deadline = time.time() + 240
    while job.status == ImportJob.Status.PREVIEWING and time.time() < deadline:
        time.sleep(0.2)
        job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEWED
    assert job.errors == [] and job.total_rows == ROWS
    imports.confirm_import(fresh(org.sdm), job)

    seen, deadline = set(), time.time() + 240
    while time.time() < deadline:
        job.refresh_from_db()
        seen.add(imports.progress_of(job)[1])
        if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
            break
        time.sleep(0.01)
    assert job.status == ImportJob.Status.DONE, job.errors
    assert job.progress_percent == 100
    assert any(0 < percent < 100 for percent in seen), seen
    assert Pegawai.objects.filter(nama__startswith="Pegawai Massal").count() == ROWS
