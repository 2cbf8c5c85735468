"""The individual development plan (rencana pengembangan kompetensi): one per employee per year, with goals tied to
the employee's competency gaps and planned activities. Its progress is derived from enrolments and the JP ledger
(`kompetensi.plans.progress`), never typed in; a completed plan keeps a frozen snapshot and shows only that."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord

from ..competency.models import LEVEL_VALIDATORS


class DevelopmentPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Menunggu persetujuan")
        RETURNED = "returned", _("Dikembalikan")
        APPROVED = "approved", _("Disetujui")
        IN_PROGRESS = "in_progress", _("Berjalan")
        COMPLETED = "completed", _("Selesai")

    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="development_plans"
    )
    year = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField(_("status berubah"), auto_now_add=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    # written once, when the plan is completed: the gaps, levels, activities and their outcome at that moment, so a
    # finished plan reads the same whatever happens to the ledger afterwards
    snapshot = models.JSONField(_("rekaman saat selesai"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = _("rencana pengembangan kompetensi")
        ordering = ["-year", "pegawai__nama", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "year"], name="development_plan_once_a_year"),
            models.CheckConstraint(
                condition=models.Q(snapshot__isnull=True) | models.Q(status="completed"),
                name="development_plan_snapshot_when_completed",
            ),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self):
        return f"{self.pegawai} {self.year}"

    @property
    def is_editable(self):
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class PlanTransition(TransitionRecord):
    """One step of a plan's history: who moved it, when, and why (a returned plan always says why)."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("dari"), max_length=20, blank=True)
    to_status = models.CharField(_("ke"), max_length=20, choices=DevelopmentPlan.Status.choices)

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat rencana pengembangan")
        verbose_name_plural = _("riwayat rencana pengembangan")


class PlanGoal(models.Model):
    """A competency the employee means to develop: one of their gaps, the level they held when they wrote it and
    the level they aim for."""

    plan = models.ForeignKey(DevelopmentPlan, verbose_name=_("rencana"), on_delete=models.CASCADE, related_name="goals")
    competency = models.ForeignKey(
        "kompetensi.Competency", verbose_name=_("kompetensi"), on_delete=models.PROTECT, related_name="+"
    )
    level_at_writing = models.PositiveSmallIntegerField(
        _("level saat disusun"), null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    target_level = models.PositiveSmallIntegerField(_("level sasaran"), validators=LEVEL_VALIDATORS)
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sasaran pengembangan")
        verbose_name_plural = _("sasaran pengembangan")
        ordering = ["plan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "competency"], name="plan_goal_once"),
            models.CheckConstraint(
                condition=models.Q(target_level__gte=1, target_level__lte=5), name="plan_goal_target_1_5"
            ),
        ]

    def __str__(self):
        return f"{self.competency_id} -> {self.target_level}"


class PlanActivity(models.Model):
    class Kind(models.TextChoices):
        SESSION = "session", _("Pelatihan atau workshop katalog")
        MENTORING = "mentoring", _("Mentoring")
        EXTERNAL = "external", _("Pembelajaran eksternal")
        OTHER = "other", _("Lainnya")

    plan = models.ForeignKey(
        DevelopmentPlan, verbose_name=_("rencana"), on_delete=models.CASCADE, related_name="activities"
    )
    goal = models.ForeignKey(
        PlanGoal,
        verbose_name=_("untuk sasaran"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    kind = models.CharField(_("jenis kegiatan"), max_length=20, choices=Kind.choices)
    session = models.ForeignKey(
        "kompetensi.TrainingSession",
        verbose_name=_("angkatan pelatihan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("nama kegiatan"), max_length=200)
    planned_jp = models.PositiveSmallIntegerField(
        _("JP direncanakan"), validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    planned_month = models.PositiveSmallIntegerField(
        _("bulan rencana"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )

    class Meta:
        verbose_name = _("kegiatan pengembangan")
        verbose_name_plural = _("kegiatan pengembangan")
        ordering = ["plan", "planned_month", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="session", session__isnull=False))
                | (~models.Q(kind="session") & models.Q(session__isnull=True)),
                name="plan_activity_session_iff_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(planned_month__gte=1, planned_month__lte=12), name="plan_activity_month_valid"
            ),
        ]

    def __str__(self):
        return self.title
