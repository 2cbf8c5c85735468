"""Doing the work: the daily progress log against an RHK, bukti dukung per RHK and periodic window, and dialog
kinerja between a supervisor and an employee."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.private_storage import private_storage


def progress_path(instance, filename):
    """An unguessable name: attachments are personal and served only through the permission-checked view."""
    return f"kinerja/progres/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


def evidence_path(instance, filename):
    return f"kinerja/bukti/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class ProgressEntry(models.Model):
    """Progres harian: what the employee did on one day against one RHK of their approved SKP. It feeds the bukti
    dukung of the window the day falls in, and is locked once that window's evaluation is final."""

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="progress_entries"
    )
    rhk = models.ForeignKey(
        "kinerja.Rhk", verbose_name=_("RHK"), on_delete=models.CASCADE, related_name="progress_entries"
    )
    day = models.DateField(_("tanggal"))
    text = models.TextField(_("yang dikerjakan"))
    quantity = models.DecimalField(_("jumlah"), max_digits=9, decimal_places=2, null=True, blank=True)
    link = models.URLField(_("tautan"), max_length=500, blank=True)
    attachment = models.FileField(
        _("lampiran"), upload_to=progress_path, storage=private_storage, blank=True, max_length=200
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("progres harian")
        verbose_name_plural = _("progres harian")
        ordering = ["-day", "-created_at", "-pk"]
        indexes = [models.Index(fields=["pegawai", "day"]), models.Index(fields=["rhk", "day"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__isnull=True) | models.Q(quantity__gte=0), name="progress_quantity_positive"
            )
        ]

    def __str__(self):
        return f"{self.day}: {self.text[:60]}"


class RhkEvidence(models.Model):
    """Bukti dukung: a file or a link attached to an RHK for one periodic window (Triwulan)."""

    rhk = models.ForeignKey("kinerja.Rhk", verbose_name=_("RHK"), on_delete=models.CASCADE, related_name="evidence")
    window = models.ForeignKey(
        "kinerja.EvaluationWindow", verbose_name=_("periode evaluasi"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("keterangan"), max_length=200)
    file = models.FileField(_("berkas"), upload_to=evidence_path, storage=private_storage, blank=True, max_length=200)
    link = models.URLField(_("tautan"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ditambahkan oleh"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("ditambahkan"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["rhk", "window", "created_at", "pk"]
        indexes = [models.Index(fields=["rhk", "window"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(file="") | ~models.Q(link=""), name="evidence_file_or_link")
        ]

    def __str__(self):
        return self.title


class Dialog(models.Model):
    """Dialog kinerja: a meeting a supervisor plans with one of their direct reports, on expectations and progress.
    Visible to those two and nobody else."""

    supervisor = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("atasan"), on_delete=models.CASCADE, related_name="dialogs_led"
    )
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="dialogs"
    )
    planned_on = models.DateField(_("tanggal rencana"))
    agenda = models.TextField(_("agenda"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("direncanakan oleh"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("direncanakan"), auto_now_add=True)

    class Meta:
        verbose_name = _("dialog kinerja")
        verbose_name_plural = _("dialog kinerja")
        ordering = ["-planned_on", "-pk"]
        indexes = [models.Index(fields=["pegawai", "planned_on"]), models.Index(fields=["supervisor", "planned_on"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(supervisor=models.F("pegawai")), name="dialog_not_with_self")
        ]

    def __str__(self):
        return f"Dialog kinerja {self.pegawai} {self.planned_on}"


class DialogNote(models.Model):
    dialog = models.ForeignKey(Dialog, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("penulis"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("catatan"))
    created_at = models.DateTimeField(_("ditulis"), auto_now_add=True)

    class Meta:
        verbose_name = _("catatan dialog")
        verbose_name_plural = _("catatan dialog")
        ordering = ["dialog", "created_at", "pk"]


class FollowUp(models.Model):
    """A follow-up agreed in a dialog, done or not yet."""

    dialog = models.ForeignKey(Dialog, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.CharField(_("tindak lanjut"), max_length=300)
    done = models.BooleanField(_("selesai"), default=False)
    done_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    created_by = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("dicatat oleh"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("tindak lanjut dialog")
        verbose_name_plural = _("tindak lanjut dialog")
        ordering = ["dialog", "created_at", "pk"]

    def __str__(self):
        return self.text
