import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..private_storage import private_storage
from .history import TransitionRecord


def import_upload_path(job, filename):
    """An unguessable name: the original name (kept in `original_name`) may carry personal data."""
    return f"imports/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ImportJob(models.Model):
    """One upload through the import view: previewed, then confirmed, then run (inline or by Celery)."""

    class Status(models.TextChoices):
        PREVIEWING = "previewing", _("Pratinjau sedang disiapkan")
        PREVIEWED = "previewed", _("Pratinjau")
        QUEUED = "queued", _("Dalam antrean")
        RUNNING = "running", _("Sedang diproses")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")
        CANCELLED = "cancelled", _("Dibatalkan")

    kind = models.CharField(_("jenis data"), max_length=60)
    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="import_jobs"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diunggah oleh"), on_delete=models.SET_NULL, null=True
    )
    file = models.FileField(_("berkas"), upload_to=import_upload_path, storage=private_storage, blank=True)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED)
    total_rows = models.PositiveIntegerField(_("jumlah baris"), default=0)
    processed_rows = models.PositiveIntegerField(_("baris diproses"), default=0)
    summary = models.JSONField(_("ringkasan"), default=dict, blank=True)
    errors = models.JSONField(_("kesalahan"), default=list, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)
    # the last sign of life of the work on this job, committed with each status change (see services._set_status)
    status_changed_at = models.DateTimeField(_("status terakhir berubah"), null=True, blank=True)
    status_message = models.CharField(_("keterangan status"), max_length=500, blank=True)
    file_deleted_at = models.DateTimeField(_("berkas dihapus"), null=True, blank=True)

    class Meta:
        verbose_name = _("impor data")
        verbose_name_plural = _("impor data")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "status_changed_at"], name="portal_importjob_status_idx")]

    def __str__(self):
        return f"{self.kind} — {self.original_name}"

    @property
    def progress_percent(self):
        if not self.total_rows:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.processed_rows / self.total_rows))


class ImportJobTransition(TransitionRecord):
    """One step of an import job's history (previewed, queued, running, done, failed, retried, cancelled)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="transitions")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat impor")
        verbose_name_plural = _("riwayat impor")
