"""Performance periods, SKP, RHK, IKI, BerAKHLAK expectations and acting evaluators."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord


class PerformancePeriod(models.Model):
    """A performance year of an instansi with its deadlines; its periodic evaluations are `EvaluationWindow`s."""

    class Cadence(models.TextChoices):
        QUARTERLY = "triwulanan", _("Triwulanan")
        MONTHLY = "bulanan", _("Bulanan")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Disiapkan")
        OPEN = "open", _("Berjalan")
        CLOSED = "closed", _("Ditutup")

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="performance_periods"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    cadence = models.CharField(
        _("evaluasi periodik"), max_length=12, choices=Cadence.choices, default=Cadence.QUARTERLY
    )
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    planning_deadline = models.DateField(_("batas penetapan SKP"))
    annual_deadline = models.DateField(_("batas evaluasi tahunan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    appeal_days = models.PositiveSmallIntegerField(
        _("batas keberatan (hari)"), default=14, help_text=_("Hari sejak hasil evaluasi final (PP 30/2019: 14 hari).")
    )

    class Meta:
        verbose_name = _("periode kinerja")
        verbose_name_plural = _("periode kinerja")
        ordering = ["-year", "instansi__name"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "year"], name="performance_period_once_a_year"),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="period_dates_valid"),
        ]

    def __str__(self):
        return f"{self.instansi} {self.year}"


class EvaluationWindow(models.Model):
    """A periodic evaluation (Triwulan I .. IV-Akhir, or a month) of a period, with its deadline."""

    period = models.ForeignKey(PerformancePeriod, on_delete=models.CASCADE, related_name="windows")
    sequence = models.PositiveSmallIntegerField(_("urutan"))
    label = models.CharField(_("nama"), max_length=40)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    deadline = models.DateField(_("batas evaluasi"))
    is_final = models.BooleanField(_("periode akhir"), default=False)

    class Meta:
        verbose_name = _("evaluasi periodik")
        verbose_name_plural = _("evaluasi periodik")
        ordering = ["period", "sequence"]
        constraints = [models.UniqueConstraint(fields=["period", "sequence"], name="evaluation_window_once")]

    def __str__(self):
        return f"{self.period}: {self.label}"


class BerakhlakValue(models.Model):
    """One of the seven BerAKHLAK core values (UU 20/2023), the basis of Perilaku Kerja; loaded as data."""

    code = models.CharField(_("kode"), max_length=30, unique=True)
    name = models.CharField(_("nilai"), max_length=60)
    guide = models.TextField(_("panduan perilaku"), help_text=_("Satu panduan per baris."))
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("nilai BerAKHLAK")
        verbose_name_plural = _("nilai BerAKHLAK")
        ordering = ["order"]

    def __str__(self):
        return self.name

    @property
    def guide_lines(self):
        return [line.strip() for line in self.guide.splitlines() if line.strip()]


class Skp(models.Model):
    """Sasaran Kinerja Pegawai of one employee for (a part of) a period. A change of evaluator, position or unit in
    the year splits it: each part covers its dates and keeps the snapshot of who and where at the time."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        APPROVED = "approved", _("Disetujui")
        RETURNED = "returned", _("Dikembalikan")

    class Approach(models.TextChoices):
        KUANTITATIF = "kuantitatif", _("Pendekatan kuantitatif")
        KUALITATIF = "kualitatif", _("Pendekatan kualitatif")

    period = models.ForeignKey(
        PerformancePeriod, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="skp"
    )
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="skp"
    )
    approach = models.CharField(_("pendekatan"), max_length=12, choices=Approach.choices, default=Approach.KUANTITATIF)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField(_("status berubah"), null=True, blank=True)
    revision = models.PositiveSmallIntegerField(_("revisi ke"), default=0)
    valid_from = models.DateField(_("berlaku mulai"))
    valid_to = models.DateField(_("berlaku sampai"))
    # the snapshot at the time: who evaluates, and the employee's position and unit
    evaluator = models.ForeignKey(
        "portal.Pegawai",
        verbose_name=_("pejabat penilai kinerja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="skp_to_evaluate",
    )
    evaluator_name = models.CharField(_("nama pejabat penilai"), max_length=200, blank=True)
    evaluator_position = models.CharField(_("jabatan pejabat penilai"), max_length=200, blank=True)
    jabatan_name = models.CharField(_("jabatan"), max_length=200, blank=True)
    jabatan_kind = models.CharField(_("jenis jabatan"), max_length=20, blank=True)
    unit_name = models.CharField(_("unit kerja"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    # lampiran SKP
    dukungan_sumber_daya = models.TextField(_("dukungan sumber daya"), blank=True)
    skema_pertanggungjawaban = models.TextField(_("skema pertanggungjawaban"), blank=True)
    konsekuensi = models.TextField(_("konsekuensi"), blank=True)

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        ordering = ["-period__year", "valid_from"]
        indexes = [models.Index(fields=["evaluator", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["period", "pegawai", "valid_from"], name="skp_one_part_per_start"),
            models.CheckConstraint(condition=models.Q(valid_to__gte=models.F("valid_from")), name="skp_dates_valid"),
        ]

    def __str__(self):
        return f"SKP {self.pegawai} {self.period.year}"

    @property
    def is_jpt(self):
        return self.jabatan_kind == "jpt"

    @property
    def editable(self):
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class SkpTransition(TransitionRecord):
    """One step of an SKP's history; an acting official (Plt/Plh) acts on behalf of the definitive evaluator."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="transitions")
    on_behalf_of = models.ForeignKey(
        "portal.Pegawai",
        verbose_name=_("atas nama"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat SKP")
        verbose_name_plural = _("riwayat SKP")


class Rhk(models.Model):
    """Rencana Hasil Kerja. `intervened` is the RHK of the pejabat penilai that it supports (the cascade); only the
    head of the instansi has none."""

    class Kind(models.TextChoices):
        UTAMA = "utama", _("Utama")
        TAMBAHAN = "tambahan", _("Tambahan")

    class Perspektif(models.TextChoices):
        NONE = "", "—"
        PENERIMA_LAYANAN = "penerima_layanan", _("Penerima Layanan")
        PROSES_BISNIS = "proses_bisnis", _("Proses Bisnis")
        PENGUATAN_INTERNAL = "penguatan_internal", _("Penguatan Internal")
        ANGGARAN = "anggaran", _("Anggaran")

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="rhk")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.UTAMA)
    text = models.TextField(_("rencana hasil kerja"))
    intervened = models.ForeignKey(
        "self",
        verbose_name=_("RHK pimpinan yang diintervensi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cascaded",
    )
    perspektif = models.CharField(_("perspektif"), max_length=20, choices=Perspektif.choices, blank=True, default="")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("RHK")
        verbose_name_plural = _("RHK")
        ordering = ["skp", "kind", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(intervened=models.F("pk")), name="rhk_not_its_own_parent")
        ]

    def __str__(self):
        return self.text[:80]


class Iki(models.Model):
    """Indikator Kinerja Individu of an RHK, with its aspek and target."""

    class Aspek(models.TextChoices):
        KUANTITAS = "kuantitas", _("Kuantitas")
        KUALITAS = "kualitas", _("Kualitas")
        WAKTU = "waktu", _("Waktu")

    rhk = models.ForeignKey(Rhk, on_delete=models.CASCADE, related_name="iki")
    text = models.CharField(_("indikator kinerja individu"), max_length=500)
    aspek = models.CharField(_("aspek"), max_length=10, choices=Aspek.choices)
    target = models.CharField(_("target"), max_length=200)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("IKI")
        verbose_name_plural = _("IKI")
        ordering = ["rhk", "order", "pk"]

    def __str__(self):
        return f"{self.text} ({self.target})"


class PerilakuExpectation(models.Model):
    """Perilaku Kerja of an SKP: each BerAKHLAK value, with the supervisor's optional ekspektasi khusus pimpinan."""

    skp = models.ForeignKey(Skp, on_delete=models.CASCADE, related_name="perilaku")
    value = models.ForeignKey(BerakhlakValue, verbose_name=_("nilai"), on_delete=models.PROTECT, related_name="+")
    ekspektasi_khusus = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)

    class Meta:
        verbose_name = _("perilaku kerja")
        verbose_name_plural = _("perilaku kerja")
        ordering = ["skp", "value__order"]
        constraints = [models.UniqueConstraint(fields=["skp", "value"], name="perilaku_once_per_value")]


class ActingEvaluator(models.Model):
    """A Plt or Plh who acts for an official in a date range: they may do what the official may do as pejabat
    penilai, and every action records on whose behalf it was taken."""

    class Kind(models.TextChoices):
        PLT = "plt", _("Pelaksana Tugas (Plt)")
        PLH = "plh", _("Pelaksana Harian (Plh)")

    official = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pejabat definitif"), on_delete=models.CASCADE, related_name="acted_for"
    )
    acting = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pejabat pelaksana"), on_delete=models.CASCADE, related_name="acting_as"
    )
    kind = models.CharField(_("jenis"), max_length=3, choices=Kind.choices)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    note = models.CharField(_("dasar penunjukan"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditunjuk oleh"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Plt/Plh pejabat penilai")
        verbose_name_plural = _("Plt/Plh pejabat penilai")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="acting_dates_valid"),
            models.CheckConstraint(condition=~models.Q(official=models.F("acting")), name="acting_not_self"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.acting} untuk {self.official}"
