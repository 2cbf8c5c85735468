"""Reads of coaching plans, each a constant number of queries: HR's list with its status counts, a plan's page (its
actions with what they enrolled or paired, check-ins, history), the sessions and programmes an action may use, the
plans an employee's profile shows to its reader, and the team column."""

from django.db.models import Count, F, Q
from django.utils import timezone

from kompetensi.models import MentoringProgramme, TrainingSession
from portal.models import Pegawai

from ..evaluation.models import Evaluation
from . import permissions, rules
from .models import CoachingPlan

Status = CoachingPlan.Status


def for_instansi(instansi_id, *, status="", search=""):
    plans = CoachingPlan.objects.filter(instansi_id=instansi_id).select_related(
        "pegawai__unit", "supervisor", "evaluation__skp__period"
    )
    if status in Status.values:
        plans = plans.filter(status=status)
    search = (search or "").strip()
    if search:
        plans = plans.filter(Q(pegawai__nama__icontains=search) | Q(pegawai__nip__startswith=search))
    return plans.order_by("-status_changed_at", "-pk")


def counts(instansi_id) -> dict:
    rows = CoachingPlan.objects.filter(instansi_id=instansi_id).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def plan_page(pk):
    return (
        CoachingPlan.objects.select_related(
            "pegawai__unit", "pegawai__jabatan", "pegawai__user", "pegawai__atasan", "supervisor__user",
            "evaluation__skp__period", "created_by", "confirmed_by",
        )
        .filter(pk=pk)
        .first()
    )  # fmt: skip


def actions(plan):
    return plan.actions.select_related(
        "enrolment__session__course", "mentoring_pair__mentor", "mentoring_pair__programme"
    ).order_by("done_on", "due_on", "pk")


def checkins(plan):
    return plan.checkins.select_related("notes_by").order_by("planned_on", "pk")


def history(plan):
    return plan.history.select_related("actor").order_by("at", "pk")


def _joinable(plan, now):
    return TrainingSession.objects.filter(
        Q(instansi_id=plan.instansi_id) | Q(open_to_other_instansi=True),
        enrol_opens_at__lte=now, enrol_closes_at__gt=now, start_at__gt=now, course__live=True,
    ).select_related("course")  # fmt: skip


def joinable_sessions(plan, now=None, limit=50):
    """Sessions the employee could be enrolled in: open for enrolment, not started, of their instansi or open to
    every instansi (kompetensi decides the rest when asked)."""
    return list(_joinable(plan, now or timezone.now()).order_by("start_at", "pk")[:limit])


def joinable_session(plan, session_id, now=None):
    try:
        return _joinable(plan, now or timezone.now()).filter(pk=int(session_id)).first()
    except (TypeError, ValueError):
        return None


def running_programmes(instansi_id, today=None):
    today = today or timezone.localdate()
    return list(
        MentoringProgramme.objects.filter(instansi_id=instansi_id, end_date__gte=today).order_by("-start_date", "pk")
    )


def find_pegawai(instansi_id, nip):
    return (
        Pegawai.objects.active()
        .filter(instansi_id=instansi_id, nip=(nip or "").strip())
        .select_related("unit", "jabatan", "atasan", "user")
        .first()
    )


def about(pegawai, user):
    """The plans about `pegawai` that `user` may see: all of them for HR of the instansi, confirmed ones for the
    employee and for the plan's supervisor."""
    plans = CoachingPlan.objects.filter(pegawai=pegawai).select_related("supervisor").order_by("-created_at", "-pk")
    if permissions.can_manage(user, pegawai.instansi_id):
        return plans
    confirmed = plans.filter(confirmed_at__isnull=False)
    if pegawai.user_id == user.pk:
        return confirmed
    return confirmed.filter(supervisor__user=user, supervisor__is_active=True)


def team_plans(report_ids):
    """{pegawai id: their latest open plan} that their direct supervisor coaches (one query for the team)."""
    plans = (
        CoachingPlan.objects.filter(pegawai_id__in=report_ids, status=Status.ACTIVE, supervisor_id=F("pegawai__atasan_id"))
        .order_by("pegawai_id", "-starts_on", "-pk")
    )  # fmt: skip
    found = {}
    for plan in plans:
        found.setdefault(plan.pegawai_id, plan)
    return found


def low_results_without_plan(today, instansi_id=None):
    """Final annual evaluations of recent years with a low predikat that have no plan yet (the nightly sweep)."""
    evaluations = Evaluation.objects.filter(
        kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED, predikat__in=rules.LOW_PREDIKAT,
        skp__period__year__gte=today.year - 1, coaching_plan__isnull=True, skp__pegawai__is_active=True,
    )  # fmt: skip
    if instansi_id is not None:
        evaluations = evaluations.filter(skp__pegawai__instansi_id=instansi_id)
    return evaluations.select_related("skp__pegawai", "skp__period").order_by("pk")


def proposals_overtaken(instansi_id=None):
    """Proposed plans whose evaluation's predikat is now Baik or better (an appeal granted after the proposal)."""
    plans = CoachingPlan.objects.filter(status=Status.PROPOSED, evaluation__predikat__in=rules.GOOD_PREDIKAT)
    if instansi_id is not None:
        plans = plans.filter(instansi_id=instansi_id)
    return plans.select_related("evaluation").order_by("pk")
