"""The import use cases: upload and preview (a dry run), confirm, run, retry and cancel, and the sweeps that fail
jobs whose worker died and delete old uploads. Every import is all-or-nothing: the rows are written in one
transaction that is rolled back when any row has an error.

Live progress of a running preview or import lives in the cache: the import's own transaction is still open
while rows are processed, so a progress column would stay invisible until the very end. Status changes are
committed to the database (the final one in the same transaction as the import's rows), each through
`_set_status`, so a worker that dies leaves a job the stale-job sweep can see and fail.
"""

import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.results import RowResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, ReferenceIndex

from .. import frame
from ..models import ImportJob
from ..scoping import instansi_q
from ..task_queue import enqueue
from .errors import combined, duplicate_key_errors, file_error, row_errors
from .reading import ImportFileError, read_table
from .registry import get_import
from .state_machine import IMPORT_JOB

FORMATS = {"csv", "xlsx"}
PREVIEW_ROW_LIMIT = 500
PROGRESS_EVERY = 50
ACTION_CREATE = "lentera.import.create"
ACTION_UPDATE = "lentera.import.update"
ACTION_SUMMARY = "lentera.import"

Status = ImportJob.Status
ACTIVE = (Status.PREVIEWING, Status.QUEUED, Status.RUNNING)
FINAL = (Status.DONE, Status.FAILED, Status.CANCELLED)

__all__ = ["ImportFileError"]


# --- status: the one writer ---


def _set_status(job, status, *, actor=None, message="", expected=None, **fields):
    """Move `job` to `status` (only from one of `expected`; by default from the state this object was read in) and
    commit the change with `fields`.

    The one place ImportJob.status changes, on the import job's state machine: a conditional UPDATE, so two
    workers (or a worker and the stale-job sweep) never both move the same job; returns whether this call moved it.
    """
    return IMPORT_JOB.apply_if(
        job,
        status,
        expected=expected or [job.status],
        actor=actor,
        reason=message,
        status_message=message[:500],
        **fields,
    )


# --- progress and signs of life, kept outside the import transaction ---


def _progress_key(job_id):
    return f"lentera:import-progress:{job_id}"


def set_progress(job_id, processed):
    cache.set(_progress_key(job_id), {"processed": processed, "at": timezone.now().timestamp()}, timeout=24 * 3600)


def _live(job):
    value = cache.get(_progress_key(job.pk))
    return value if isinstance(value, dict) else None


def progress_of(job):
    """(processed rows, percent) of a job, live while it runs."""
    if job.status in ACTIVE:
        live = _live(job)
        processed = live["processed"] if live else job.processed_rows
        total = job.total_rows or 1
        return processed, min(99, round(100 * processed / total))
    return job.processed_rows, job.progress_percent


def last_sign_of_life(job):
    moments = [job.status_changed_at or job.created_at]
    live = _live(job)
    if live:
        moments.append(datetime.datetime.fromtimestamp(live["at"], tz=datetime.UTC))
    return max(moment for moment in moments if moment)


def is_stale(job, now=None):
    if job.status not in ACTIVE:
        return False
    now = now or timezone.now()
    return now - last_sign_of_life(job) > datetime.timedelta(seconds=settings.IMPORT_STALE_AFTER_SECONDS)


def fail_if_stale(job, now=None):
    """Mark a job whose worker gave no sign of life for IMPORT_STALE_AFTER_SECONDS as failed; returns whether."""
    if not is_stale(job, now):
        return False
    minutes = settings.IMPORT_STALE_AFTER_SECONDS // 60
    message = _(
        "Proses berhenti: tidak ada kemajuan selama lebih dari %(minutes)s menit (pekerja latar belakang mungkin "
        "mati). Tidak ada data yang disimpan. Jalankan ulang atau batalkan impor ini."
    ) % {"minutes": minutes}
    return _set_status(job, Status.FAILED, message=message, expected=[job.status], finished_at=timezone.now())


def fail_stale_jobs(*, now=None) -> int:
    """The periodic sweep: every active job without a sign of life for too long is failed."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.IMPORT_STALE_AFTER_SECONDS)
    candidates = ImportJob.objects.filter(status__in=ACTIVE).filter(
        Q(status_changed_at__lt=cutoff) | Q(status_changed_at__isnull=True, created_at__lt=cutoff)
    )
    return sum(fail_if_stale(job, now) for job in candidates)


# --- retention ---


def _delete_file(job):
    if job.file:
        job.file.delete(save=False)
    ImportJob.objects.filter(pk=job.pk).update(file="", file_deleted_at=timezone.now())
    job.file, job.file_deleted_at = "", timezone.now()


def delete_expired_uploads(*, now=None) -> int:
    """Delete uploads past their retention; the job rows stay with their summaries."""
    now = now or timezone.now()
    kept = now - datetime.timedelta(days=settings.IMPORT_RETENTION_DAYS)
    previews = now - datetime.timedelta(days=settings.IMPORT_PREVIEW_RETENTION_DAYS)
    expired = (
        ImportJob.objects.exclude(file="")
        .annotate(changed=Coalesce("status_changed_at", "created_at"))
        .filter(
            Q(status__in=FINAL, changed__lt=kept) | Q(status=Status.PREVIEWED, changed__lt=previews),
        )
    )
    count = 0
    for job in expired:
        _delete_file(job)
        count += 1
    return count


# --- use cases ---


def can_import(user, kind, instansi):
    if kind is None or not kind.allowed_for(user):
        return False
    return instansi is not None and (
        user.is_superuser or type(instansi).objects.filter(instansi_q(user, "pk"), pk=instansi.pk).exists()
    )


def _resource(job, kind, progress=None):
    return kind.resource_class(instansi=job.instansi, user=job.uploaded_by, progress=progress)


# tables read by preview_import for a job whose dry run is a task: when the task runs in the same process (the
# embedded default runs tasks inline) it takes the table from here instead of reading the workbook a second time
_read_tables = {}


def _open_table(job, kind):
    table = _read_tables.pop(job.pk, None)
    if table is not None:
        return table
    if not job.file:
        raise ImportFileError(_("Berkas impor ini sudah dihapus; unggah ulang berkasnya."))
    with job.file.open("rb") as fileobj:
        return read_table(fileobj, job.file_format, kind.required_headers)


def _progress_every(job):
    def progress(row_number):
        if row_number % PROGRESS_EVERY == 0:
            set_progress(job.pk, row_number)

    return progress


def _dry_run(job, kind, table, progress=None):
    """(errors, summary) of importing `table` without writing anything."""
    resource = _resource(job, kind, progress)
    result = resource.import_data(table.dataset, dry_run=True, use_transactions=True)
    errors = combined(duplicate_key_errors(resource, table), row_errors(resource, result, table))
    rows = [
        {"row": table.number_of(index), "action": row.import_type, "object": row.object_repr or ""}
        for index, row in enumerate(result.rows, start=1)
    ]
    summary = {**_counts(result), "rows": rows[:PREVIEW_ROW_LIMIT], "more_rows": max(0, len(rows) - PREVIEW_ROW_LIMIT)}
    return errors, summary


def _counts(result):
    return {
        "new": result.totals.get(RowResult.IMPORT_TYPE_NEW, 0),
        "update": result.totals.get(RowResult.IMPORT_TYPE_UPDATE, 0),
    }


def _save_new(job, actor):
    job.save()
    IMPORT_JOB.record(job, "", job.status, actor=actor).save()


def preview_import(actor, *, kind_key, instansi, uploaded_file, language=None):
    """Store the upload as an ImportJob and dry-run it (by a Celery task above IMPORT_ASYNC_ROW_THRESHOLD rows,
    so a big file never meets the web server's timeout); nothing but the job is written."""
    kind = get_import(kind_key)
    if not can_import(actor, kind, instansi):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))
    job = ImportJob(
        kind=kind.key,
        instansi=instansi,
        uploaded_by=actor,
        original_name=Path(uploaded_file.name).name[:255],
        file_format=Path(uploaded_file.name).suffix.lower().lstrip("."),
        status_changed_at=timezone.now(),
    )
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            uploaded_file.seek(0)
            table = read_table(uploaded_file, job.file_format, kind.required_headers)
        except ImportFileError as error:
            # an unreadable file is not kept: the job records only why it was refused
            job.errors = file_error(error)
            _save_new(job, actor)
            return job
        job.total_rows = len(table.dataset)
        uploaded_file.seek(0)
        job.file.save(f"upload.{job.file_format}", uploaded_file, save=False)
        if job.total_rows > settings.IMPORT_ASYNC_ROW_THRESHOLD:
            _save_new(job, actor)
            _set_status(job, Status.PREVIEWING, actor=actor)
            set_progress(job.pk, 0)
            _read_tables.clear()  # at most one waiting table per process
            _read_tables[job.pk] = table
            transaction.on_commit(lambda: enqueue("portal.tasks.run_preview_task", job.pk, language))
            return job
        job.errors, job.summary = _dry_run(job, kind, table)
    _save_new(job, actor)
    return job


def run_preview(job_id, language=None):
    """The dry run of a big upload, in the background. Idempotent: a job not being previewed is left alone."""
    job = ImportJob.objects.select_related("instansi", "uploaded_by").filter(pk=job_id).first()
    if job is None or job.status != Status.PREVIEWING:
        return None
    kind = get_import(job.kind)
    with translation.override(language or settings.LANGUAGE_CODE):
        try:
            table = _open_table(job, kind)
            errors, summary = _dry_run(job, kind, table, _progress_every(job))
        except ImportFileError as error:
            errors, summary = file_error(error), {}
    # the sweep may have failed the job meanwhile: then this late result is dropped
    _set_status(job, Status.PREVIEWED, expected=[Status.PREVIEWING], errors=errors, summary=summary)
    cache.delete(_progress_key(job.pk))
    return job


@transaction.atomic
def confirm_import(actor, job):
    """Start a previewed, error-free import: inline for small files, by a Celery task above the threshold."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    kind = get_import(job.kind)
    _check_owner(actor, job, kind)
    if job.status != Status.PREVIEWED or job.errors or not job.file:
        raise PermissionDenied(_("Impor ini tidak dapat dijalankan: masih ada kesalahan atau sudah dijalankan."))
    _set_status(job, Status.QUEUED, actor=actor, confirmed_at=timezone.now())
    _start_run(job)
    return job


def _check_owner(actor, job, kind):
    if job.uploaded_by_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied(_("Hanya pengunggah yang dapat menjalankan atau membatalkan impor ini."))
    if not can_import(actor, kind, job.instansi):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))


def _start_run(job):
    set_progress(job.pk, 0)
    if job.total_rows > settings.IMPORT_ASYNC_ROW_THRESHOLD:
        transaction.on_commit(lambda: enqueue("portal.tasks.run_import_task", job.pk))
    else:
        transaction.on_commit(lambda: run_import(job.pk))


def run_import(job_id, language=None):
    """Write a confirmed import. Idempotent: a job that is not queued is left alone (a retried task)."""
    job = ImportJob.objects.select_related("instansi", "uploaded_by").filter(pk=job_id).first()
    if job is None or not _set_status(job, Status.RUNNING, expected=[Status.QUEUED]):
        return None
    started = job.status_changed_at
    kind = get_import(job.kind)
    with translation.override(language or settings.LANGUAGE_CODE):
        resource = _resource(job, kind, progress=_progress_every(job))
        try:
            table = _open_table(job, kind)
            with transaction.atomic():
                result = resource.import_data(table.dataset, dry_run=False, use_transactions=True)
                errors = combined(duplicate_key_errors(resource, table), row_errors(resource, result, table))
                # the rows and the job's "done" are committed together, and only while the job is still this
                # run's: a job the stale sweep failed (and perhaps someone retried) meanwhile gets none of these rows
                ours = ImportJob.objects.select_for_update().filter(
                    pk=job.pk, status=Status.RUNNING, status_changed_at=started
                )
                if errors or ours.first() is None:
                    transaction.set_rollback(True)
                else:
                    _audit(job, resource, result)
                    _set_status(
                        job,
                        Status.DONE,
                        processed_rows=len(table.dataset),
                        total_rows=len(table.dataset),
                        finished_at=timezone.now(),
                        summary={**job.summary, **_counts(result)},
                    )
        except ImportFileError as error:
            errors = file_error(error)
    if errors:
        # the data changed since the preview: nothing was written
        _set_status(job, Status.FAILED, expected=[Status.RUNNING], errors=errors, finished_at=timezone.now())
    cache.delete(_progress_key(job.pk))
    return job


def _lock_own_job(actor, job):
    """The job, locked, failed first if its worker died, and only for its uploader (or a superadmin) who may still
    import its kind."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    fail_if_stale(job)
    _check_owner(actor, job, get_import(job.kind))
    return job


@transaction.atomic
def retry_import(*, actor, job) -> ImportJob:
    """Queue a failed job again with the same file: its preview if it was never confirmed, else its run."""
    job = _lock_own_job(actor, job)
    if job.status != Status.FAILED or not job.file:
        raise PermissionDenied(_("Hanya impor yang gagal dan berkasnya masih ada yang dapat dijalankan ulang."))
    if job.confirmed_at is None:
        language = translation.get_language() or settings.LANGUAGE_CODE
        _set_status(job, Status.PREVIEWING, actor=actor, errors=[], finished_at=None)
        set_progress(job.pk, 0)
        transaction.on_commit(lambda: enqueue("portal.tasks.run_preview_task", job.pk, language))
    else:
        _set_status(job, Status.QUEUED, actor=actor, errors=[], finished_at=None)
        _start_run(job)
    return job


@transaction.atomic
def cancel_import(*, actor, job) -> ImportJob:
    """Drop a job that will not be run (a preview, a failed or stale job) and delete its upload at once."""
    job = _lock_own_job(actor, job)
    if job.status not in (Status.PREVIEWED, Status.FAILED):
        raise PermissionDenied(_("Impor ini tidak dapat dibatalkan lagi."))
    _set_status(job, Status.CANCELLED, actor=actor, finished_at=timezone.now())
    _delete_file(job)
    return job


def update_reference_index(model_label, pks, chunk=500):
    model = apps.get_model(model_label)
    count = 0
    for start in range(0, len(pks), chunk):
        for obj in model._default_manager.filter(pk__in=pks[start : start + chunk]):
            ReferenceIndex.create_or_update_for_object(obj)
            count += 1
    return count


def _audit(job, resource, result):
    """One log entry per imported object (written in bulk) and one summary entry on the job."""
    model = resource._meta.model
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(row.object_id),
            label=(row.object_repr or "")[:255],
            action=ACTION_CREATE if row.import_type == RowResult.IMPORT_TYPE_NEW else ACTION_UPDATE,
            data={"import_job": job.pk, "file": job.original_name},
            timestamp=now,
            user=job.uploaded_by,
            content_changed=True,
        )
        for row in result.rows
        if row.import_type in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE) and row.object_id
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=1000)
    # rows written in bulk send no signals: every user's frame (roles, organisation) is read again
    frame.forget_shared()
    log(
        job,
        ACTION_SUMMARY,
        user=job.uploaded_by,
        data={"kind": job.kind, "file": job.original_name, "instansi": job.instansi_id, **_counts(result)},
    )
    resource.finish_import(job, result)
    written = [
        row.object_id
        for row in result.rows
        if row.object_id is not None and row.import_type in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE)
    ]
    if written and ReferenceIndex.model_is_indexable(model):
        label = model._meta.label
        transaction.on_commit(lambda: enqueue("portal.tasks.index_imported_references", label, written))
