"""Reads of development plans that pages, the API and services share: a plan with its progress derived from the
training data (a constant number of queries), the supervisor's queue, and HR's coverage per unit."""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import rule_tables
from portal.permissions import is_hr_of, is_superadmin
from portal.scoping import pegawai_of, scope_q, visible_pegawai

from ..competency.queries import profile_of
from ..models import DevelopmentPlan, Enrolment, JPEntry, PlanActivity, PlanGoal, TargetJP
from ..queries import target_for
from . import rules

P = DevelopmentPlan.Status


def plans_visible_to(user):
    return DevelopmentPlan.objects.filter(scope_q(user, "pegawai")).select_related(
        "pegawai__user", "pegawai__unit", "pegawai__jabatan", "pegawai__instansi"
    )


def plan_of(pegawai, year):
    return DevelopmentPlan.objects.filter(pegawai=pegawai, year=year).select_related("pegawai__user").first()


def activities_of(plan):
    return list(PlanActivity.objects.filter(plan=plan).select_related("session__course", "goal__competency"))


def goals_of(plan):
    return list(PlanGoal.objects.filter(plan=plan).select_related("competency"))


@dataclass
class ActivityRow:
    activity: PlanActivity
    progress: rules.Progress

    @property
    def outcome_label(self):
        return OUTCOME_LABELS[self.progress.outcome]

    @property
    def enrolment_label(self):
        status = self.progress.enrolment_status
        return str(Enrolment.Status(status).label) if status else ""


OUTCOME_LABELS = {
    rules.PLANNED: _("Belum dimulai"),
    rules.REQUESTED: _("Sudah mendaftar"),
    rules.STARTED: _("Berjalan"),
    rules.DONE: _("Selesai"),
    rules.NOT_DONE: _("Tidak selesai"),
}


def progress_of(plan, activities):
    """{activity pk: Progress} and the year's JP in the ledger: two queries whatever the plan holds."""
    session_ids = [a.session_id for a in activities if a.session_id]
    enrolments = {}
    if session_ids:
        # the latest enrolment per session wins (an employee may enrol again after a cancellation)
        for session_id, status in (
            Enrolment.objects.filter(pegawai_id=plan.pegawai_id, session_id__in=session_ids)
            .order_by("requested_at", "pk")
            .values_list("session_id", "status")
        ):
            enrolments[session_id] = status
    entries = [
        rules.LedgerInput(source, jp, session_id)
        for source, jp, session_id in JPEntry.objects.filter(pegawai_id=plan.pegawai_id, year=plan.year).values_list(
            "source", "jp", "enrolment__session_id"
        )
    ]
    inputs = [rules.ActivityInput(a.pk, a.kind, a.planned_jp, a.planned_month, a.session_id) for a in activities]
    return rules.derive_progress(inputs, enrolments, entries), sum(entry.jp for entry in entries)


@dataclass
class GoalRow:
    goal: PlanGoal
    required_level: int | None
    current_level: int | None


@dataclass
class PlanView:
    """What a plan page shows: live data while the plan runs."""

    plan: DevelopmentPlan
    goals: list
    activities: list
    jp_done: int
    jp_planned: int
    jp_target: int
    history: list = field(default_factory=list)

    @property
    def jp_percent(self):
        return rules.percent(self.jp_done, self.jp_planned)

    @property
    def planned_percent_of_target(self):
        return rules.percent(self.jp_planned, self.jp_target)


def plan_view(plan, *, profile=None) -> PlanView:
    goals = goals_of(plan)
    activities = activities_of(plan)
    progress, jp_done = progress_of(plan, activities)
    profile = profile or profile_of(plan.pegawai)
    rows = {row.competency.pk: row for row in profile.rows}
    levels = {row.competency.pk: row.current_level for row in profile.rows}
    goal_rows = [
        GoalRow(goal, getattr(rows.get(goal.competency_id), "required_level", None), levels.get(goal.competency_id))
        for goal in goals
    ]
    history = list(plan.transitions.select_related("actor").order_by("at", "pk"))
    return PlanView(
        plan=plan,
        goals=goal_rows,
        activities=[ActivityRow(a, progress[a.pk]) for a in activities],
        jp_done=jp_done,
        jp_planned=sum(a.planned_jp for a in activities),
        jp_target=target_for(plan.pegawai),
        history=history,
    )


def snapshot_of(plan) -> dict:
    """The plan as it stands, as plain JSON: written once when it is completed and shown instead of live data."""
    view = plan_view(plan)
    profile = profile_of(plan.pegawai)
    return {
        "taken_on": timezone.localdate().isoformat(),
        "year": plan.year,
        "jp": {"done": view.jp_done, "planned": view.jp_planned, "target": view.jp_target},
        "match_percent": str(profile.match_percent) if profile.match_percent is not None else None,
        "band": profile.band.name if profile.band else None,
        "gaps": [
            {
                "code": row.competency.code,
                "name": row.competency.name,
                "required_level": row.required_level,
                "current_level": row.current_level,
                "gap": row.gap,
            }
            for row in profile.gaps
        ],  # fmt: skip
        "goals": [
            {
                "code": row.goal.competency.code,
                "name": row.goal.competency.name,
                "level_at_writing": row.goal.level_at_writing,
                "target_level": row.goal.target_level,
                "required_level": row.required_level,
                "level_at_completion": row.current_level,
                "note": row.goal.note,
            }
            for row in view.goals
        ],  # fmt: skip
        "activities": [
            {
                "kind": row.activity.kind,
                "kind_label": str(row.activity.get_kind_display()),
                "title": row.activity.title,
                "planned_jp": row.activity.planned_jp,
                "planned_month": row.activity.planned_month,
                "goal": row.activity.goal.competency.code if row.activity.goal_id else None,
                "jp_done": row.progress.jp_done,
                "outcome": row.progress.outcome,
                "outcome_label": str(row.outcome_label),
                "enrolment_status": row.progress.enrolment_status,
            }
            for row in view.activities
        ],  # fmt: skip
    }


# --- the supervisor's queue -----------------------------------------------------------------------------------


def waiting_for(user):
    """Submitted plans waiting for this user's decision: of their direct reports, or of their instansi for HR."""
    plans = DevelopmentPlan.objects.filter(status=P.SUBMITTED)
    me = pegawai_of(user)
    if is_superadmin(user):
        pass
    elif me is None or not me.is_active:
        return plans.none()
    elif is_hr_of(user, me.instansi_id):
        plans = plans.filter(pegawai__instansi_id=me.instansi_id)
    else:
        plans = plans.filter(pegawai__atasan_id=me.pk)
    return (
        plans.exclude(pegawai__user=user)
        .select_related("pegawai__unit", "pegawai__jabatan")
        .annotate(jp_planned=Coalesce(Sum("activities__planned_jp"), 0), n_goals=Count("goals", distinct=True))
        .order_by("status_changed_at", "pk")
    )


# --- HR's coverage --------------------------------------------------------------------------------------------


def year_elapsed(year, today=None) -> tuple[int, int]:
    """(days of `year` elapsed, days in `year`): all of a past year, none of a future one."""
    today = today or timezone.localdate()
    days = 366 if calendar.isleap(year) else 365
    if year < today.year:
        return days, days
    if year > today.year:
        return 0, days
    return (today - date(year, 1, 1)).days + 1, days


def coverage(user, year, *, unit_id=None, only="", today=None):
    """Active employees the user may see, each with their plan of the year (status, planned JP), their JP in the
    ledger and whether they are behind; `only` = "none" (no plan) or "behind". One query per page."""
    elapsed, days = year_elapsed(year, today)
    plans = DevelopmentPlan.objects.filter(pegawai_id=OuterRef("pk"), year=year)
    planned = (
        PlanActivity.objects.filter(plan__pegawai_id=OuterRef("pk"), plan__year=year)
        .order_by()
        .values("plan_id")
        .annotate(total=Sum("planned_jp"))
        .values("total")
    )
    jp = (
        JPEntry.objects.filter(pegawai_id=OuterRef("pk"), year=year)
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum("jp"))
        .values("total")
    )
    people = (
        visible_pegawai(user)
        .filter(is_active=True)
        .annotate(
            plan_id=Subquery(plans.values("pk")[:1]),
            plan_status=Subquery(plans.values("status")[:1]),
            jp_planned=Coalesce(Subquery(planned, output_field=IntegerField()), 0),
            jp_done=Coalesce(Subquery(jp, output_field=IntegerField()), 0),
            target=rule_tables.rule_value(TargetJP, "target", instansi="instansi_id", status="status"),
        )
        .annotate(
            done_scaled=F("jp_done") * Value(days),
            planned_scaled=F("jp_planned") * Value(elapsed),
        )
        .annotate(
            behind=Case(
                When(
                    Q(plan_status__in=rules.UNDER_WAY, jp_planned__gt=0, done_scaled__lt=F("planned_scaled")),
                    then=Value(1),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .select_related("unit")
    )
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if only == "none":
        people = people.filter(plan_id__isnull=True)
    elif only == "behind":
        people = people.filter(behind=1)
    return people.order_by("unit__name", "nama", "pk")


def coverage_by_unit(user, year, today=None):
    rows = (
        coverage(user, year, today=today)
        .order_by()
        .values("unit_id", "unit__name")
        .annotate(
            total=Count("pk"),
            without=Count("pk", filter=Q(plan_id__isnull=True)),
            approved=Count("pk", filter=Q(plan_status__in=[*rules.UNDER_WAY, rules.COMPLETED])),
            behind_count=Sum("behind"),
        )
        .order_by("unit__name")
    )
    return [
        {**row, "with_plan": row["total"] - row["without"], "percent": rules.percent(row["total"] - row["without"],
                                                                                    row["total"])}
        for row in rows
    ]  # fmt: skip


def plan_states(pegawai_ids, year) -> dict:
    """{pegawai id: (plan id, status)} of the year's plans of these employees, in one query (the team column)."""
    return {
        pegawai_id: (pk, status)
        for pk, pegawai_id, status in DevelopmentPlan.objects.filter(pegawai_id__in=pegawai_ids, year=year).values_list(
            "pk", "pegawai_id", "status"
        )
    }
