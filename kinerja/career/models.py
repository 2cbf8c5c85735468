"""Promotion in rank (kenaikan pangkat): the rules as data (regulation defaults, overridable per instansi through
`portal.rule_tables`), the promotion calendars, and the nightly snapshot of each employee's eligibility."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from portal.models import Pegawai

from ..evaluation.models import Predikat, Rating


class Calendar(models.TextChoices):
    MONTHLY_2025 = "bulanan_2025", _("Setiap tanggal 1 tiap bulan (Peraturan BKN 4/2025)")
    SIX_2023 = "enam_periode_2023", _("Enam periode setahun: 1 Februari, April, Juni, Agustus, Oktober, Desember")


def _instansi_field():
    return models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True,
        help_text=_("Kosongkan untuk aturan bawaan semua instansi."),
    )  # fmt: skip


class PromotionRule(models.Model):
    """The thresholds of regular promotion and the calendar in force: one default row (no instansi) and at most one
    row per instansi that overrides it."""

    rule_key = ()

    instansi = _instansi_field()
    calendar = models.CharField(
        _("kalender periode kenaikan pangkat"), max_length=20, choices=Calendar.choices, default=Calendar.MONTHLY_2025
    )
    years_in_rank = models.PositiveSmallIntegerField(_("masa dalam pangkat (tahun)"), default=4)
    years_in_rank_functional = models.PositiveSmallIntegerField(
        _("masa dalam pangkat jabatan fungsional (tahun)"), default=2,
        help_text=_("Berlaku bila angka kredit yang dipersyaratkan sudah terpenuhi."),
    )  # fmt: skip
    predikat_years = models.PositiveSmallIntegerField(_("jumlah tahun predikat yang dinilai"), default=2)
    predikat_accepted = models.CharField(
        _("predikat yang memenuhi"), max_length=120, default="SANGAT_BAIK,BAIK",
        help_text=_("Kode predikat dipisah koma."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("aturan kenaikan pangkat")
        verbose_name_plural = _("aturan kenaikan pangkat")
        ordering = ["instansi_id"]
        constraints = [
            # one default row (instansi empty, counted as 0) and one row per instansi
            models.UniqueConstraint(Coalesce("instansi", 0), name="promotion_rule_once"),
        ]

    def __str__(self):
        return str(self.instansi or _("Aturan bawaan"))

    @property
    def accepted(self) -> frozenset[str]:
        return frozenset(code.strip() for code in self.predikat_accepted.split(",") if code.strip())


class PromotionPeriodDay(models.Model):
    """One promotion date of a calendar (month and day), loaded from the regulation by a data migration."""

    calendar = models.CharField(_("kalender"), max_length=20, choices=Calendar.choices)
    month = models.PositiveSmallIntegerField(_("bulan"))
    day = models.PositiveSmallIntegerField(_("tanggal"), default=1)

    class Meta:
        verbose_name = _("tanggal periode kenaikan pangkat")
        verbose_name_plural = _("tanggal periode kenaikan pangkat")
        ordering = ["calendar", "month"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "month"], name="promotion_period_day_once"),
            models.CheckConstraint(condition=models.Q(month__gte=1, month__lte=12, day__gte=1, day__lte=28),
                                   name="promotion_period_day_valid"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.calendar}: {self.day}/{self.month}"


class EducationCap(models.Model):
    """The highest golongan a regular promotion reaches with an education level (PP 99/2000 jo PP 12/2002)."""

    rule_key = ("pendidikan",)

    instansi = _instansi_field()
    pendidikan = models.CharField(_("pendidikan terakhir"), max_length=3, choices=Pegawai.Pendidikan.choices)
    golongan = models.ForeignKey(
        "portal.Pangkat", verbose_name=_("golongan tertinggi"), on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"kind": "PNS"},
    )  # fmt: skip

    class Meta:
        verbose_name = _("batas pangkat menurut pendidikan")
        verbose_name_plural = _("batas pangkat menurut pendidikan")
        ordering = ["instansi_id", "golongan__order"]
        constraints = [
            models.UniqueConstraint(fields=["pendidikan"], condition=models.Q(instansi__isnull=True),
                                    name="education_cap_default"),
            models.UniqueConstraint(fields=["instansi", "pendidikan"], name="education_cap_per_instansi"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.get_pendidikan_display()}: {self.golongan.golongan_ruang}"


class AngkaKreditRule(models.Model):
    """The cumulative angka kredit a functional official of a golongan needs for the next rank."""

    rule_key = ("golongan",)

    instansi = _instansi_field()
    golongan = models.ForeignKey(
        "portal.Pangkat", verbose_name=_("golongan saat ini"), on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"kind": "PNS"},
    )  # fmt: skip
    angka_kredit = models.DecimalField(_("angka kredit kumulatif"), max_digits=7, decimal_places=3)

    class Meta:
        verbose_name = _("angka kredit kenaikan pangkat")
        verbose_name_plural = _("angka kredit kenaikan pangkat")
        ordering = ["instansi_id", "golongan__order"]
        constraints = [
            models.UniqueConstraint(fields=["golongan"], condition=models.Q(instansi__isnull=True),
                                    name="angka_kredit_rule_default"),
            models.UniqueConstraint(fields=["instansi", "golongan"], name="angka_kredit_rule_per_instansi"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.golongan.golongan_ruang}: {self.angka_kredit}"


class EligibilitySnapshot(models.Model):
    """What the nightly job found for an employee and a promotion date, kept so that a change can be noticed."""

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="eligibility_snapshots"
    )
    period_date = models.DateField(_("periode kenaikan pangkat"))
    eligible = models.BooleanField(_("memenuhi syarat"))
    reasons = models.JSONField(_("alasan"), default=list)
    computed_at = models.DateTimeField(_("dihitung"), auto_now=True)

    class Meta:
        verbose_name = _("cuplikan kelayakan kenaikan pangkat")
        verbose_name_plural = _("cuplikan kelayakan kenaikan pangkat")
        ordering = ["-period_date", "pegawai_id"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "period_date"], name="eligibility_snapshot_once"),
        ]

    def __str__(self):
        return f"{self.pegawai_id} {self.period_date}: {self.eligible}"


class ImportedAnnualResult(models.Model):
    """The final annual result of a year before Lentera, as the national system (SIASN / e-Kinerja BKN) records it,
    imported by HR so that promotion eligibility sees the predikat of the years it needs. Kept here, where it is
    read; written only by `kinerja.exchange.services`. A final annual evaluation in Lentera for the same year wins."""

    class Source(models.TextChoices):
        SIASN = "siasn", _("SIASN BKN")
        E_KINERJA = "e_kinerja", _("e-Kinerja BKN")
        OTHER = "lainnya", _("Dokumen lain")

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="imported_results"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    rating_hasil_kerja = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices, blank=True)
    rating_perilaku_kerja = models.CharField(
        _("rating perilaku kerja"), max_length=10, choices=Rating.choices, blank=True
    )
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices)
    evaluator_nip = models.CharField(_("NIP pejabat penilai"), max_length=30, blank=True)
    evaluator_name = models.CharField(_("nama pejabat penilai"), max_length=200, blank=True)
    source = models.CharField(_("sumber"), max_length=12, choices=Source.choices, default=Source.SIASN)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diimpor oleh"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    imported_at = models.DateTimeField(_("diimpor"), auto_now=True)

    class Meta:
        verbose_name = _("hasil kinerja tahunan impor")
        verbose_name_plural = _("hasil kinerja tahunan impor")
        ordering = ["pegawai_id", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "year"], name="imported_result_once_a_year"),
            models.CheckConstraint(condition=~models.Q(predikat=""), name="imported_result_has_predikat"),
        ]

    def __str__(self):
        return f"{self.pegawai} {self.year}: {self.get_predikat_display()}"
