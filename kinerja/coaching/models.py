"""Coaching plans (rencana pembinaan kinerja) for an employee whose final predikat fell below Baik: goals, dates and
the supervisor who coaches them; actions (some enrol the employee in a training session or start a mentoring pair
in kompetensi); check-ins with the supervisor's notes and the employee's response; and the outcome. A plan is
proposed by the system for a low final annual result (one per evaluation) or started by HR by hand."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord

from ..evaluation.models import Predikat
from . import rules


class CoachingPlan(models.Model):
    class Status(models.TextChoices):
        PROPOSED = rules.PROPOSED, _("Diusulkan")
        ACTIVE = rules.ACTIVE, _("Berjalan")
        COMPLETED = rules.COMPLETED, _("Selesai")
        CANCELLED = rules.CANCELLED, _("Dibatalkan")

    class Result(models.TextChoices):
        IMPROVED = "membaik", _("Membaik")
        NOT_IMPROVED = "belum_membaik", _("Belum membaik")

    instansi = models.ForeignKey("portal.Instansi", on_delete=models.CASCADE, related_name="coaching_plans")
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="coaching_plans"
    )
    evaluation = models.OneToOneField(
        "kinerja.Evaluation", verbose_name=_("evaluasi pemicu"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="coaching_plan",
    )  # fmt: skip
    predikat = models.CharField(_("predikat pemicu"), max_length=20, choices=Predikat.choices, blank=True)
    supervisor = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("atasan pembina"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="coaching_supervised",
    )  # fmt: skip
    goals = models.TextField(_("sasaran pembinaan"), blank=True, max_length=3000)
    starts_on = models.DateField(_("mulai"), null=True, blank=True)
    ends_on = models.DateField(_("selesai"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    status_changed_at = models.DateTimeField(_("status berubah"), null=True, blank=True)
    outcome = models.TextField(_("hasil pembinaan"), blank=True, max_length=3000)
    result = models.CharField(_("kesimpulan"), max_length=15, choices=Result.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dikonfirmasi oleh"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    confirmed_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)

    class Meta:
        verbose_name = _("rencana pembinaan kinerja")
        verbose_name_plural = _("rencana pembinaan kinerja")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["instansi", "status"]),
            models.Index(fields=["pegawai", "status"]),
            models.Index(fields=["supervisor", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["", rules.PROPOSED, rules.CANCELLED])
                | (models.Q(starts_on__isnull=False, ends_on__isnull=False, confirmed_at__isnull=False) & ~models.Q(goals="")),
                name="coaching_plan_confirmed_has_goals_and_dates",
            ),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True) | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="coaching_plan_dates_in_order",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=rules.COMPLETED) | ~models.Q(result=""),
                name="coaching_plan_completed_has_result",
            ),
        ]  # fmt: skip

    def __str__(self):
        return gettext("Rencana pembinaan %(name)s") % {"name": self.pegawai}

    @property
    def confirmed(self):
        """The employee and the supervisor see a plan once HR has confirmed it (a proposal is HR's work)."""
        return self.confirmed_at is not None

    @property
    def is_open(self):
        return self.status in rules.OPEN


class CoachingTransition(TransitionRecord):
    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="history")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat rencana pembinaan")
        verbose_name_plural = _("riwayat rencana pembinaan")


class CoachingAction(models.Model):
    """One thing the employee is to do; it may have enrolled them in a training session or started a mentoring
    pair, through kompetensi's own services."""

    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("tindakan"), max_length=1000)
    due_on = models.DateField(_("target selesai"), null=True, blank=True)
    done_on = models.DateField(_("selesai pada"), null=True, blank=True)
    enrolment = models.ForeignKey(
        "kompetensi.Enrolment", verbose_name=_("pendaftaran pelatihan"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    mentoring_pair = models.ForeignKey(
        "kompetensi.MentoringPair", verbose_name=_("pasangan mentoring"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tindakan pembinaan")
        verbose_name_plural = _("tindakan pembinaan")
        ordering = ["plan", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enrolment__isnull=True) | models.Q(mentoring_pair__isnull=True),
                name="coaching_action_one_link",
            )
        ]

    def __str__(self):
        return self.description[:60]

    @property
    def linked(self):
        return self.enrolment_id is not None or self.mentoring_pair_id is not None


class CoachingCheckIn(models.Model):
    """A meeting of the supervisor and the employee: planned, then held with the supervisor's notes; the employee
    may answer them."""

    plan = models.ForeignKey(CoachingPlan, on_delete=models.CASCADE, related_name="checkins")
    planned_on = models.DateField(_("rencana pertemuan"))
    agenda = models.CharField(_("agenda"), max_length=300, blank=True)
    held_on = models.DateField(_("dilaksanakan"), null=True, blank=True)
    notes = models.TextField(_("catatan atasan"), blank=True, max_length=3000)
    notes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    response = models.TextField(_("tanggapan pegawai"), blank=True, max_length=3000)
    responded_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pertemuan pembinaan")
        verbose_name_plural = _("pertemuan pembinaan")
        ordering = ["plan", "planned_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(held_on__isnull=True) | ~models.Q(notes=""), name="coaching_checkin_held_has_notes"
            ),
            models.CheckConstraint(
                condition=models.Q(response="") | models.Q(held_on__isnull=False),
                name="coaching_checkin_response_after_held",
            ),
        ]

    def __str__(self):
        return f"{self.plan_id} {self.planned_on}"

    @property
    def held(self):
        return self.held_on is not None
