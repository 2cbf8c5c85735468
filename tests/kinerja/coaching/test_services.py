"""The plan's steps and who may take them, its actions (enrolling and pairing through kompetensi's services, whose
refusals come through unchanged) and its check-ins (the supervisor writes the notes, the employee only answers)."""

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.coaching import services
from kinerja.coaching.models import CoachingPlan
from kompetensi.models import Enrolment, MentoringPair, MentoringProgramme
from portal import roles
from portal.models import Notification
from tests.factories import make_pegawai
from tests.kompetensi.conftest import make_catalog, make_course, make_session

from .conftest import final_annual, terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(org):
    return CoachingPlan.objects.get(evaluation=final_annual(org.pegawai, "BUTUH_PERBAIKAN"))


# --- the state machine and who moves it ------------------------------------------------------------------------


def test_hr_confirms_a_proposal_with_the_atasan_by_default(org, proposal):
    plan = services.confirm(actor=org.sdm.user, plan=proposal, **terms())
    plan.refresh_from_db()
    assert (plan.status, plan.supervisor, plan.confirmed_by) == ("active", org.atasan, org.sdm.user)
    assert plan.confirmed and plan.goals == "Target IKI triwulan tercapai."
    assert list(plan.history.values_list("from_status", "to_status", "actor")) == [
        ("", "proposed", None), ("proposed", "active", org.sdm.user.pk),
    ]  # fmt: skip
    told = dict(Notification.objects.filter(kind__startswith="kinerja.coaching_s").values_list("recipient", "kind"))
    assert told == {org.pegawai.user.pk: "kinerja.coaching_started", org.atasan.user.pk: "kinerja.coaching_supervise"}


@pytest.mark.parametrize("who", ["atasan", "pimpinan", "pegawai", "rekan", "sdm_malut", "pelatihan"])
def test_only_hr_of_the_instansi_confirms(org, proposal, who):
    with pytest.raises(PermissionDenied):
        services.confirm(actor=getattr(org, who).user, plan=proposal, **terms())
    proposal.refresh_from_db()
    assert proposal.status == "proposed"


@pytest.mark.parametrize(
    "values, field",
    [({"goals": " "}, "goals"), ({"starts_on": None}, "starts_on"),
     ({"ends_on": timezone.localdate() - datetime.timedelta(days=1)}, "ends_on")],
)  # fmt: skip
def test_confirming_needs_goals_and_dates_in_order(org, proposal, values, field):
    with pytest.raises(ValidationError) as error:
        services.confirm(actor=org.sdm.user, plan=proposal, **terms(**values))
    assert field in error.value.message_dict


def test_the_supervisor_must_be_an_active_colleague_other_than_the_employee(org, proposal):
    for supervisor in (org.pegawai, org.pegawai_malut):
        with pytest.raises(ValidationError) as error:
            services.confirm(actor=org.sdm.user, plan=proposal, supervisor=supervisor, **terms())
        assert "supervisor_nip" in error.value.message_dict
    plan = services.confirm(actor=org.sdm.user, plan=proposal, supervisor=org.pimpinan, **terms())
    assert plan.supervisor == org.pimpinan


def test_hr_starts_a_plan_by_hand_running_at_once(org):
    plan = services.start_plan(actor=org.sdm.user, pegawai=org.rekan, **terms())
    assert (plan.status, plan.evaluation, plan.supervisor, plan.created_by) == (
        "active",
        None,
        org.atasan,
        org.sdm.user,
    )
    assert list(plan.history.values_list("from_status", "to_status")) == [("", "active")]
    for who in ("atasan", "pimpinan", "sdm_malut"):
        with pytest.raises(PermissionDenied):
            services.start_plan(actor=getattr(org, who).user, pegawai=org.rekan, **terms())


def test_nobody_manages_a_plan_about_themselves(org):
    with pytest.raises(PermissionDenied):
        services.start_plan(actor=org.sdm.user, pegawai=org.sdm, **terms(), supervisor=org.pimpinan)


@pytest.mark.parametrize("who, allowed", [("atasan", True), ("sdm", True), ("pegawai", False), ("pimpinan", False),
                                          ("sdm_malut", False)])  # fmt: skip
def test_the_supervisor_or_hr_completes_with_an_outcome(org, plan, who, allowed):
    call = lambda: services.complete(  # noqa: E731
        actor=getattr(org, who).user,
        plan=plan,
        outcome="Target tercapai dua triwulan berturut-turut.",
        result="membaik",
    )
    if not allowed:
        with pytest.raises(PermissionDenied):
            call()
        return
    call()
    plan.refresh_from_db()
    assert (plan.status, plan.result) == ("completed", "membaik")
    assert Notification.objects.filter(kind="kinerja.coaching_completed", recipient=org.pegawai.user).exists()
    with pytest.raises(ValidationError):  # a completed plan is final
        services.cancel(actor=org.sdm.user, plan=plan, reason="x")


def test_completing_needs_an_outcome_and_a_result(org, plan):
    with pytest.raises(ValidationError) as error:
        services.complete(actor=org.atasan.user, plan=plan, outcome=" ", result="membaik")
    assert "outcome" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.complete(actor=org.atasan.user, plan=plan, outcome="Baik.", result="lumayan")
    assert "result" in error.value.message_dict


def test_a_proposal_cannot_be_completed(org, proposal):
    with pytest.raises(PermissionDenied):  # nobody supervises a proposal yet
        services.complete(actor=org.atasan.user, plan=proposal, outcome="x", result="membaik")
    with pytest.raises(ValidationError):
        services.complete(actor=org.sdm.user, plan=proposal, outcome="x", result="membaik")


@pytest.mark.parametrize("who", ["atasan", "pegawai", "pimpinan", "sdm_malut"])
def test_only_hr_cancels(org, plan, who):
    with pytest.raises(PermissionDenied):
        services.cancel(actor=getattr(org, who).user, plan=plan, reason="Tidak diperlukan.")


def test_hr_cancels_with_a_reason_and_the_people_of_a_running_plan_are_told(org, plan, proposal):
    with pytest.raises(ValidationError):
        services.cancel(actor=org.sdm.user, plan=plan, reason=" ")
    services.cancel(actor=org.sdm.user, plan=plan, reason="Pegawai pindah instansi.")
    plan.refresh_from_db()
    assert plan.status == "cancelled" and plan.history.last().reason == "Pegawai pindah instansi."
    told = set(Notification.objects.filter(kind="kinerja.coaching_cancelled").values_list("recipient", flat=True))
    assert told == {org.pegawai.user.pk, org.atasan.user.pk}
    services.cancel(actor=org.sdm.user, plan=proposal, reason="Duplikat.")
    assert Notification.objects.filter(kind="kinerja.coaching_cancelled").count() == 2  # a proposal was never shown


# --- actions --------------------------------------------------------------------------------------------------


def test_actions_are_added_and_done_by_the_supervisor_or_hr(org, plan):
    for who in ("pegawai", "rekan", "sdm_malut"):
        with pytest.raises(PermissionDenied):
            services.add_action(actor=getattr(org, who).user, plan=plan, description="x")
    with pytest.raises(ValidationError):
        services.add_action(actor=org.atasan.user, plan=plan, description=" ")
    action = services.add_action(actor=org.atasan.user, plan=plan, description="Susun rencana kerja mingguan.")
    with pytest.raises(PermissionDenied):
        services.mark_action_done(actor=org.pegawai.user, action=action)
    services.mark_action_done(actor=org.sdm.user, action=action)
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.mark_action_done(actor=org.atasan.user, action=action)


def test_the_employee_enrols_through_an_action(org, action, open_session):
    services.enrol_in_session(actor=org.pegawai.user, action=action, session_id=open_session.pk)
    action.refresh_from_db()
    enrolment = action.enrolment
    assert (enrolment.pegawai, enrolment.session, enrolment.status) == (org.pegawai, open_session, "confirmed")
    assert enrolment.note.startswith("Rencana pembinaan kinerja: Ikuti pelatihan")
    with pytest.raises(ValidationError, match="sudah terhubung"):
        services.enrol_in_session(actor=org.pegawai.user, action=action, session_id=open_session.pk)


def test_an_organiser_enrols_them_directly(org, action, open_session):
    hr_organiser = make_pegawai(org.gorontalo, org.bkd, roles_=[roles.ADMIN_SDM, roles.PENYELENGGARA],
                                username="sdm_latih", nama="SDM Pelatihan")  # fmt: skip
    services.enrol_in_session(actor=hr_organiser.user, action=action, session_id=open_session.pk)
    action.refresh_from_db()
    assert action.enrolment.status == "confirmed"
    assert action.enrolment.transitions.filter(reason="Didaftarkan penyelenggara.").exists()


def test_kompetensis_refusals_come_through_unchanged(org, action, open_session):
    # a supervisor may not enrol someone else: only an organiser may
    with pytest.raises(PermissionDenied, match="tidak berwenang mendaftarkan pegawai lain"):
        services.enrol_in_session(actor=org.atasan.user, action=action, session_id=open_session.pk)
    # the course's own rules: outside its audience
    course = make_course(make_catalog(org.gorontalo), "Khusus PPPK", audience_status="PPPK")
    pppk_only = make_session(course, start_in=timedelta(days=15))
    with pytest.raises(ValidationError, match="tidak termasuk sasaran peserta"):
        services.enrol_in_session(actor=org.pegawai.user, action=action, session_id=pppk_only.pk)
    action.refresh_from_db()
    assert action.enrolment is None and not Enrolment.objects.exists()


def test_only_open_sessions_can_be_chosen(org, action):
    course = make_course(make_catalog(org.gorontalo), "Sudah ditutup")
    now = timezone.now()
    closed = make_session(course, start_in=timedelta(days=3), enrol_opens_at=now - timedelta(days=9),
                          enrol_closes_at=now - timedelta(days=1))  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.enrol_in_session(actor=org.pegawai.user, action=action, session_id=closed.pk)
    assert "session" in error.value.message_dict


@pytest.fixture
def programme(org):
    today = timezone.localdate()
    return MentoringProgramme.objects.create(
        instansi=org.gorontalo, name="Program Pembinaan", start_date=today - timedelta(days=10),
        end_date=today + timedelta(days=90), created_by=org.sdm.user,
    )  # fmt: skip


def test_the_supervisor_starts_mentoring_through_mentorings_service(org, action, programme):
    with pytest.raises(PermissionDenied):
        services.start_mentoring(actor=org.pegawai.user, action=action, programme=programme, mentor=org.atasan)
    # kompetensi's rule: a supervisor's mentor is themselves or one of their reports
    with pytest.raises(ValidationError, match="Mentor harus Anda sendiri atau bawahan langsung Anda"):
        services.start_mentoring(actor=org.atasan.user, action=action, programme=programme, mentor=org.sdm)
    services.start_mentoring(actor=org.atasan.user, action=action, programme=programme, mentor=org.rekan)
    action.refresh_from_db()
    pair = action.mentoring_pair
    assert (pair.mentor, pair.mentee, pair.programme, pair.goals) == (
        org.rekan, org.pegawai, programme, "Ikuti pelatihan pelayanan prima.",
    )  # fmt: skip


def test_mentoring_needs_a_programme_of_the_instansi(org, action):
    other = MentoringProgramme.objects.create(
        instansi=org.malut, name="Program Malut", start_date=timezone.localdate(),
        end_date=timezone.localdate() + timedelta(days=30),
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services.start_mentoring(actor=org.sdm.user, action=action, programme=other, mentor=org.rekan)
    assert "programme" in error.value.message_dict and not MentoringPair.objects.exists()


def test_nothing_happens_on_a_plan_that_is_not_running(org, proposal, plan, action):
    services.cancel(actor=org.sdm.user, plan=plan, reason="Selesai lebih awal.")
    for call in (
        lambda: services.add_action(actor=org.sdm.user, plan=plan, description="x"),
        lambda: services.mark_action_done(actor=org.sdm.user, action=action),
        lambda: services.plan_checkin(actor=org.sdm.user, plan=plan, planned_on=timezone.localdate()),
    ):
        with pytest.raises(ValidationError, match="tidak sedang berjalan"):
            call()


# --- check-ins --------------------------------------------------------------------------------------------------


def test_check_ins_the_supervisor_writes_notes_and_the_employee_only_responds(org, plan):
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.plan_checkin(actor=org.pegawai.user, plan=plan, planned_on=today)
    checkin = services.plan_checkin(actor=org.atasan.user, plan=plan, planned_on=today, agenda="Tinjau target")
    assert Notification.objects.filter(kind="kinerja.coaching_checkin_planned", recipient=org.pegawai.user).exists()
    with pytest.raises(ValidationError, match="belum dilaksanakan"):
        services.respond_to_checkin(actor=org.pegawai.user, checkin=checkin, response="Siap.")
    for who in ("pegawai", "sdm", "rekan", "pimpinan"):  # HR plans check-ins but the notes are the supervisor's
        with pytest.raises(PermissionDenied):
            services.record_checkin(actor=getattr(org, who).user, checkin=checkin, held_on=today, notes="x")
    with pytest.raises(ValidationError) as error:
        services.record_checkin(actor=org.atasan.user, checkin=checkin, held_on=today + timedelta(days=1), notes="x")
    assert "held_on" in error.value.message_dict
    services.record_checkin(actor=org.atasan.user, checkin=checkin, held_on=today, notes="Dua target tercapai.")
    for who in ("atasan", "sdm", "rekan"):
        with pytest.raises(PermissionDenied):
            services.respond_to_checkin(actor=getattr(org, who).user, checkin=checkin, response="x")
    services.respond_to_checkin(actor=org.pegawai.user, checkin=checkin, response="Saya akan memakai daftar periksa.")
    checkin.refresh_from_db()
    assert (checkin.held_on, checkin.notes, checkin.notes_by) == (today, "Dua target tercapai.", org.atasan.user)
    assert checkin.response.startswith("Saya akan") and checkin.responded_at
    with pytest.raises(ValidationError, match="sudah menanggapi"):
        services.respond_to_checkin(actor=org.pegawai.user, checkin=checkin, response="Lagi.")
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.record_checkin(actor=org.atasan.user, checkin=checkin, held_on=today, notes="Diubah.")
