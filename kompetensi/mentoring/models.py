"""Mentoring programmes, pairs with their agreement (goals and target competencies), session logs and their history.
Imported by `kompetensi.models` so that Django registers them under the kompetensi app."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord

from . import rules

RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class MentoringProgramme(models.Model):
    """A mentoring programme of an instansi for a period, set up by HR or by a supervisor for their team."""

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="mentoring_programmes"
    )
    name = models.CharField(_("nama program"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True, max_length=2000)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("program mentoring")
        verbose_name_plural = _("program mentoring")
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["instansi", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="mentoring_programme_dates_valid"
            )
        ]

    def __str__(self):
        return self.name


class MentoringPair(models.Model):
    """A mentor and a mentee within a programme, with their agreement (goals, target competencies) and, at the end,
    the mentee's feedback. A mentor is any active employee of the instansi: the role is held per pair."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Berjalan")
        ENDED = "ended", _("Selesai")

    programme = models.ForeignKey(
        MentoringProgramme, verbose_name=_("program"), on_delete=models.CASCADE, related_name="pairs"
    )
    mentor = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="mentoring_as_mentor"
    )
    mentee = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("mentee"), on_delete=models.PROTECT, related_name="mentoring_as_mentee"
    )
    goals = models.TextField(_("tujuan yang disepakati"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dipasangkan oleh"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(_("diakhiri"), null=True, blank=True)
    feedback_rating = models.PositiveSmallIntegerField(
        _("penilaian mentee"), null=True, blank=True, validators=RATING_VALIDATORS
    )
    feedback_comment = models.TextField(_("umpan balik mentee"), blank=True, max_length=2000)
    feedback_at = models.DateTimeField(_("umpan balik diberikan"), null=True, blank=True)

    class Meta:
        verbose_name = _("pasangan mentoring")
        verbose_name_plural = _("pasangan mentoring")
        ordering = ["programme", "mentor__nama", "mentee__nama", "pk"]
        indexes = [models.Index(fields=["mentor", "status"]), models.Index(fields=["mentee", "status"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(mentor=models.F("mentee")), name="mentoring_pair_two_people"),
            models.UniqueConstraint(fields=["programme", "mentee"], name="mentoring_one_mentor_per_programme"),
            models.CheckConstraint(
                condition=models.Q(feedback_rating__isnull=True)
                | models.Q(feedback_rating__gte=1, feedback_rating__lte=5),
                name="mentoring_feedback_rating_1_5",
            ),
        ]

    def __str__(self):
        return f"{self.mentor} → {self.mentee}"


class MentoringTarget(models.Model):
    """A competency of the dictionary the pair works on, and the level it aims for: each confirmed session claims it
    as mentoring evidence for the supervisor to review."""

    pair = models.ForeignKey(MentoringPair, on_delete=models.CASCADE, related_name="targets")
    competency = models.ForeignKey(
        "kompetensi.Competency", verbose_name=_("kompetensi sasaran"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level sasaran"), validators=RATING_VALIDATORS)

    class Meta:
        verbose_name = _("kompetensi sasaran mentoring")
        verbose_name_plural = _("kompetensi sasaran mentoring")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["pair", "competency"], name="mentoring_target_once"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="mentoring_target_level_1_5"),
        ]

    def __str__(self):
        return f"{self.competency_id} level {self.level}"


class MentoringSession(models.Model):
    """One session as the mentor logged it; the mentee confirms it (then it counts JP and evidence) or disputes it."""

    class Status(models.TextChoices):
        LOGGED = rules.LOGGED, _("Menunggu konfirmasi mentee")
        CONFIRMED = rules.CONFIRMED, _("Dikonfirmasi")
        DISPUTED = rules.DISPUTED, _("Disanggah")

    pair = models.ForeignKey(
        MentoringPair, verbose_name=_("pasangan"), on_delete=models.CASCADE, related_name="sessions"
    )
    held_on = models.DateField(_("tanggal sesi"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("durasi (menit)"), validators=[MinValueValidator(15), MaxValueValidator(480)]
    )
    topics = models.TextField(_("topik yang dibahas"), max_length=2000)
    actions = models.TextField(_("tindak lanjut yang disepakati"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.LOGGED)
    status_changed_at = models.DateTimeField(_("status berubah"), auto_now_add=True)
    # what the confirmation counted under the conversion rule (0: over the monthly cap); empty until confirmed
    jp = models.PositiveSmallIntegerField(_("JP dihitung"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sesi mentoring")
        verbose_name_plural = _("sesi mentoring")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["pair", "held_on"]), models.Index(fields=["status", "pair"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=15, duration_minutes__lte=480),
                name="mentoring_session_duration_valid",
            )
        ]

    def __str__(self):
        return f"{self.pair_id} {self.held_on}"


class MentoringSessionTransition(TransitionRecord):
    """One step of a session's history: logged, confirmed or disputed, by whom and why."""

    session = models.ForeignKey(MentoringSession, on_delete=models.CASCADE, related_name="transitions")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat sesi mentoring")
        verbose_name_plural = _("riwayat sesi mentoring")
