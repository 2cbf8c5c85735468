"""Rules of evaluation held as data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord


class Rating(models.TextChoices):
    DI_ATAS = "DI_ATAS", _("Di Atas Ekspektasi")
    SESUAI = "SESUAI", _("Sesuai Ekspektasi")
    DI_BAWAH = "DI_BAWAH", _("Di Bawah Ekspektasi")


class Predikat(models.TextChoices):
    SANGAT_BAIK = "SANGAT_BAIK", _("Sangat Baik")
    BAIK = "BAIK", _("Baik")
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN", _("Butuh Perbaikan")
    KURANG = "KURANG", _("Kurang/Misconduct")
    SANGAT_KURANG = "SANGAT_KURANG", _("Sangat Kurang")


class PredikatCell(models.Model):
    """One cell of the kuadran kinerja: the regulation default (no instansi) or the instansi's own
    (`portal.rule_tables`)."""

    rule_key = ("hasil_kerja", "perilaku_kerja")

    instansi = models.ForeignKey(
        "portal.Instansi",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk aturan bawaan semua instansi."),
    )
    hasil_kerja = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices)
    perilaku_kerja = models.CharField(_("rating perilaku kerja"), max_length=10, choices=Rating.choices)
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices)

    class Meta:
        verbose_name = _("sel matriks predikat")
        verbose_name_plural = _("matriks predikat kinerja")
        ordering = ["instansi_id", "hasil_kerja", "perilaku_kerja"]
        constraints = [
            models.UniqueConstraint(
                fields=["hasil_kerja", "perilaku_kerja"],
                condition=models.Q(instansi__isnull=True),
                name="predikat_cell_default",
            ),
            models.UniqueConstraint(
                fields=["instansi", "hasil_kerja", "perilaku_kerja"], name="predikat_cell_per_instansi"
            ),
        ]

    def __str__(self):
        return f"{self.get_hasil_kerja_display()} x {self.get_perilaku_kerja_display()}: {self.get_predikat_display()}"


class Evaluation(models.Model):
    """A periodic (one window) or annual evaluation of an approved SKP by its pejabat penilai. The predikat is never
    typed: it follows from the two ratings through the instansi's matrix. Ratings may change until finalised; a
    finalised result is visible to the employee and locked (only an appeal's decision changes it)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Belum dinilai")
        RATED = "rated", _("Sudah dinilai")
        FINALISED = "finalised", _("Final")

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Evaluasi Kinerja Periodik")
        ANNUAL = "annual", _("Evaluasi Kinerja Tahunan")

    skp = models.ForeignKey("kinerja.Skp", verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    window = models.ForeignKey(
        "kinerja.EvaluationWindow",
        verbose_name=_("periode evaluasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    status_changed_at = models.DateTimeField(_("status berubah"), null=True, blank=True)
    rating_hasil_kerja = models.CharField(_("rating hasil kerja"), max_length=10, choices=Rating.choices, blank=True)
    rating_perilaku_kerja = models.CharField(
        _("rating perilaku kerja"), max_length=10, choices=Rating.choices, blank=True
    )
    reason = models.TextField(_("alasan penilaian"), blank=True)
    predikat = models.CharField(_("predikat kinerja"), max_length=20, choices=Predikat.choices, blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dinilai oleh"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    on_behalf_of = models.ForeignKey(
        "portal.Pegawai",
        verbose_name=_("atas nama"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    finalised_at = models.DateTimeField(_("difinalkan"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluasi kinerja")
        verbose_name_plural = _("evaluasi kinerja")
        ordering = ["skp", "kind", "window__sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["skp", "window"], condition=models.Q(kind="periodic"), name="evaluation_once_per_window"
            ),
            models.UniqueConstraint(fields=["skp"], condition=models.Q(kind="annual"), name="evaluation_one_annual"),
            models.CheckConstraint(
                condition=(models.Q(kind="periodic", window__isnull=False) | models.Q(kind="annual", window__isnull=True)),
                name="evaluation_window_matches_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["", "open"]) | (~models.Q(rating_hasil_kerja="") & ~models.Q(rating_perilaku_kerja="") & ~models.Q(predikat="")),
                name="evaluation_rated_has_predikat",
            ),
        ]  # fmt: skip

    def __str__(self):
        label = self.window.label if self.window_id else self.get_kind_display()
        return f"{self.skp}: {label}"

    @property
    def label(self):
        return self.window.label if self.window_id else str(self.Kind.ANNUAL.label)


class EvaluationTransition(TransitionRecord):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="transitions")
    on_behalf_of = models.ForeignKey(
        "portal.Pegawai",
        verbose_name=_("atas nama"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat evaluasi")
        verbose_name_plural = _("riwayat evaluasi")


class Appeal(models.Model):
    """Keberatan: the employee's appeal against a finalised result, within the period's appeal window, decided by
    the Atasan Pejabat Penilai Kinerja; that decision is final (PP 30/2019 art. 59)."""

    class Status(models.TextChoices):
        FILED = "filed", _("Diajukan")
        GRANTED = "granted", _("Dikabulkan")
        REJECTED = "rejected", _("Ditolak")

    evaluation = models.OneToOneField(
        Evaluation, verbose_name=_("evaluasi"), on_delete=models.CASCADE, related_name="appeal"
    )
    reasons = models.TextField(_("alasan keberatan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.FILED)
    status_changed_at = models.DateTimeField(_("status berubah"), null=True, blank=True)
    filed_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    decider = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("atasan pejabat penilai"), on_delete=models.SET_NULL, null=True,
        related_name="appeals_to_decide",
    )  # fmt: skip
    decision_reason = models.TextField(_("alasan keputusan"), blank=True)
    predikat_before = models.CharField(_("predikat semula"), max_length=20, choices=Predikat.choices)
    predikat_after = models.CharField(
        _("predikat setelah keputusan"), max_length=20, choices=Predikat.choices, blank=True
    )

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-filed_at"]

    def __str__(self):
        return f"Keberatan {self.evaluation}"


class AppealTransition(TransitionRecord):
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="transitions")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat keberatan")
        verbose_name_plural = _("riwayat keberatan")


class Realisation(models.Model):
    """Realisasi Berdasarkan Bukti Dukung: what the employee achieved on one IKI in one evaluation."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="realisations")
    iki = models.ForeignKey("kinerja.Iki", verbose_name=_("IKI"), on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("realisasi berdasarkan bukti dukung"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        constraints = [models.UniqueConstraint(fields=["evaluation", "iki"], name="realisation_once_per_iki")]


class Feedback(models.Model):
    """Umpan Balik Berkelanjutan Berdasarkan Bukti Dukung: the evaluator's feedback on one RHK in one evaluation."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="feedback")
    rhk = models.ForeignKey("kinerja.Rhk", verbose_name=_("RHK"), on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("umpan balik berkelanjutan"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        constraints = [models.UniqueConstraint(fields=["evaluation", "rhk"], name="feedback_once_per_rhk")]
