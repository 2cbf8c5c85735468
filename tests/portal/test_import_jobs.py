"""Import jobs: background preview, paginated errors, stale jobs, retry and cancel, private uploads and their
retention, and who may see a job."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from portal.importing import services
from portal.models import ImportJob, Pegawai
from portal.registry import discover
from tests.factories import valid_nip

from .import_helpers import csv_upload, fresh, pegawai_row, role_permissions  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_permissions")]


def preview(org, rows, who=None):
    upload = csv_upload(rows, name="rahasia-sdm.csv")
    return services.preview_import(
        fresh(who or org.sdm), kind_key="pegawai", instansi=org.gorontalo, uploaded_file=upload
    )


def good_rows(count, name="Pegawai Uji"):
    return [pegawai_row(valid_nip(), f"{name} {i}") for i in range(count)]


def job_url(job, name="job"):
    return reverse(f"portal_import:{name}", args=[job.pk])


def age(job, **delta):
    """Make the job's last sign of life `delta` old (in the database and in the progress cache)."""
    ImportJob.objects.filter(pk=job.pk).update(status_changed_at=timezone.now() - datetime.timedelta(**delta))
    services.cache.delete(services._progress_key(job.pk))
    job.refresh_from_db()


# --- private uploads ---


def test_upload_is_private_and_unguessable(org):
    job = preview(org, good_rows(1))
    path = Path(job.file.path)
    assert path.is_relative_to(Path(django_settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(django_settings.MEDIA_ROOT))
    assert "pegawai" not in job.file.name and len(path.stem) == 32


# --- background preview ---


def test_big_preview_runs_in_the_background_and_the_page_polls(
    org, login, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_ASYNC_ROW_THRESHOLD = 3
    client = login(org.sdm)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("portal_import:index"), {"kind": "pegawai", "file": csv_upload(good_rows(5))})
    job = ImportJob.objects.get()
    assert response["Location"] == job_url(job) and job.status == ImportJob.Status.PREVIEWING
    page = client.get(job_url(job))
    assert "Pratinjau berkas besar sedang disiapkan" in page.text and job_url(job, "status") in page.text
    assert client.get(job_url(job, "status")).json()["finished"] is False
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert client.get(job_url(job, "status")).json()["finished"] is True
    page = client.get(job_url(job))
    assert "5 data baru" in page.text and "Konfirmasi dan jalankan impor" in page.text


def test_errors_are_paginated(org, login, settings):
    settings.IMPORT_ERRORS_PER_PAGE = 3
    job = preview(org, [pegawai_row(f"12345{i}", f"Salah {i}") for i in range(7)])
    assert len(job.errors) == 7
    client = login(org.sdm)
    first, last = client.get(job_url(job)).text, client.get(job_url(job) + "?page=3").text
    assert first.count("NIP harus 18 digit") == 3 and "Halaman 1 dari 3" in first
    assert last.count("NIP harus 18 digit") == 1 and "Halaman 3 dari 3" in last


# --- stale jobs, retry and cancel ---


def _queued(org, settings, django_capture_on_commit_callbacks, rows=3):
    settings.IMPORT_ASYNC_ROW_THRESHOLD = 1
    with django_capture_on_commit_callbacks(execute=True):
        job = preview(org, good_rows(rows))
    job.refresh_from_db()
    # the worker takes the task and dies before committing anything
    with django_capture_on_commit_callbacks(execute=False):
        services.confirm_import(fresh(org.sdm), job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.QUEUED and job.confirmed_at
    assert services._set_status(job, ImportJob.Status.RUNNING, expected=[ImportJob.Status.QUEUED])
    return job


def test_sweep_fails_a_job_whose_worker_died(org, settings, django_capture_on_commit_callbacks):
    job = _queued(org, settings, django_capture_on_commit_callbacks)
    assert services.fail_stale_jobs() == 0  # still fresh
    age(job, minutes=11)
    services.set_progress(job.pk, 1)  # a sign of life in the cache keeps it alive
    assert services.fail_stale_jobs() == 0
    age(job, minutes=11)
    from portal.tasks import fail_stale_import_jobs

    assert fail_stale_import_jobs.delay().get() == 1
    job.refresh_from_db()
    assert (
        job.status == ImportJob.Status.FAILED and "tidak ada kemajuan selama lebih dari 10 menit" in job.status_message
    )
    # a late worker finds the job no longer its own and writes nothing
    assert services.run_import(job.pk) is None
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Uji").exists()


def test_opening_a_stale_job_fails_it_then_retry_runs_it(org, login, settings, django_capture_on_commit_callbacks):
    job = _queued(org, settings, django_capture_on_commit_callbacks)
    age(job, minutes=30)
    client = login(org.sdm)
    page = client.get(job_url(job))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "tidak ada kemajuan" in page.text and "Jalankan ulang" in page.text and "Batalkan dan hapus" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(job_url(job, "retry"))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.status_message == ""
    assert Pegawai.objects.filter(nama__startswith="Pegawai Uji").count() == 3


def test_retry_of_a_stale_preview_previews_again(org, settings, django_capture_on_commit_callbacks):
    settings.IMPORT_ASYNC_ROW_THRESHOLD = 1
    with django_capture_on_commit_callbacks(execute=False):
        job = preview(org, good_rows(2))
    age(job, hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_import(actor=fresh(org.sdm), job=job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEWED and job.summary["new"] == 2


def test_cancel_deletes_the_upload_and_keeps_the_row(org, login):
    job = preview(org, good_rows(1))
    path = Path(job.file.path)
    assert path.exists()
    assert login(org.sdm_malut).post(job_url(job, "cancel")).status_code == 404
    login(org.sdm).post(job_url(job, "cancel"))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CANCELLED and not job.file and not path.exists()
    with pytest.raises(Exception, match="tidak dapat"):
        services.confirm_import(fresh(org.sdm), job)


def test_only_the_uploader_retries_or_cancels(org):
    job = preview(org, good_rows(1))
    with pytest.raises(Exception, match="Hanya pengunggah"):
        services.cancel_import(actor=fresh(org.pimpinan), job=job)
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.PREVIEWED


# --- retention ---


def test_retention_deletes_old_uploads_and_keeps_the_rows(org, settings, django_capture_on_commit_callbacks):
    settings.IMPORT_RETENTION_DAYS, settings.IMPORT_PREVIEW_RETENTION_DAYS = 30, 2
    done = preview(org, good_rows(1, "Selesai"))
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_import(fresh(org.sdm), done)
    done.refresh_from_db()
    old_preview, new_preview = preview(org, good_rows(1, "Lama")), preview(org, good_rows(1, "Baru"))
    age(done, days=31)
    age(old_preview, days=3)
    age(new_preview, days=1)
    paths = {job.pk: Path(job.file.path) for job in (done, old_preview, new_preview)}
    from portal.tasks import delete_expired_import_uploads

    assert delete_expired_import_uploads.delay().get() == 2
    for job in (done, old_preview, new_preview):
        job.refresh_from_db()
    assert not done.file and not paths[done.pk].exists() and done.file_deleted_at
    assert done.status == ImportJob.Status.DONE and done.summary["new"] == 1
    assert not old_preview.file and not paths[old_preview.pk].exists()
    assert new_preview.file and paths[new_preview.pk].exists()
    assert ImportJob.objects.count() == 3


def test_beat_entries_are_registered():
    from portal.beat import schedule_dict

    discover()
    tasks = {entry["task"] for entry in schedule_dict().values()}
    assert {"portal.tasks.fail_stale_import_jobs", "portal.tasks.delete_expired_import_uploads"} <= tasks


# --- who sees a job ---


def test_jobs_are_seen_only_by_importers_of_the_kind_and_instansi(org, login):
    job = preview(org, good_rows(1, "Rahasia"))
    for who in (org.pelatihan, org.sdm_malut):
        client = login(who)
        for name in ("job", "status"):
            assert client.get(job_url(job, name)).status_code == 404, (who, name)
        assert client.post(job_url(job, "confirm")).status_code == 404
        index = client.get(reverse("portal_import:index"))
        assert "rahasia-sdm.csv" not in index.text
    assert login(org.sdm).get(job_url(job)).status_code == 200
    assert login(org.superadmin).get(job_url(job)).status_code == 200
    assert "rahasia-sdm.csv" in login(org.sdm).get(reverse("portal_import:index")).text


def test_a_late_worker_does_not_commit_over_a_retried_run(
    org, settings, django_capture_on_commit_callbacks, monkeypatch
):
    """The first worker was presumed dead, the job failed and retried, and the retry's worker has taken it: when
    the first worker gets to the end of its rows it must write none of them."""
    job = _queued(org, settings, django_capture_on_commit_callbacks)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED)
    real_combined = services.combined

    def taken_over_meanwhile(*lists):
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.RUNNING, status_changed_at=timezone.now() + datetime.timedelta(seconds=1)
        )
        return real_combined(*lists)

    monkeypatch.setattr(services, "combined", taken_over_meanwhile)
    services.run_import(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING  # the other run's, untouched
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Uji").exists()
