"""Calibration of a period's results per unit or instansi, and the distribution rules it is measured against."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..evaluation.models import Predikat
from .rules import Rule


class OrganisationRating(models.TextChoices):
    ISTIMEWA = "ISTIMEWA", _("Istimewa")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG = "KURANG", _("Kurang")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")


class DistributionRule(models.Model):
    """One rule of the distribution expected for an organisation rating: the regulation default (no instansi) or
    the instansi's own (`portal.rule_tables`)."""

    rule_key = ("organisation_rating", "predikat_group")

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True,
        help_text=_("Kosongkan untuk aturan bawaan semua instansi."),
    )  # fmt: skip
    organisation_rating = models.CharField(
        _("predikat kinerja organisasi"), max_length=20, choices=OrganisationRating.choices
    )
    predikat_group = models.CharField(
        _("predikat pegawai"),
        max_length=120,
        help_text=_("Kode predikat dipisah koma, misalnya BUTUH_PERBAIKAN,KURANG."),
    )
    minimum_percent = models.PositiveSmallIntegerField(
        _("paling sedikit (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    maximum_percent = models.PositiveSmallIntegerField(
        _("paling banyak (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    at_least_one = models.BooleanField(_("harus ada paling sedikit satu"), default=False)

    class Meta:
        verbose_name = _("aturan distribusi predikat")
        verbose_name_plural = _("aturan distribusi predikat")
        ordering = ["instansi_id", "organisation_rating", "predikat_group"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_rating", "predikat_group"],
                condition=models.Q(instansi__isnull=True),
                name="distribution_rule_default",
            ),
            models.UniqueConstraint(
                fields=["instansi", "organisation_rating", "predikat_group"], name="distribution_rule_per_instansi"
            ),
        ]

    def __str__(self):
        return f"{self.get_organisation_rating_display()}: {self.describe()}"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code.strip() for code in self.predikat_group.split(",") if code.strip())

    def as_rule(self) -> Rule:
        return Rule(self.codes, self.minimum_percent, self.maximum_percent, self.at_least_one)

    def describe(self) -> str:
        return describe(self.as_rule())

    def clean(self):
        unknown = [code for code in self.codes if code not in Predikat.values]
        if not self.codes or unknown:
            raise ValidationError(
                {"predikat_group": _("Gunakan kode predikat: %(codes)s.") % {"codes": ", ".join(Predikat.values)}}
            )
        self.predikat_group = ",".join(self.codes)
        if self.minimum_percent is None and self.maximum_percent is None and not self.at_least_one:
            raise ValidationError(_("Isi batas paling sedikit, paling banyak, atau wajib ada."))
        if (
            self.minimum_percent is not None
            and self.maximum_percent is not None
            and self.minimum_percent > self.maximum_percent
        ):
            raise ValidationError({"minimum_percent": _("Batas paling sedikit melebihi batas paling banyak.")})


def predikat_names(codes) -> str:
    labels = dict(Predikat.choices)
    return " / ".join(str(labels.get(code, code)) for code in codes)


def describe(rule: Rule) -> str:
    """The rule in the words of the annex: "Sangat Baik paling banyak 70%"."""
    names = predikat_names(rule.predikat)
    parts = []
    if rule.minimum is not None:
        parts.append(_("paling sedikit %(n)s%%") % {"n": rule.minimum})
    if rule.maximum == 0:
        parts.append(_("tidak boleh ada"))
    elif rule.maximum is not None:
        parts.append(_("paling banyak %(n)s%%") % {"n": rule.maximum})
    if rule.at_least_one:
        parts.append(_("harus ada"))
    return f"{names} {', '.join(str(part) for part in parts)}"


class Calibration(models.Model):
    """The calibration of one period's annual (or one window's periodic) results for a unit or the whole instansi,
    by HR and Pimpinan against the organisation's rating."""

    class Status(models.TextChoices):
        OPEN = "open", _("Berjalan")
        CLOSED = "closed", _("Selesai")

    period = models.ForeignKey(
        "kinerja.PerformancePeriod", verbose_name=_("periode kinerja"), on_delete=models.CASCADE,
        related_name="calibrations",
    )  # fmt: skip
    window = models.ForeignKey(
        "kinerja.EvaluationWindow", verbose_name=_("evaluasi periodik"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+", help_text=_("Kosongkan untuk Evaluasi Kinerja Tahunan."),
    )  # fmt: skip
    unit = models.ForeignKey(
        "portal.UnitKerja", verbose_name=_("unit kerja"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", help_text=_("Kosongkan untuk seluruh instansi."),
    )  # fmt: skip
    organisation_rating = models.CharField(
        _("predikat kinerja organisasi"), max_length=20, choices=OrganisationRating.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(_("catatan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuka oleh"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuka"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        verbose_name = _("kalibrasi kinerja")
        verbose_name_plural = _("kalibrasi kinerja")
        ordering = ["-created_at"]

    def __str__(self):
        scope = self.unit.name if self.unit_id else self.period.instansi.name
        return f"{scope} {self.period.year}"

    @property
    def label(self):
        return self.window.label if self.window_id else str(_("Evaluasi Kinerja Tahunan"))


class CalibrationChange(models.Model):
    """One change during calibration: the organisation rating or an employee's ratings, with the state before and
    after and the reason. Append-only."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Predikat organisasi")
        EVALUATION = "evaluation", _("Penilaian pegawai")

    calibration = models.ForeignKey(Calibration, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    evaluation = models.ForeignKey(
        "kinerja.Evaluation", verbose_name=_("evaluasi"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="calibration_changes",
    )  # fmt: skip
    before = models.JSONField(_("sebelum"), default=dict)
    after = models.JSONField(_("sesudah"), default=dict)
    reason = models.TextField(_("alasan"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("perubahan kalibrasi")
        verbose_name_plural = _("perubahan kalibrasi")
        ordering = ["-at", "-pk"]
