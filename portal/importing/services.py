"""The import use cases: upload and preview (a dry run), confirm, and run. Every import is all-or-nothing:
the rows are written in one transaction that is rolled back when any row has an error.

Progress of a running import lives in the cache, not in the database: the import's own transaction is
still open while rows are processed, so a progress column would stay invisible to the progress page until
the very end.
"""

import csv
import io
from pathlib import Path

import tablib
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.results import RowResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ..models import ImportJob
from ..scoping import instansi_q
from ..task_queue import enqueue
from .registry import get_import

FORMATS = {"csv", "xlsx"}
PREVIEW_ROW_LIMIT = 500
PROGRESS_EVERY = 50
ACTION_CREATE = "lentera.import.create"
ACTION_UPDATE = "lentera.import.update"
ACTION_SUMMARY = "lentera.import"


class ImportFileError(ValueError):
    """The file cannot be read as a table of the expected columns."""


# --- reading ---


def read_dataset(fileobj, file_format, headers):
    """A tablib Dataset of the file, with normalised headers and without blank rows.

    `headers` are the columns the import kind expects: every one must be present.
    """
    raw = fileobj.read()
    try:
        if file_format == "csv":
            content = raw.decode("utf-8-sig")
            dialect = csv.Sniffer().sniff(content.split("\n", 1)[0], delimiters=",;\t")
            rows = list(csv.reader(io.StringIO(content), dialect))
        else:
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    except UnicodeDecodeError:
        raise ImportFileError(_("Berkas CSV harus disimpan dengan pengodean UTF-8.")) from None
    except csv.Error:
        raise ImportFileError(_("Berkas CSV tidak dapat dibaca.")) from None
    except Exception:  # openpyxl raises many kinds of errors for a damaged workbook
        raise ImportFileError(_("Berkas XLSX rusak atau bukan lembar kerja Excel.")) from None
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        raise ImportFileError(_("Berkas kosong: tidak ada baris judul kolom."))
    found = [str(cell or "").strip().lower() for cell in rows[0]]
    missing = [header for header in headers if header not in found]
    if missing:
        raise ImportFileError(
            _("Kolom berikut tidak ada di baris pertama berkas: %(columns)s. Gunakan templat yang disediakan.")
            % {"columns": ", ".join(missing)}
        )
    width = len(found)
    dataset = tablib.Dataset(headers=found)
    for row in rows[1:]:
        row = list(row)[:width]
        dataset.append(row + [None] * (width - len(row)))
    return dataset


def open_dataset(job, kind):
    with job.file.open("rb") as fileobj:
        return read_dataset(fileobj, job.file_format, kind.headers)


# --- errors and results ---


def row_errors(resource, result):
    """Every error of a result as {"row", "column", "message"}; `row` is the spreadsheet row (header is 1)."""
    errors = [{"row": None, "column": "", "message": str(error.error)} for error in result.base_errors]
    for invalid in result.invalid_rows:
        error = invalid.error
        by_field = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        for attribute, messages in by_field.items():
            column = "" if attribute == "__all__" else resource.column_for(attribute)
            for message in messages:
                errors.append({"row": invalid.number + 1, "column": column, "message": str(message)})
    for row in result.error_rows:
        for error in row.errors:
            errors.append(
                {
                    "row": row.number + 1,
                    "column": "",
                    "message": _("Baris tidak dapat diproses: %(error)s") % {"error": error.error},
                }
            )
    return sorted(errors, key=lambda e: (e["row"] or 0, e["column"]))


def _counts(result):
    return {
        "new": result.totals.get(RowResult.IMPORT_TYPE_NEW, 0),
        "update": result.totals.get(RowResult.IMPORT_TYPE_UPDATE, 0),
    }


def duplicate_key_errors(resource, dataset):
    column = resource.fields[resource.key_field].column_name
    seen, errors = {}, []
    for number, value in enumerate(dataset[column], start=2):
        key = str(value or "").strip()
        if key and key in seen:
            errors.append(
                {
                    "row": number,
                    "column": column,
                    "message": _("'%(key)s' sudah ada di baris %(first)s berkas ini.")
                    % {"key": key, "first": seen[key]},
                }
            )
        seen.setdefault(key, number)
    return errors


# --- progress, kept outside the import transaction ---


def _progress_key(job_id):
    return f"lentera:import-progress:{job_id}"


def set_progress(job_id, processed):
    cache.set(_progress_key(job_id), processed, timeout=24 * 3600)


def progress_of(job):
    """(processed rows, percent) of a job, live while it runs."""
    if job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING):
        processed = cache.get(_progress_key(job.pk), job.processed_rows)
        total = job.total_rows or 1
        return processed, min(99, round(100 * processed / total))
    return job.processed_rows, job.progress_percent


# --- use cases ---


def can_import(user, kind, instansi):
    if kind is None or not kind.allowed_for(user):
        return False
    return instansi is not None and (
        user.is_superuser or type(instansi).objects.filter(instansi_q(user, "pk"), pk=instansi.pk).exists()
    )


def _resource(job, kind, progress=None):
    return kind.resource_class(instansi=job.instansi, user=job.uploaded_by, progress=progress)


def preview_import(actor, *, kind_key, instansi, uploaded_file, language=None):
    """Store the upload as an ImportJob and dry-run it; nothing but the job is written."""
    kind = get_import(kind_key)
    if not can_import(actor, kind, instansi):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))
    file_format = Path(uploaded_file.name).suffix.lower().lstrip(".")
    job = ImportJob(
        kind=kind.key,
        instansi=instansi,
        uploaded_by=actor,
        original_name=Path(uploaded_file.name).name[:255],
        file_format=file_format,
    )
    job.file.save(f"{kind.key}.{file_format}", uploaded_file, save=False)
    with translation.override(language or settings.LANGUAGE_CODE):
        try:
            dataset = open_dataset(job, kind)
        except ImportFileError as error:
            job.errors = [{"row": None, "column": "", "message": str(error)}]
            job.save()
            return job
        job.total_rows = len(dataset)
        resource = _resource(job, kind)
        errors = duplicate_key_errors(resource, dataset)
        result = resource.import_data(dataset, dry_run=True, use_transactions=True)
        job.errors = errors + row_errors(resource, result)
    rows = [
        {"row": number, "action": row.import_type, "object": row.object_repr or ""}
        for number, row in enumerate(result.rows, start=2)
    ]
    job.summary = {
        **_counts(result),
        "rows": rows[:PREVIEW_ROW_LIMIT],
        "more_rows": max(0, len(rows) - PREVIEW_ROW_LIMIT),
    }
    job.save()
    return job


@transaction.atomic
def confirm_import(actor, job):
    """Start a previewed, error-free import: inline for small files, by a Celery task above the threshold."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    kind = get_import(job.kind)
    if job.uploaded_by_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied(_("Hanya pengunggah yang dapat mengonfirmasi impor ini."))
    if not can_import(actor, kind, job.instansi):
        raise PermissionDenied(_("Anda tidak berwenang mengimpor data ini."))
    if job.status != ImportJob.Status.PREVIEWED or job.errors:
        raise PermissionDenied(_("Impor ini tidak dapat dijalankan: masih ada kesalahan atau sudah dijalankan."))
    job.status = ImportJob.Status.QUEUED
    job.save(update_fields=["status"])
    set_progress(job.pk, 0)
    if job.total_rows > settings.IMPORT_ASYNC_ROW_THRESHOLD:
        transaction.on_commit(lambda: enqueue("portal.tasks.run_import_task", job.pk))
        return job
    transaction.on_commit(lambda: run_import(job.pk))
    return job


def run_import(job_id, language=None):
    """Write a confirmed import. Idempotent: a job that is not queued is left alone (a retried task)."""
    updated = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING
    )
    if not updated:
        return None
    job = ImportJob.objects.select_related("instansi", "uploaded_by").get(pk=job_id)
    kind = get_import(job.kind)

    def progress(row_number):
        if row_number % PROGRESS_EVERY == 0:
            set_progress(job.pk, row_number)

    with translation.override(language or settings.LANGUAGE_CODE):
        resource = _resource(job, kind, progress=progress)
        try:
            dataset = open_dataset(job, kind)
            job.total_rows = len(dataset)
            with transaction.atomic():
                result = resource.import_data(dataset, dry_run=False, use_transactions=True)
                errors = duplicate_key_errors(resource, dataset) + row_errors(resource, result)
                if errors:
                    # the data changed since the preview: write nothing
                    transaction.set_rollback(True)
                else:
                    _audit(job, resource, result)
        except ImportFileError as error:
            errors = [{"row": None, "column": "", "message": str(error)}]
    job.finished_at = timezone.now()
    if errors:
        job.status, job.errors = ImportJob.Status.FAILED, errors
    else:
        job.status, job.processed_rows = ImportJob.Status.DONE, job.total_rows
        job.summary = {**job.summary, **_counts(result)}
    job.save()
    cache.delete(_progress_key(job.pk))
    return job


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
    log(
        job,
        ACTION_SUMMARY,
        user=job.uploaded_by,
        data={"kind": job.kind, "file": job.original_name, "instansi": job.instansi_id, **_counts(result)},
    )
    resource.finish_import(job, result)
