"""The HR service desk (layanan kepegawaian online): request types as a rule table (the defaults for every instansi,
which an instansi overrides or adds to), each with its documents checklist and SLA in working days; an employee's
request with its documents, the Lentera evidence attached at filing, its history, the messages between the employee
and HR, HR's internal notes (kept apart so that no employee's page or export can reach them) and the survey."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from portal.models import TransitionRecord
from portal.private_storage import private_storage

from . import rules

SLA_MAX_DAYS = 60


class RequestType(ClusterableModel):
    """A kind of request HR serves: the regulation's default (no instansi) or the instansi's own; an instansi's row
    with a default's code replaces it for that instansi (`portal.rule_tables`)."""

    rule_key = ("code",)

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="+", help_text=_("Kosongkan untuk jenis layanan bawaan semua instansi."),
    )  # fmt: skip
    code = models.SlugField(
        _("kode"), max_length=40,
        help_text=_("Kode yang sama dengan jenis bawaan menggantikannya untuk instansi Anda."),
    )  # fmt: skip
    name = models.CharField(_("nama layanan"), max_length=100)
    description = models.TextField(_("keterangan untuk pegawai"), blank=True)
    sla_days = models.PositiveSmallIntegerField(
        _("SLA (hari kerja)"), validators=[MinValueValidator(1), MaxValueValidator(SLA_MAX_DAYS)],
        help_text=_("Hari kerja sejak diajukan, tanpa Sabtu, Minggu, dan hari libur."),
    )  # fmt: skip
    attaches_evidence = models.BooleanField(
        _("lampirkan data Lentera"), default=False,
        help_text=_("SKP, pelatihan, dan kompetensi pegawai dilampirkan otomatis saat diajukan, bukan diunggah."),
    )  # fmt: skip
    is_active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis layanan SDM")
        verbose_name_plural = _("jenis layanan SDM")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(instansi__isnull=True), name="service_type_default"
            ),
            models.UniqueConstraint(fields=["instansi", "code"], name="service_type_per_instansi"),
            models.CheckConstraint(
                condition=models.Q(sla_days__gte=1, sla_days__lte=SLA_MAX_DAYS), name="service_type_sla_range"
            ),
        ]

    def __str__(self):
        return self.name


class ChecklistItem(Orderable):
    request_type = ParentalKey(RequestType, on_delete=models.CASCADE, related_name="checklist")
    name = models.CharField(_("dokumen"), max_length=150)
    required = models.BooleanField(_("wajib"), default=True)

    class Meta(Orderable.Meta):
        verbose_name = _("dokumen persyaratan")
        verbose_name_plural = _("dokumen persyaratan")

    def __str__(self):
        return self.name


class ServiceRequest(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = rules.SUBMITTED, _("Diajukan")
        IN_PROGRESS = rules.IN_PROGRESS, _("Diproses")
        WAITING = rules.WAITING, _("Menunggu pegawai")
        COMPLETED = rules.COMPLETED, _("Selesai")
        REJECTED = rules.REJECTED, _("Ditolak")

    instansi = models.ForeignKey("portal.Instansi", on_delete=models.CASCADE, related_name="+")
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="service_requests"
    )
    request_type = models.ForeignKey(
        RequestType, verbose_name=_("jenis layanan"), on_delete=models.PROTECT, related_name="requests"
    )
    description = models.TextField(_("uraian permohonan"))
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.SUBMITTED)
    status_changed_at = models.DateTimeField(_("status berubah"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    # the day of filing in the instansi's time zone, and the SLA as it was then: a later edit of the type changes
    # no deadline already promised
    submitted_on = models.DateField(_("tanggal pengajuan"))
    sla_days = models.PositiveSmallIntegerField(_("SLA (hari kerja)"))
    paused_days = models.PositiveSmallIntegerField(_("hari kerja menunggu pegawai"), default=0)
    due_on = models.DateField(_("batas waktu"))
    waiting_since = models.DateTimeField(_("menunggu pegawai sejak"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("petugas"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    first_response_at = models.DateTimeField(_("tanggapan pertama"), null=True, blank=True)
    closed_at = models.DateTimeField(_("selesai diproses"), null=True, blank=True)
    closing_note = models.TextField(_("catatan penyelesaian"), blank=True)
    evidence = models.JSONField(_("data Lentera yang dilampirkan"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("permohonan layanan SDM")
        verbose_name_plural = _("permohonan layanan SDM")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["instansi", "status"]),
            models.Index(fields=["pegawai", "status"]),
            models.Index(fields=["instansi", "submitted_on"]),
        ]

    def __str__(self):
        return f"#{self.pk} {self.request_type}"

    @property
    def is_open(self):
        return self.status in rules.OPEN

    @property
    def number(self):
        return f"LYN-{self.submitted_on:%Y}-{self.pk:05d}"


class RequestTransition(TransitionRecord):
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="history")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat permohonan layanan")
        verbose_name_plural = _("riwayat permohonan layanan")


def document_path(instance, filename):
    """An unguessable name: the documents are personal and served only through the permission-checked view."""
    return f"kinerja/layanan/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class RequestDocument(models.Model):
    """A document uploaded for one item of the type's checklist (its name kept as it was asked)."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="documents")
    item_name = models.CharField(_("dokumen"), max_length=150)
    file = models.FileField(_("berkas"), upload_to=document_path, storage=private_storage, max_length=200)
    original_name = models.CharField(_("nama berkas"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diunggah oleh"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    uploaded_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen permohonan")
        verbose_name_plural = _("dokumen permohonan")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.item_name}: {self.original_name}"


class RequestMessage(models.Model):
    """A message between the employee and HR, seen by both."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pengirim"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_hr = models.BooleanField(_("dari Admin SDM"), default=False)
    body = models.TextField(_("pesan"))
    created_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    class Meta:
        verbose_name = _("pesan permohonan")
        verbose_name_plural = _("pesan permohonan")
        ordering = ["created_at", "pk"]


class InternalNote(models.Model):
    """HR's working note on a request: never shown to the employee (a separate table, so no employee's query can
    select it by forgetting a filter)."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="internal_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penulis"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("catatan internal"))
    created_at = models.DateTimeField(_("ditulis"), auto_now_add=True)

    class Meta:
        verbose_name = _("catatan internal")
        verbose_name_plural = _("catatan internal")
        ordering = ["created_at", "pk"]


class SurveyAnswer(models.Model):
    """The employee's satisfaction with a completed request: once, 1 to 5 stars."""

    request = models.OneToOneField(ServiceRequest, on_delete=models.CASCADE, related_name="survey")
    rating = models.PositiveSmallIntegerField(_("nilai"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("komentar"), blank=True)
    answered_at = models.DateTimeField(_("dijawab"), auto_now_add=True)

    class Meta:
        verbose_name = _("survei kepuasan layanan")
        verbose_name_plural = _("survei kepuasan layanan")
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="service_survey_rating")
        ]
