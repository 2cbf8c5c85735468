"""Umpan balik rekan (360): a round of peer feedback on one employee, who must answer it (assignments), and the
answers (responses) kept apart from who gave them.

Anonymity is a property of the data, not of the pages:
- an `Assignment` says who must answer and whether they did; it has no link to any response and no time of answering;
- a `Response` holds the answers with only its round and the day it was given: a random UUID key (no insertion
  order) and no rater, so no row of the database says who said what;
- results are read only in aggregate, once the round is closed and at least the instansi's minimum of raters
  answered (`PeerFeedbackRule`, a rule table).
"""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..evaluation.models import Rating

# The scale of Perilaku Kerja in e-Kinerja: a rater answers each BerAKHLAK value as the pejabat penilai rates it.
SCORES = {Rating.DI_BAWAH: 1, Rating.SESUAI: 2, Rating.DI_ATAS: 3}
MIN_RATERS_FLOOR = 3  # the regulation default; an instansi may raise it, never lower it (anonymity)


class PeerFeedbackRule(models.Model):
    """A setting of peer feedback: the regulation default (no instansi) or the instansi's own
    (`portal.rule_tables`)."""

    class Setting(models.TextChoices):
        MIN_RATERS = "min_raters", _("Jumlah penilai paling sedikit agar hasil ditampilkan")

    rule_key = ("setting",)

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True,
        help_text=_("Kosongkan untuk aturan bawaan semua instansi."),
    )  # fmt: skip
    setting = models.CharField(_("pengaturan"), max_length=20, choices=Setting.choices, default=Setting.MIN_RATERS)
    value = models.PositiveSmallIntegerField(
        _("nilai"), validators=[MinValueValidator(MIN_RATERS_FLOOR)],
        help_text=_("Paling sedikit 3: di bawah itu jawaban seorang penilai dapat ditebak."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("aturan umpan balik rekan")
        verbose_name_plural = _("aturan umpan balik rekan")
        ordering = ["instansi_id", "setting"]
        constraints = [
            models.UniqueConstraint(
                fields=["setting"], condition=models.Q(instansi__isnull=True), name="peer_rule_default"
            ),
            models.UniqueConstraint(fields=["instansi", "setting"], name="peer_rule_per_instansi"),
            models.CheckConstraint(condition=models.Q(value__gte=MIN_RATERS_FLOOR), name="peer_rule_min_raters"),
        ]

    def __str__(self):
        return f"{self.get_setting_display()}: {self.value}"


class PeerRound(models.Model):
    """A round of peer feedback on one employee for a period (or one periodic window of it), opened by HR or the
    employee's pejabat penilai. Open until `closes_on` or until closed; its results show once closed."""

    class Status(models.TextChoices):
        OPEN = "open", _("Berjalan")
        CLOSED = "closed", _("Ditutup")

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="+"
    )
    subject = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai yang dinilai"), on_delete=models.CASCADE,
        related_name="peer_rounds",
    )  # fmt: skip
    period = models.ForeignKey(
        "kinerja.PerformancePeriod", verbose_name=_("periode kinerja"), on_delete=models.PROTECT, related_name="+"
    )
    window = models.ForeignKey(
        "kinerja.EvaluationWindow", verbose_name=_("evaluasi periodik"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+", help_text=_("Kosongkan untuk seluruh tahun."),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closes_on = models.DateField(_("batas menjawab"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuka oleh"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("dibuka"), auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        verbose_name = _("putaran umpan balik rekan")
        verbose_name_plural = _("putaran umpan balik rekan")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["subject", "period"]), models.Index(fields=["instansi", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["subject", "period", "window"], name="peer_round_once_per_window"),
            models.UniqueConstraint(
                fields=["subject", "period"], condition=models.Q(window__isnull=True), name="peer_round_once_a_year"
            ),
        ]

    def __str__(self):
        return f"Umpan balik rekan {self.subject} {self.period.year}"

    @property
    def label(self):
        return self.window.label if self.window_id else _("Tahun %(year)s") % {"year": self.period.year}


class Assignment(models.Model):
    """Who must answer a round, and whether they did. Deliberately no link to the response and no time of
    answering: nothing joins a rater to what they said."""

    class Relation(models.TextChoices):
        PEER = "peer", _("Rekan kerja")
        SUBORDINATE = "subordinate", _("Bawahan")
        SUPERVISOR = "supervisor", _("Atasan")
        OTHER = "other", _("Unit lain")

    round = models.ForeignKey(PeerRound, on_delete=models.CASCADE, related_name="assignments")
    rater = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("penilai"), on_delete=models.CASCADE, related_name="peer_assignments"
    )
    relation = models.CharField(_("hubungan"), max_length=12, choices=Relation.choices, default=Relation.PEER)
    answered = models.BooleanField(_("sudah menjawab"), default=False)

    class Meta:
        verbose_name = _("penugasan penilai rekan")
        verbose_name_plural = _("penugasan penilai rekan")
        ordering = ["round", "pk"]
        indexes = [models.Index(fields=["rater", "answered"])]
        constraints = [models.UniqueConstraint(fields=["round", "rater"], name="peer_assignment_once")]


class Response(models.Model):
    """One rater's answers, without the rater: a random key, the round and the day only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(PeerRound, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField(_("tanggal"))

    class Meta:
        verbose_name = _("jawaban umpan balik rekan")
        verbose_name_plural = _("jawaban umpan balik rekan")
        default_permissions = ()  # no admin, no generic view: read only in aggregate by the queries


class Answer(models.Model):
    """The answer on one BerAKHLAK value, with an optional comment; a random key like its response."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    value = models.ForeignKey("kinerja.BerakhlakValue", on_delete=models.PROTECT, related_name="+")
    rating = models.CharField(_("penilaian"), max_length=10, choices=Rating.choices)
    comment = models.TextField(_("komentar"), blank=True)

    class Meta:
        verbose_name = _("jawaban per nilai")
        verbose_name_plural = _("jawaban per nilai")
        default_permissions = ()
        constraints = [models.UniqueConstraint(fields=["response", "value"], name="peer_answer_once_per_value")]
