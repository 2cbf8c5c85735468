"""Pages of coaching plans: HR's list (scoped, filtered, constant queries), confirming and starting by hand with bad
input answered, the plan's page for HR, the supervisor and the employee (and 404 for anyone else), the forms of
each step in the browser (a refusal of kompetensi shown plainly), the profile section, the team column, the menu
and the demo."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.career import demo as career_demo
from kinerja.coaching import demo, services
from kinerja.coaching.models import CoachingAction, CoachingPlan
from kinerja.decisions import demo as decisions_demo
from kompetensi.models import Enrolment, MentoringProgramme
from portal.models import Jabatan
from tests.factories import make_jabatan, make_pegawai
from tests.kompetensi.conftest import make_catalog, make_course, make_session

from .conftest import final_annual, terms

pytestmark = pytest.mark.django_db


def _url(name, *args):
    return reverse(f"kinerja:{name}", args=args)


@pytest.mark.parametrize("who, status", [("sdm", 200), ("pimpinan", 403), ("atasan", 403), ("pegawai", 403)])
def test_the_list_is_for_hr(org, login, plan, who, status):
    response = login(getattr(org, who)).get(_url("coaching_plans"))
    assert response.status_code == status
    if status == 200:
        assert org.pegawai.full_name in response.content.decode()


def test_list_chips_filters_and_constant_queries(org, login, plan, django_assert_max_num_queries):
    client = login(org.sdm)
    for index in range(6):
        person = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Dibina {index}")
        final_annual(person, ("BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG")[index % 3])
    client.get(_url("coaching_plans"))  # the frame is filled once
    with django_assert_max_num_queries(14) as few:
        response = client.get(_url("coaching_plans"))
    baseline = len(few.captured_queries)  # read now: the query log is a bounded deque
    assert len(response.context["page"].object_list) == 7
    assert {value: n for value, _label, n in response.context["chips"]} == {
        "proposed": 6, "active": 1, "completed": 0, "cancelled": 0,
    }  # fmt: skip
    for index in range(6, 12):
        final_annual(make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Dibina {index}"), "KURANG")
    client.get(_url("coaching_plans"))  # the organisation changed: the frame is read again once
    with django_assert_max_num_queries(baseline):
        assert len(client.get(_url("coaching_plans")).context["page"].object_list) == 13
    proposed = client.get(_url("coaching_plans"), {"status": "active"}).context["page"].object_list
    assert [p.pk for p in proposed] == [plan.pk]
    found = client.get(_url("coaching_plans"), {"q": "Dibina 1"}).context["page"].object_list
    assert {p.pegawai.nama for p in found} == {"Dibina 1", "Dibina 10", "Dibina 11"}


def test_another_instansi_sees_none_of_it(org, login, plan):
    client = login(org.sdm_malut)
    assert org.pegawai.full_name not in client.get(_url("coaching_plans")).content.decode()
    assert client.get(_url("coaching_plan", plan.pk)).status_code == 404
    assert client.get(_url("coaching_confirm", plan.pk)).status_code == 404
    assert client.post(_url("coaching_cancel", plan.pk), {"reason": "x"}).status_code == 404


@pytest.mark.parametrize(
    "who, status",
    [("sdm", 200), ("atasan", 200), ("pegawai", 200), ("rekan", 404), ("cucu", 404), ("pimpinan", 404),
     ("pelatihan", 404), ("sdm_malut", 404), ("pegawai_malut", 404)],
)  # fmt: skip
def test_who_sees_a_plan(org, login, plan, who, status):
    assert login(getattr(org, who)).get(_url("coaching_plan", plan.pk)).status_code == status


def test_a_proposal_is_hrs_until_confirmed(org, login):
    plan = CoachingPlan.objects.get(evaluation=final_annual(org.pegawai, "KURANG"))
    for who in ("pegawai", "atasan"):
        assert login(getattr(org, who)).get(_url("coaching_plan", plan.pk)).status_code == 404
    page = login(org.sdm).get(_url("coaching_plan", plan.pk)).content.decode()
    assert _url("coaching_confirm", plan.pk) in page
    assert login(org.atasan).get(_url("coaching_confirm", plan.pk)).status_code == 404


def test_confirming_in_the_browser(org, login):
    plan = CoachingPlan.objects.get(evaluation=final_annual(org.pegawai, "KURANG"))
    client = login(org.sdm)
    form = client.get(_url("coaching_confirm", plan.pk))
    assert form.context["form"].initial["supervisor_nip"] == org.atasan.nip
    values = {**terms(), "supervisor_nip": org.atasan.nip}
    bad = client.post(_url("coaching_confirm", plan.pk), {**values, "supervisor_nip": org.pegawai_malut.nip})
    assert bad.status_code == 400 and "Tidak ada pegawai aktif dengan NIP ini" in bad.content.decode()
    reversed_dates = {**values, "ends_on": values["starts_on"] - timedelta(days=1)}
    bad = client.post(_url("coaching_confirm", plan.pk), reversed_dates)
    assert bad.status_code == 400 and bad.context["form"].errors["ends_on"]
    assert client.post(_url("coaching_confirm", plan.pk), values).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "active" and plan.supervisor == org.atasan
    assert client.get(_url("coaching_confirm", plan.pk)).status_code == 403  # not a proposal any more


def test_starting_by_hand_in_the_browser(org, login):
    client = login(org.sdm)
    page = client.get(_url("coaching_new"), {"nip": org.rekan.nip})
    assert page.status_code == 200 and org.rekan.full_name in page.content.decode()
    unknown = client.post(_url("coaching_new"), {**terms(), "nip": org.pegawai_malut.nip})
    assert unknown.status_code == 400 and "Tidak ada pegawai aktif dengan NIP ini" in unknown.content.decode()
    empty = client.post(_url("coaching_new"), {**terms(), "goals": "", "nip": org.rekan.nip})
    assert empty.status_code == 400 and not CoachingPlan.objects.exists()
    done = client.post(_url("coaching_new"), {**terms(), "nip": org.rekan.nip})
    plan = CoachingPlan.objects.get()
    assert done.url == _url("coaching_plan", plan.pk) and plan.status == "active" and plan.supervisor == org.atasan
    assert login(org.atasan).get(_url("coaching_new")).status_code == 403


def test_each_reader_finds_their_forms(org, login, plan, action):
    services.plan_checkin(actor=org.atasan.user, plan=plan, planned_on=timezone.localdate())
    supervisor = login(org.atasan).get(_url("coaching_plan", plan.pk)).content.decode()
    assert _url("coaching_add_action", plan.pk) in supervisor and _url("coaching_complete", plan.pk) in supervisor
    assert _url("coaching_action_mentoring", action.pk) in supervisor
    assert "coaching_checkin_notes" not in supervisor and "/catatan/" in supervisor
    assert _url("coaching_cancel", plan.pk) not in supervisor
    employee = login(org.pegawai).get(_url("coaching_plan", plan.pk)).content.decode()
    assert _url("coaching_action_enrol", action.pk) in employee
    for name in ("coaching_add_action", "coaching_complete", "coaching_cancel", "coaching_add_checkin"):
        assert _url(name, plan.pk) not in employee
    assert _url("coaching_action_mentoring", action.pk) not in employee and "/catatan/" not in employee
    hr = login(org.sdm).get(_url("coaching_plan", plan.pk)).content.decode()
    assert _url("coaching_cancel", plan.pk) in hr and "/catatan/" not in hr


def test_enrolling_in_the_browser_and_a_refusal_shown_plainly(org, login, plan, action, open_session):
    url = _url("coaching_action_enrol", action.pk)
    field = f"enrol-{action.pk}-session"
    refused = login(org.atasan).post(url, {field: open_session.pk})
    assert refused.status_code == 403
    assert "Anda tidak berwenang mendaftarkan pegawai lain ke angkatan ini." in refused.content.decode()
    course = make_course(make_catalog(org.gorontalo), "Khusus PPPK", audience_status="PPPK")
    pppk_only = make_session(course, start_in=timedelta(days=15))
    client = login(org.pegawai)
    refused = client.post(url, {field: pppk_only.pk})
    assert refused.status_code == 400
    assert "Anda tidak termasuk sasaran peserta: kursus ini hanya untuk PPPK." in refused.content.decode()
    assert not Enrolment.objects.exists()
    done = client.post(url, {field: open_session.pk})
    assert done.status_code == 302
    page = client.get(_url("coaching_plan", plan.pk)).content.decode()
    assert 'data-testid="action-enrolment"' in page and "Pelayanan Publik Prima" in page


def test_starting_mentoring_in_the_browser(org, login, plan, action):
    today = timezone.localdate()
    programme = MentoringProgramme.objects.create(
        instansi=org.gorontalo, name="Program Pembinaan", start_date=today, end_date=today + timedelta(days=60)
    )
    client = login(org.atasan)
    prefix = f"mentor-{action.pk}"
    refused = client.post(_url("coaching_action_mentoring", action.pk),
                          {f"{prefix}-programme": programme.pk, f"{prefix}-mentor_nip": org.sdm.nip})  # fmt: skip
    assert (
        refused.status_code == 400
        and "Mentor harus Anda sendiri atau bawahan langsung Anda." in refused.content.decode()
    )
    client.post(_url("coaching_action_mentoring", action.pk),
                {f"{prefix}-programme": programme.pk, f"{prefix}-mentor_nip": org.atasan.nip})  # fmt: skip
    action.refresh_from_db()
    assert action.mentoring_pair.mentor == org.atasan


def test_check_ins_in_the_browser(org, login, plan):
    client = login(org.atasan)
    today = timezone.localdate()
    client.post(_url("coaching_add_checkin", plan.pk), {"planned_on": today, "agenda": "Tinjau target"})
    checkin = plan.checkins.get()
    notes_url, response_url = _url("coaching_checkin_notes", checkin.pk), _url("coaching_checkin_response", checkin.pk)
    employee = login(org.pegawai)
    denied = employee.post(notes_url, {f"notes-{checkin.pk}-held_on": today, f"notes-{checkin.pk}-notes": "x"})
    assert denied.status_code == 403
    client = login(org.atasan)
    client.post(notes_url, {f"notes-{checkin.pk}-held_on": today, f"notes-{checkin.pk}-notes": "Target tercapai."})
    employee = login(org.pegawai)
    assert response_url in employee.get(_url("coaching_plan", plan.pk)).content.decode()
    employee.post(response_url, {f"response-{checkin.pk}-response": "Terima kasih, saya lanjutkan."})
    checkin.refresh_from_db()
    assert checkin.notes == "Target tercapai." and checkin.response == "Terima kasih, saya lanjutkan."
    page = login(org.atasan).get(_url("coaching_plan", plan.pk)).content.decode()
    assert 'data-testid="checkin-response"' in page and notes_url not in page  # answered notes stay as they are


def test_completing_and_cancelling_in_the_browser(org, login, plan):
    client = login(org.atasan)
    bad = client.post(_url("coaching_complete", plan.pk), {"result": "membaik", "outcome": ""})
    assert bad.status_code == 400
    client.post(_url("coaching_complete", plan.pk), {"result": "membaik", "outcome": "Target tercapai."})
    plan.refresh_from_db()
    assert plan.status == "completed"
    assert 'data-testid="coaching-result"' in login(org.pegawai).get(_url("coaching_plan", plan.pk)).content.decode()
    other = services.start_plan(actor=org.sdm.user, pegawai=org.rekan, **terms())
    client = login(org.sdm)
    assert client.post(_url("coaching_cancel", other.pk), {"reason": ""}).status_code == 400
    client.post(_url("coaching_cancel", other.pk), {"reason": "Pindah tugas."})
    other.refresh_from_db()
    assert other.status == "cancelled"


def test_actions_and_check_ins_of_another_instansi_answer_404(org, login, plan, action):
    checkin = services.plan_checkin(actor=org.atasan.user, plan=plan, planned_on=timezone.localdate())
    for who in ("sdm_malut", "rekan"):
        client = login(getattr(org, who))
        for url in (_url("coaching_action_done", action.pk), _url("coaching_action_enrol", action.pk),
                    _url("coaching_checkin_notes", checkin.pk), _url("coaching_checkin_response", checkin.pk)):  # fmt: skip
            assert client.post(url, {}).status_code == 404
    action.refresh_from_db()
    assert action.done_on is None


def test_the_plan_page_costs_the_same_however_many_actions(org, login, plan, open_session,
                                                          django_assert_max_num_queries):  # fmt: skip
    today = timezone.localdate()
    for n in range(2):
        services.add_action(actor=org.atasan.user, plan=plan, description=f"Tindakan {n}")
        services.plan_checkin(actor=org.atasan.user, plan=plan, planned_on=today)
    client = login(org.atasan)
    client.get(_url("coaching_plan", plan.pk))
    with django_assert_max_num_queries(30) as few:
        client.get(_url("coaching_plan", plan.pk))
    baseline = len(few.captured_queries)
    for n in range(2, 8):
        action = services.add_action(actor=org.atasan.user, plan=plan, description=f"Tindakan {n}")
        if n == 2:
            services.enrol_in_session(actor=org.pegawai.user, action=action, session_id=open_session.pk)
        checkin = services.plan_checkin(actor=org.atasan.user, plan=plan, planned_on=today)
        services.record_checkin(actor=org.atasan.user, checkin=checkin, held_on=today, notes="Catatan.")
    with django_assert_max_num_queries(baseline):
        response = client.get(_url("coaching_plan", plan.pk))
    assert len(response.context["action_rows"]) == 8


def test_profile_section(org, login, plan):
    own = login(org.pegawai).get(reverse("employee_detail", args=[org.pegawai.nip])).content.decode()
    assert 'data-testid="profile-coaching"' in own and _url("coaching_plan", plan.pk) in own
    hr = login(org.sdm).get(reverse("employee_detail", args=[org.rekan.nip])).content.decode()
    assert 'data-testid="profile-coaching"' in hr and f"{_url('coaching_new')}?nip={org.rekan.nip}" in hr
    supervisor = login(org.atasan).get(reverse("employee_detail", args=[org.pegawai.nip])).content.decode()
    assert _url("coaching_plan", plan.pk) in supervisor
    colleague = login(org.atasan).get(reverse("employee_detail", args=[org.rekan.nip])).content.decode()
    assert 'data-testid="profile-coaching"' not in colleague  # nothing to show, nothing to start


def test_team_column_and_menu(org, login, plan):
    team = login(org.atasan).get(reverse("team")).content.decode()
    assert "Pembinaan" in team and _url("coaching_plan", plan.pk) in team
    assert _url("coaching_plans") in login(org.sdm).get("/notifikasi/").content.decode()
    assert _url("coaching_plans") not in login(org.atasan).get("/notifikasi/").content.decode()


def test_demo_proposes_and_runs_a_plan_idempotently(org):
    jabatan = make_jabatan(org.gorontalo, "STAF-DEMO", kind=Jabatan.Kind.PELAKSANA)
    for index in range(6):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=jabatan, nama=f"Demo {index}")
    make_session(make_course(make_catalog(org.gorontalo), "Pelayanan Publik Prima"), start_in=timedelta(days=20))
    career_demo.load_promotion()
    decisions_demo.load_decisions()
    demo.load_coaching()
    demo.load_coaching()
    plans = CoachingPlan.objects.filter(instansi=org.gorontalo)
    assert sorted(plans.values_list("status", flat=True)) == ["active", "proposed"]
    proposed = plans.get(status="proposed")
    assert proposed.predikat == "BUTUH_PERBAIKAN" and proposed.evaluation is not None
    running = plans.get(status="active")
    assert running.supervisor == running.pegawai.atasan and running.pegawai_id != proposed.pegawai_id
    actions = CoachingAction.objects.filter(plan=running)
    assert actions.count() == 2 and actions.filter(enrolment__isnull=False).count() == 1
    assert actions.filter(done_on__isnull=False).count() == 1
    held = running.checkins.get(held_on__isnull=False)
    assert held.notes and held.response
