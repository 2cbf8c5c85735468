"""Talent management (PermenPANRB 3/2020): the 9-box numbering with its recommended actions and the thresholds of the
potensial axis as rule tables (regulation defaults, overridable per instansi through `portal.rule_tables`), the
potential assessments HR records, the nightly placement of each employee, and the succession plans of key
positions with their candidates."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ..evaluation.models import Rating
from . import rules


class Potensial(models.TextChoices):
    TINGGI = rules.TINGGI, _("Tinggi")
    MENENGAH = rules.MENENGAH, _("Menengah")
    RENDAH = rules.RENDAH, _("Rendah")


class Readiness(models.TextChoices):
    NOW = "siap_sekarang", _("Siap sekarang")
    ONE_TWO = "1_2_tahun", _("Siap 1–2 tahun")
    LATER = "lebih_2_tahun", _("Siap lebih dari 2 tahun")


def _instansi_field():
    return models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True,
        help_text=_("Kosongkan untuk aturan bawaan semua instansi."),
    )  # fmt: skip


PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class TalentBox(models.Model):
    """One cell of the 9-box: its number, name, recommended actions and whether it belongs to the talent pool
    (kelompok rencana suksesi). The defaults follow PermenPANRB 3/2020; an instansi that numbers differently
    overrides the cells it needs."""

    rule_key = ("kinerja", "potensial")

    instansi = _instansi_field()
    kinerja = models.CharField(_("kinerja"), max_length=10, choices=Rating.choices)
    potensial = models.CharField(_("potensial"), max_length=10, choices=Potensial.choices)
    number = models.PositiveSmallIntegerField(_("nomor kotak"), validators=[MinValueValidator(1), MaxValueValidator(9)])
    name = models.CharField(_("nama kotak"), max_length=60, blank=True)
    recommendations = models.TextField(
        _("rekomendasi tindak lanjut"), help_text=_("Pisahkan setiap tindak lanjut dengan titik koma.")
    )
    in_pool = models.BooleanField(
        _("masuk kelompok talenta"), default=False,
        help_text=_("Pegawai di kotak ini menjadi calon kelompok rencana suksesi."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("kotak talenta")
        verbose_name_plural = _("kotak talenta (9-box)")
        ordering = ["instansi_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["kinerja", "potensial"], condition=models.Q(instansi__isnull=True),
                                    name="talent_box_default"),
            models.UniqueConstraint(fields=["instansi", "kinerja", "potensial"], name="talent_box_per_instansi"),
            models.CheckConstraint(condition=models.Q(number__gte=1, number__lte=9), name="talent_box_number_1_9"),
        ]  # fmt: skip

    def __str__(self):
        return f"{_('Kotak')} {self.number}: {self.get_kinerja_display()} / {self.get_potensial_display()}"

    def as_rule(self) -> rules.Box:
        return rules.Box(
            number=self.number, kinerja=self.kinerja, potensial=self.potensial, name=self.name,
            actions=rules.split_actions(self.recommendations), in_pool=self.in_pool,
        )  # fmt: skip


class TalentRule(models.Model):
    """Where the potensial levels start, the weight of the assessment against the competency match, the years of
    predikat looked at and which predikat count as which kinerja level: one default row and at most one per
    instansi."""

    rule_key = ()

    instansi = _instansi_field()
    tinggi_min = models.DecimalField(
        _("potensial tinggi mulai"), max_digits=5, decimal_places=2, default=90, validators=PERCENT
    )
    menengah_min = models.DecimalField(
        _("potensial menengah mulai"), max_digits=5, decimal_places=2, default=78, validators=PERCENT
    )
    assessment_weight = models.PositiveSmallIntegerField(
        _("bobot asesmen potensi (%)"), default=60, validators=PERCENT,
        help_text=_("Kesesuaian kompetensi berbobot sisanya. Bila salah satu tidak ada, yang ada dihitung penuh."),
    )  # fmt: skip
    kinerja_years = models.PositiveSmallIntegerField(
        _("tahun predikat yang dilihat"), default=2, validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Predikat tahunan final terbaru dalam sekian tahun terakhir menentukan sumbu kinerja."),
    )  # fmt: skip
    predikat_di_atas = models.CharField(
        _("predikat kinerja di atas ekspektasi"), max_length=120, default="SANGAT_BAIK",
        help_text=_("Kode predikat dipisah koma."),
    )  # fmt: skip
    predikat_sesuai = models.CharField(
        _("predikat kinerja sesuai ekspektasi"), max_length=120, default="BAIK",
        help_text=_("Kode predikat dipisah koma; predikat lainnya di bawah ekspektasi."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("aturan pemetaan talenta")
        verbose_name_plural = _("aturan pemetaan talenta")
        ordering = ["instansi_id"]
        constraints = [
            models.UniqueConstraint(Coalesce("instansi", 0), name="talent_rule_once"),
            models.CheckConstraint(condition=models.Q(menengah_min__lte=models.F("tinggi_min")),
                                   name="talent_rule_thresholds_ordered"),
            models.CheckConstraint(condition=models.Q(assessment_weight__lte=100), name="talent_rule_weight_100"),
        ]  # fmt: skip

    def __str__(self):
        return str(self.instansi or _("Aturan bawaan"))

    @staticmethod
    def _codes(value):
        return frozenset(code.strip() for code in value.split(",") if code.strip())

    def as_rule(self) -> rules.Thresholds:
        return rules.Thresholds(
            tinggi_min=self.tinggi_min, menengah_min=self.menengah_min, assessment_weight=self.assessment_weight,
            kinerja_years=self.kinerja_years, predikat_di_atas=self._codes(self.predikat_di_atas),
            predikat_sesuai=self._codes(self.predikat_sesuai),
        )  # fmt: skip


class PotentialAssessment(models.Model):
    """A result of a potential assessment (asesmen potensi, 0-100) of an employee, entered or imported by HR; one
    per employee and date (a second entry for the same date corrects it)."""

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="potential_assessments"
    )
    assessed_on = models.DateField(_("tanggal asesmen"))
    score = models.DecimalField(_("nilai potensi"), max_digits=5, decimal_places=2, validators=PERCENT)
    lembaga = models.CharField(_("lembaga/asesor"), max_length=200, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    recorded_at = models.DateTimeField(_("dicatat"), auto_now=True)

    class Meta:
        verbose_name = _("hasil asesmen potensi")
        verbose_name_plural = _("hasil asesmen potensi")
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "assessed_on"], name="potential_assessment_once_a_day"),
            models.CheckConstraint(condition=models.Q(score__gte=0, score__lte=100), name="potential_score_0_100"),
        ]

    def __str__(self):
        return f"{self.pegawai_id} {self.assessed_on}: {self.score}"


class TalentPlacement(models.Model):
    """Where the nightly job placed an employee, with the inputs as evidence; kept so that a change is noticed.
    `box` is empty while the employee cannot be mapped (`reason` says why). Pages read the cell (kinerja,
    potensial) and look its box up in the numbering in force, so a renumbering shows at once; `box` keeps the
    number of the last run."""

    pegawai = models.OneToOneField(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="talent_placement"
    )
    box = models.PositiveSmallIntegerField(_("kotak"), null=True, blank=True)
    kinerja = models.CharField(_("kinerja"), max_length=10, choices=Rating.choices, blank=True)
    potensial = models.CharField(_("potensial"), max_length=10, choices=Potensial.choices, blank=True)
    score = models.DecimalField(_("nilai potensial"), max_digits=5, decimal_places=2, null=True, blank=True)
    reason = models.CharField(_("alasan belum dipetakan"), max_length=500, blank=True)
    evidence = models.JSONField(_("bukti"), default=dict)
    computed_at = models.DateTimeField(_("dihitung"))
    changed_at = models.DateTimeField(_("kotak berubah"))

    class Meta:
        verbose_name = _("penempatan talenta")
        verbose_name_plural = _("penempatan talenta")
        ordering = ["-box", "pegawai_id"]
        indexes = [models.Index(fields=["kinerja", "potensial"])]

    def __str__(self):
        return f"{self.pegawai_id}: {self.box or '-'}"


class SuccessionPlan(models.Model):
    """A key position of the instansi (a jabatan, optionally in one unit) with the candidates prepared for it
    (kelompok rencana suksesi)."""

    instansi = models.ForeignKey("portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE)
    jabatan = models.ForeignKey(
        "portal.Jabatan", verbose_name=_("jabatan kunci"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "portal.UnitKerja", verbose_name=_("unit kerja"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    note = models.TextField(_("catatan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("rencana suksesi")
        verbose_name_plural = _("rencana suksesi")
        ordering = ["jabatan__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["jabatan", "unit"], name="succession_plan_once"),
            models.UniqueConstraint(fields=["jabatan"], condition=models.Q(unit__isnull=True),
                                    name="succession_plan_once_without_unit"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.jabatan}" + (f" ({self.unit})" if self.unit_id else "")


class SuccessionCandidate(models.Model):
    """A candidate for a key position, normally from the talent pool; one outside the pool carries HR's reason."""

    plan = models.ForeignKey(
        SuccessionPlan, verbose_name=_("rencana suksesi"), on_delete=models.CASCADE, related_name="candidates"
    )
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="succession_candidacies"
    )
    readiness = models.CharField(_("kesiapan"), max_length=15, choices=Readiness.choices)
    note = models.TextField(_("catatan"), blank=True)
    box = models.PositiveSmallIntegerField(_("kotak saat diusulkan"), null=True, blank=True)
    outside_pool_reason = models.TextField(_("alasan di luar kelompok talenta"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diusulkan oleh"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    added_at = models.DateTimeField(_("diusulkan"), auto_now_add=True)

    class Meta:
        verbose_name = _("kandidat suksesi")
        verbose_name_plural = _("kandidat suksesi")
        ordering = ["plan", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "pegawai"], name="succession_candidate_once")]

    def __str__(self):
        return f"{self.plan_id}: {self.pegawai_id}"
