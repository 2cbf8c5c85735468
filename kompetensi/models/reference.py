"""Regulation data as editable tables, loaded with the regulation's defaults by a data migration."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class BentukPengembangan(models.Model):
    """A form of competency development (pelatihan klasikal / nonklasikal / pendidikan)."""

    class Jenis(models.TextChoices):
        PENDIDIKAN = "pendidikan", _("Pendidikan")
        KLASIKAL = "klasikal", _("Pelatihan klasikal")
        NONKLASIKAL = "nonklasikal", _("Pelatihan nonklasikal")

    code = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("bentuk pengembangan kompetensi")
        verbose_name_plural = _("bentuk pengembangan kompetensi")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class KonversiJP(models.Model):
    """How many JP one unit of an activity is worth. A row with an instansi overrides the default row (no instansi);
    looked up through `portal.rule_tables`."""

    rule_key = ("bentuk_id",)

    class Unit(models.TextChoices):
        HARI = "hari", _("per hari")
        SESI = "sesi", _("per sesi")
        SEMESTER = "semester", _("per semester")
        KEGIATAN = "kegiatan", _("per kegiatan")
        KURIKULUM = "kurikulum", _("sesuai kurikulum")

    instansi = models.ForeignKey(
        "portal.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="konversi_jp",
        help_text=_("Kosongkan untuk aturan bawaan semua instansi."),
    )
    bentuk = models.ForeignKey(
        BentukPengembangan, verbose_name=_("bentuk pengembangan"), on_delete=models.CASCADE, related_name="konversi"
    )
    unit = models.CharField(_("satuan"), max_length=20, choices=Unit.choices)
    jp_per_unit = models.PositiveSmallIntegerField(
        _("JP per satuan"), default=0, help_text=_("0 untuk 'sesuai kurikulum': JP diisi sendiri oleh pegawai.")
    )
    max_jp_per_unit = models.BooleanField(
        _("batas atas"), default=False, help_text=_("Nilai di atas adalah batas paling banyak, bukan nilai tetap.")
    )
    max_units_per_month = models.PositiveSmallIntegerField(_("paling banyak satuan per bulan"), null=True, blank=True)
    note = models.CharField(_("catatan aturan"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("konversi JP")
        verbose_name_plural = _("konversi JP")
        ordering = ["bentuk__order", "instansi_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bentuk"], condition=models.Q(instansi__isnull=True), name="konversi_jp_one_default"
            ),
            models.UniqueConstraint(fields=["instansi", "bentuk"], name="konversi_jp_one_per_instansi"),
        ]

    def __str__(self):
        return f"{self.bentuk}: {self.note or self.get_unit_display()}"


class TargetJP(models.Model):
    """Yearly JP target per employment status: the regulation default (no instansi) or the instansi's own; each
    employee is measured against their own instansi's target for their status (`portal.rule_tables`)."""

    rule_key = ("status",)

    status = models.CharField(_("status kepegawaian"), max_length=4, choices=[("PNS", "PNS"), ("PPPK", "PPPK")])
    instansi = models.ForeignKey(
        "portal.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk target bawaan."),
    )
    target = models.PositiveSmallIntegerField(_("target JP per tahun"), validators=[MaxValueValidator(500)])

    class Meta:
        verbose_name = _("target JP")
        verbose_name_plural = _("target JP")
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=models.Q(instansi__isnull=True), name="target_jp_default"
            ),
            models.UniqueConstraint(fields=["status", "instansi"], name="target_jp_per_instansi"),
        ]

    def __str__(self):
        return f"{self.status}: {self.target} JP"


class EvaluationQuestion(models.Model):
    """A question of the post-session evaluation, answered on a 1-5 scale."""

    text = models.CharField(_("pertanyaan"), max_length=300)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("pertanyaan evaluasi")
        verbose_name_plural = _("pertanyaan evaluasi")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
