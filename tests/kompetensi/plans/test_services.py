"""The plan's services: the state machine with its history, who may do each step, editing only in draft or
returned, progress following the training data by itself, and the snapshot frozen at completion."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from kompetensi import services as training
from kompetensi.models import DevelopmentPlan, JPEntry, PlanTransition
from kompetensi.plans import queries, services

from ..test_ledger import _entry, _external
from .conftest import approved, give_level, submitted

pytestmark = pytest.mark.django_db


def test_the_whole_way_is_recorded_with_who_when_and_why(org, plan, catalogue):
    submitted(org, plan)
    services.return_plan(actor=org.atasan.user, plan=plan, reason="Tambahkan mentoring")
    services.add_activity(actor=org.pegawai.user, plan=plan, kind="mentoring", title="Mentoring dengan Kabid",
                          planned_jp=4, planned_month=12)  # fmt: skip
    services.submit_plan(actor=org.pegawai.user, plan=plan, note="Sudah ditambahkan")
    services.approve_plan(actor=org.atasan.user, plan=plan, note="Bagus")
    training.enrol(org.pegawai.user, org.pegawai, catalogue.session.pk)
    plan.refresh_from_db()
    assert plan.status == "in_progress"
    services.complete_plan(actor=org.pegawai.user, plan=plan)
    steps = list(PlanTransition.objects.filter(plan=plan).values_list("from_status", "to_status", "actor", "reason"))
    user, boss = org.pegawai.user.pk, org.atasan.user.pk
    assert steps == [
        ("", "draft", user, ""), ("draft", "submitted", user, ""),
        ("submitted", "returned", boss, "Tambahkan mentoring"), ("returned", "submitted", user, "Sudah ditambahkan"),
        ("submitted", "approved", boss, "Bagus"), ("approved", "in_progress", None, "Kegiatan pertama rencana sudah berjalan."),
        ("in_progress", "completed", user, ""),
    ]  # fmt: skip
    assert ModelLogEntry.objects.filter(action="kompetensi.plan.returned").exists()


def test_one_plan_per_employee_per_year(org, plan):
    with pytest.raises(ValidationError, match="sudah mempunyai"):
        services.start_plan(actor=org.pegawai.user, year=plan.year)


def test_returning_needs_a_reason(org, plan):
    submitted(org, plan)
    with pytest.raises(ValidationError, match="alasan"):
        services.return_plan(actor=org.atasan.user, plan=plan, reason="  ")
    plan.refresh_from_db()
    assert plan.status == "submitted"


def test_a_plan_without_activities_cannot_be_submitted(org, gaps, catalogue):
    plan = services.start_plan(actor=org.pegawai.user, year=catalogue.year)
    with pytest.raises(ValidationError, match="paling sedikit satu kegiatan"):
        services.submit_plan(actor=org.pegawai.user, plan=plan)


# who may do each step: (step, actor) -> allowed
DECIDERS = [("atasan", True), ("sdm", True), ("pegawai", False), ("rekan", False), ("pimpinan", False),
            ("sdm_malut", False), ("cucu", False)]  # fmt: skip


@pytest.mark.parametrize(("who", "allowed"), DECIDERS)
@pytest.mark.parametrize("step", ["approve", "return"])
def test_who_decides_a_submitted_plan(org, plan, step, who, allowed):
    submitted(org, plan)
    actor = getattr(org, who).user
    call = {
        "approve": lambda: services.approve_plan(actor=actor, plan=plan),
        "return": lambda: services.return_plan(actor=actor, plan=plan, reason="Perbaiki"),
    }[step]
    if allowed:
        call()
    else:
        with pytest.raises(PermissionDenied):
            call()


@pytest.mark.parametrize(
    ("who", "allowed"), [("pegawai", True), ("atasan", False), ("sdm", False), ("rekan", False), ("superadmin", False)]
)
def test_only_the_employee_writes_and_submits(org, plan, gaps, who, allowed):
    actor = getattr(getattr(org, who), "user", getattr(org, who))
    calls = [
        lambda: services.add_goal(actor=actor, plan=plan, competency=gaps.national["M.04"], target_level=2),
        lambda: services.submit_plan(actor=actor, plan=plan),
    ]
    for call in calls:
        if allowed:
            call()
        else:
            with pytest.raises(PermissionDenied):
                call()


@pytest.mark.parametrize(("who", "allowed"), [("pegawai", True), ("atasan", True), ("sdm", True), ("rekan", False),
                                              ("sdm_malut", False)])  # fmt: skip
def test_who_completes_a_running_plan(org, plan, catalogue, who, allowed):
    approved(org, plan)
    training.enrol(org.pegawai.user, org.pegawai, catalogue.session.pk)
    plan.refresh_from_db()
    actor = getattr(org, who).user
    if allowed:
        services.complete_plan(actor=actor, plan=plan)
    else:
        with pytest.raises(PermissionDenied):
            services.complete_plan(actor=actor, plan=plan)


def test_an_approved_plan_that_has_not_moved_cannot_be_completed(org, plan):
    approved(org, plan)
    with pytest.raises(ValidationError):
        services.complete_plan(actor=org.pegawai.user, plan=plan)


@pytest.mark.parametrize("status", ["submitted", "approved"])
def test_editing_only_in_draft_or_returned(org, plan, gaps, status):
    submitted(org, plan) if status == "submitted" else approved(org, plan)
    with pytest.raises(ValidationError, match="draf atau dikembalikan"):
        services.add_goal(actor=org.pegawai.user, plan=plan, competency=gaps.national["M.04"], target_level=2)
    with pytest.raises(ValidationError, match="draf atau dikembalikan"):
        services.remove_activity(actor=org.pegawai.user, activity=plan.activities.first())
    services.return_plan(actor=org.atasan.user, plan=plan, reason="x") if status == "submitted" else None
    if status == "submitted":
        services.add_goal(actor=org.pegawai.user, plan=plan, competency=gaps.national["M.04"], target_level=2)


def test_goals_come_from_gaps_with_the_level_held_when_written(org, plan, gaps):
    with pytest.raises(ValidationError, match="di bawah standar"):  # M.03 meets its standard
        services.add_goal(actor=org.pegawai.user, plan=plan, competency=gaps.national["M.03"], target_level=4)
    with pytest.raises(ValidationError, match="di atas level Anda"):
        services.add_goal(actor=org.pegawai.user, plan=plan, competency=gaps.national["M.01"], target_level=2)
    with pytest.raises(ValidationError, match="sudah menjadi sasaran"):
        services.add_goal(actor=org.pegawai.user, plan=plan, competency=gaps.teknis, target_level=4)
    goal = services.add_goal(actor=org.pegawai.user, plan=plan, competency=gaps.national["M.01"], target_level=3)
    assert goal.level_at_writing == 2


def test_activities_are_checked(org, plan, catalogue):
    def add(**fields):
        base = {"kind": "external", "title": "Kursus daring", "planned_jp": 4, "planned_month": 3}
        return services.add_activity(actor=org.pegawai.user, plan=plan, **{**base, **fields})

    with pytest.raises(ValidationError, match="instansi Anda"):
        add(kind="session", session=catalogue.malut_session, title="")
    with pytest.raises(ValidationError, match="nama kegiatan"):
        add(title=" ")
    with pytest.raises(ValidationError, match="antara 1 dan 200"):
        add(planned_jp=0)
    with pytest.raises(ValidationError, match="bulan"):
        add(planned_month=13)
    activity = plan.activities.get(kind="session")
    assert activity.planned_jp == 12 and activity.title.startswith("Komunikasi Efektif")


def test_a_jp_entry_in_the_year_puts_an_approved_plan_under_way(org, plan):
    approved(org, plan)
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "approved"
    _entry(org.pegawai, plan.year - 1, 8)  # last year's JP moves nothing
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "approved"
    external = _external(org.pegawai, claimed=4)
    training.approve_external_learning(org.atasan.user, external.pk, 4, "ok")
    if JPEntry.objects.get(external=external).year == plan.year:
        assert DevelopmentPlan.objects.get(pk=plan.pk).status == "in_progress"


def test_an_enrolment_waiting_for_approval_is_not_yet_progress(org, gaps, catalogue):
    catalogue.course.requires_approval = True
    catalogue.course.save(update_fields=["requires_approval"])
    plan = services.start_plan(actor=org.pegawai.user, year=catalogue.year)
    services.add_activity(actor=org.pegawai.user, plan=plan, kind="session", session=catalogue.session,
                          planned_jp=None, planned_month=None)  # fmt: skip
    approved(org, plan)
    enrolment = training.enrol(org.pegawai.user, org.pegawai, catalogue.session.pk)
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "approved"
    training.approve(org.atasan.user, enrolment.pk, "ok")
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "in_progress"


def test_approving_a_plan_already_moving_starts_it_at_once(org, plan, catalogue):
    training.enrol(org.pegawai.user, org.pegawai, catalogue.session.pk)
    approved(org, plan)
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "in_progress"


def test_the_snapshot_is_frozen_at_completion(org, plan, catalogue, gaps):
    approved(org, plan)
    training.enrol(org.pegawai.user, org.pegawai, catalogue.session.pk)
    plan.refresh_from_db()
    services.complete_plan(actor=org.atasan.user, plan=plan, note="Tuntas")
    plan.refresh_from_db()
    frozen = plan.snapshot
    assert frozen["goals"] == [
        {"code": "T.SDM.01", "name": "Manajemen ASN", "level_at_writing": 1, "target_level": 3, "required_level": 4,
         "level_at_completion": 1, "note": ""}
    ]  # fmt: skip
    assert {a["kind"]: a["outcome"] for a in frozen["activities"]} == {"session": "started", "external": "planned"}
    assert {g["code"] for g in frozen["gaps"]} == {"M.01", "M.04", "T.SDM.01"}
    # the ledger moves on: the snapshot does not
    give_level(org, org.pegawai, gaps.teknis, 4)
    _external(org.pegawai, claimed=6)
    plan.refresh_from_db()
    assert plan.snapshot == frozen
    with pytest.raises(ValidationError):
        services.complete_plan(actor=org.pegawai.user, plan=plan)


def test_progress_of_a_plan_costs_constant_queries(org, plan, catalogue, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as small:
        queries.plan_view(DevelopmentPlan.objects.select_related("pegawai").get(pk=plan.pk))
    small = len(small)
    for month in range(1, 9):
        services.add_activity(actor=org.pegawai.user, plan=plan, kind="other", title=f"Kegiatan {month}",
                              planned_jp=2, planned_month=month)  # fmt: skip
    plan = DevelopmentPlan.objects.select_related("pegawai").get(pk=plan.pk)
    with django_assert_max_num_queries(small - 1):  # the same, without the plan's own query
        view = queries.plan_view(plan)
    assert len(view.activities) == 10 and view.jp_planned == 12 + 6 + 16


def test_year_elapsed():
    assert queries.year_elapsed(2024, today=date(2024, 12, 31)) == (366, 366)
    assert queries.year_elapsed(2025, today=date(2025, 1, 1)) == (1, 365)
    assert queries.year_elapsed(2023, today=date(2025, 1, 1)) == (365, 365)
    assert queries.year_elapsed(2026, today=date(2025, 1, 1)) == (0, 365)
