"""The yearly JP ledger: one entry per completed course, approved external learning or counted mentoring session,
so a year's JP is one indexed sum however the JP were earned."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord
from portal.private_storage import private_storage


def evidence_path(instance, filename):
    """An unguessable name: evidence is personal and is served only through the permission-checked view."""
    return f"kompetensi/bukti/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class ExternalLearning(models.Model):
    """Learning outside the catalogue that an employee claims JP for, with evidence; the supervisor or HR decides."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Menunggu persetujuan")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="external_learning"
    )
    bentuk = models.ForeignKey(
        "kompetensi.BentukPengembangan", verbose_name=_("bentuk pengembangan"), on_delete=models.PROTECT
    )
    title = models.CharField(_("nama kegiatan"), max_length=200)
    organiser = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    units = models.PositiveSmallIntegerField(
        _("jumlah satuan"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text=_("Jumlah hari, sesi, atau semester sesuai aturan konversi."),
    )
    jp_claimed = models.PositiveSmallIntegerField(
        _("JP yang diajukan"), validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    jp_approved = models.PositiveSmallIntegerField(_("JP disetujui"), null=True, blank=True)
    evidence = models.FileField(_("bukti"), upload_to=evidence_path, storage=private_storage)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diputuskan oleh"), on_delete=models.SET_NULL, null=True, blank=True
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decision_note = models.CharField(_("catatan keputusan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pembelajaran mandiri/eksternal")
        verbose_name_plural = _("pembelajaran mandiri/eksternal")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="external_dates_valid"
            )
        ]

    def __str__(self):
        return self.title


class ExternalLearningTransition(TransitionRecord):
    """One step of an external learning claim's history: submitted, approved or rejected, by whom and why."""

    external = models.ForeignKey(ExternalLearning, on_delete=models.CASCADE, related_name="transitions")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat pengajuan JP")
        verbose_name_plural = _("riwayat pengajuan JP")


class JPEntry(models.Model):
    class Source(models.TextChoices):
        COURSE = "course", _("Pelatihan")
        EXTERNAL = "external", _("Pembelajaran eksternal")
        MENTORING = "mentoring", _("Mentoring")

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="jp_entries"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    day = models.DateField(_("tanggal"))
    jp = models.PositiveSmallIntegerField(_("JP"))
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices)
    title = models.CharField(_("kegiatan"), max_length=255)
    enrolment = models.OneToOneField(
        "kompetensi.Enrolment", on_delete=models.CASCADE, null=True, blank=True, related_name="jp_entry"
    )
    external = models.OneToOneField(
        ExternalLearning, on_delete=models.CASCADE, null=True, blank=True, related_name="jp_entry"
    )
    mentoring_session = models.OneToOneField(
        "kompetensi.MentoringSession", on_delete=models.CASCADE, null=True, blank=True, related_name="jp_entry"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("catatan JP")
        verbose_name_plural = _("catatan JP")
        ordering = ["-day", "-pk"]
        indexes = [
            # with jp in the key, an employee's total of the year is read from the index alone: the compliance
            # report sums it for every employee of an instansi (tens of thousands) on each request
            models.Index(fields=["pegawai", "year", "jp"], name="jpentry_pegawai_year_jp"),
            models.Index(fields=["year", "pegawai"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    enrolment__isnull=False, external__isnull=True, mentoring_session__isnull=True, source="course"
                )
                | models.Q(
                    enrolment__isnull=True, external__isnull=False, mentoring_session__isnull=True, source="external"
                )
                | models.Q(
                    enrolment__isnull=True, external__isnull=True, mentoring_session__isnull=False, source="mentoring"
                ),
                name="jp_entry_one_source",
            )
        ]

    def __str__(self):
        return f"{self.pegawai_id} {self.year}: {self.jp} JP"
