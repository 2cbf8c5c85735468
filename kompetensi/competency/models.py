"""The competency dictionary, job standards, the append-only evidence ledger and the profile derived from it."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from portal.private_storage import private_storage

LEVELS = range(1, 6)
LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Competency(ClusterableModel):
    """One entry of the kamus kompetensi. Managerial and socio-cultural competencies are national (no instansi);
    technical ones belong to an instansi, optionally to one (functional) position."""

    class Group(models.TextChoices):
        TEKNIS = "teknis", _("Teknis")
        MANAJERIAL = "manajerial", _("Manajerial")
        SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")

    instansi = models.ForeignKey(
        "portal.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="competencies",
        help_text=_("Kosongkan untuk kompetensi nasional (manajerial dan sosial kultural)."),
    )
    jabatan = models.ForeignKey(
        "portal.Jabatan",
        verbose_name=_("khusus jabatan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="own_competencies",
        help_text=_("Untuk kompetensi teknis yang khas satu jabatan (misalnya jabatan fungsional)."),
    )
    group = models.CharField(_("kelompok"), max_length=20, choices=Group.choices)
    code = models.CharField(_("kode"), max_length=20, help_text=_("Misalnya M.01 atau T.KEU.01."))
    name = models.CharField(_("nama"), max_length=200)
    definition = models.TextField(_("definisi"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kamus kompetensi")
        ordering = ["group", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(instansi__isnull=True), name="competency_national_code"
            ),
            models.UniqueConstraint(fields=["instansi", "code"], name="competency_code_per_instansi"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class CompetencyLevel(models.Model):
    """What a level (1-5) of a competency means: a description and its behaviour indicators, one per line."""

    # a ParentalKey so the admin edits a competency with its levels in one form
    competency = ParentalKey(Competency, verbose_name=_("kompetensi"), on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    description = models.TextField(_("deskripsi level"), blank=True)
    indicators = models.TextField(_("indikator perilaku"), blank=True, help_text=_("Satu indikator per baris."))

    class Meta:
        verbose_name = _("level kompetensi")
        verbose_name_plural = _("level kompetensi")
        ordering = ["competency", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="competency_level_once"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="competency_level_1_5"),
        ]

    def __str__(self):
        return f"{self.competency.code} level {self.level}"

    @property
    def indicator_list(self):
        return [line.strip(" -•\t") for line in self.indicators.splitlines() if line.strip(" -•\t")]


class JobStandard(models.Model):
    """Standar kompetensi jabatan: the level of a competency that a position requires."""

    jabatan = models.ForeignKey(
        "portal.Jabatan", verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="competency_standards"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.CASCADE, related_name="standards"
    )
    required_level = models.PositiveSmallIntegerField(_("level yang dipersyaratkan"), validators=LEVEL_VALIDATORS)

    class Meta:
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        ordering = ["jabatan", "competency__group", "competency__order", "competency__code"]
        constraints = [
            models.UniqueConstraint(fields=["jabatan", "competency"], name="job_standard_once"),
            models.CheckConstraint(
                condition=models.Q(required_level__gte=1, required_level__lte=5), name="job_standard_level_1_5"
            ),
        ]

    def __str__(self):
        return f"{self.jabatan}: {self.competency.code} level {self.required_level}"


class MatchBand(models.Model):
    """A band of job-person match (>= 90 % optimal ...): the regulation default or the instansi's own
    (`portal.rule_tables`). A match falls in the band with the highest `min_percent` it reaches."""

    rule_key = ("code",)

    instansi = models.ForeignKey(
        "portal.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk aturan bawaan semua instansi."),
    )
    code = models.SlugField(_("kode"), max_length=30)
    name = models.CharField(_("nama"), max_length=60)
    min_percent = models.DecimalField(
        _("paling rendah (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("kategori kesesuaian jabatan")
        verbose_name_plural = _("kategori kesesuaian jabatan")
        ordering = ["-min_percent"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(instansi__isnull=True), name="match_band_default"
            ),
            models.UniqueConstraint(fields=["instansi", "code"], name="match_band_per_instansi"),
        ]

    def __str__(self):
        return f"{self.name} (>= {self.min_percent} %)"


def evidence_file_path(instance, filename):
    """An unguessable name: evidence is personal and served only through a permission-checked view."""
    return f"kompetensi/bukti-kompetensi/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class AppendOnlyError(Exception):
    pass


class Evidence(models.Model):
    """One entry of an employee's competency evidence ledger. Entries are never edited or deleted: a correction is a
    new entry that `supersedes` the old one; a supervisor's or HR's verdict on a claim is a new entry `review_of` it.
    The confirmed level is derived from the ledger (`competency.rules.confirmed_level`)."""

    class Source(models.TextChoices):
        ASSESSMENT_CENTER = "assessment_center", _("Assessment center")
        UJI_KOMPETENSI = "uji_kompetensi", _("Uji kompetensi")
        SUPERVISOR = "supervisor", _("Penilaian atasan")
        SELF = "self", _("Penilaian diri")
        COURSE = "course", _("Pelatihan selesai")
        MENTORING = "mentoring", _("Mentoring")
        EXTERNAL = "external", _("Pembelajaran eksternal")
        REVIEW = "review", _("Verifikasi atasan/SDM")

    class Decision(models.TextChoices):
        NONE = "", "—"
        CONFIRMED = "confirmed", _("Dikonfirmasi")
        REJECTED = "rejected", _("Tidak dikonfirmasi")

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="competency_evidence"
    )
    competency = models.ForeignKey(
        Competency, verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="evidence"
    )
    source = models.CharField(_("sumber"), max_length=20, choices=Source.choices)
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    observed_on = models.DateField(_("tanggal"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)
    note = models.CharField(_("catatan"), max_length=500, blank=True)
    link = models.URLField(_("tautan bukti"), blank=True)
    attachment = models.FileField(
        _("lampiran"), upload_to=evidence_file_path, storage=private_storage, blank=True, max_length=200
    )
    # what produced it (e.g. "enrolment:12"), so the same completion never adds evidence twice
    reference = models.CharField(_("rujukan"), max_length=60, blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("mengoreksi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    # a foreign key, not one-to-one: a corrected verdict is a second entry about the same claim
    review_of = models.ForeignKey(
        "self",
        verbose_name=_("verifikasi atas"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
    )
    decision = models.CharField(_("keputusan"), max_length=10, choices=Decision.choices, blank=True, default="")

    class Meta:
        verbose_name = _("bukti kompetensi")
        verbose_name_plural = _("bukti kompetensi")
        ordering = ["-observed_on", "-recorded_at", "-pk"]
        indexes = [models.Index(fields=["pegawai", "competency"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="evidence_level_1_5"),
            models.CheckConstraint(
                condition=(models.Q(source="review", review_of__isnull=False) & ~models.Q(decision=""))
                | (~models.Q(source="review") & models.Q(review_of__isnull=True, decision="")),
                name="evidence_review_shape",
            ),
            models.UniqueConstraint(
                fields=["review_of"],
                condition=models.Q(review_of__isnull=False, supersedes__isnull=True),
                name="evidence_one_verdict_per_claim",
            ),
            models.UniqueConstraint(
                fields=["pegawai", "competency", "reference"],
                condition=~models.Q(reference=""),
                name="evidence_reference_once",
            ),
        ]

    def __str__(self):
        return f"{self.pegawai_id} {self.competency_id}: {self.get_source_display()} level {self.level}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("competency evidence is append-only: record a correction instead")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("competency evidence is append-only: record a correction instead")


class CompetencyProfile(models.Model):
    """The confirmed level of one competency of one employee: a projection of the ledger, rewritten by the
    evidence services only, so gaps, heatmaps and recommendations read one row instead of the whole history."""

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="competency_profile"
    )
    competency = models.ForeignKey(Competency, verbose_name=_("kompetensi"), on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(_("level terkonfirmasi"), validators=LEVEL_VALIDATORS)
    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil kompetensi")
        verbose_name_plural = _("profil kompetensi")
        constraints = [models.UniqueConstraint(fields=["pegawai", "competency"], name="competency_profile_once")]
        indexes = [models.Index(fields=["competency", "level"])]

    def __str__(self):
        return f"{self.pegawai_id} {self.competency_id}: {self.level}"
