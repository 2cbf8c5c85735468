"""The plan pages and the API: scoped to the user (another instansi's plan is a 404), bad input keeps what was typed,
the team column, the supervisor's queue and HR's coverage at a constant number of queries, a formula-safe export."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kompetensi import services as training
from kompetensi.models import DevelopmentPlan
from kompetensi.plans import services
from portal.team import reminders_for
from tests.factories import make_pegawai

from .conftest import approved, submitted

pytestmark = pytest.mark.django_db


def detail_url(plan):
    return reverse("kompetensi:plans:detail", args=[plan.pk])


@pytest.mark.parametrize(
    ("who", "status"),
    [("pegawai", 200), ("atasan", 200), ("sdm", 200), ("pimpinan", 200), ("rekan", 404), ("cucu", 404),
     ("sdm_malut", 404), ("pegawai_malut", 404)],
)  # fmt: skip
def test_who_sees_a_plan(org, plan, login, who, status):
    assert login(getattr(org, who)).get(detail_url(plan)).status_code == status


def test_my_plan_starts_a_draft_then_leads_to_it(org, gaps, catalogue, login):
    client = login(org.pegawai)
    page = client.get(reverse("kompetensi:plans:mine") + f"?tahun={catalogue.year}")
    assert "Susun rencana" in page.content.decode()
    response = client.post(reverse("kompetensi:plans:start"), {"year": catalogue.year})
    plan = DevelopmentPlan.objects.get(pegawai=org.pegawai, year=catalogue.year)
    assert response.url == detail_url(plan)
    assert client.get(reverse("kompetensi:plans:mine") + f"?tahun={catalogue.year}").url == detail_url(plan)


def test_bad_activity_keeps_what_was_typed_and_says_why(org, plan, login):
    client = login(org.pegawai)
    response = client.post(
        detail_url(plan),
        {"action": "add_activity", "activity-kind": "mentoring", "activity-title": "Mentoring Kabid",
         "activity-planned_jp": "500", "activity-planned_month": "4"},
    )  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mentoring Kabid"' in body and "200" in body
    assert plan.activities.count() == 2


def test_goal_form_offers_only_my_gaps_and_adds_one(org, plan, gaps, login):
    client = login(org.pegawai)
    body = client.get(detail_url(plan)).content.decode()
    assert "M.04" in body and "M.03 Komunikasi" not in body.split("add-goal-title")[1]
    response = client.post(
        detail_url(plan),
        {"action": "add_goal", "goal-competency": gaps.national["M.04"].pk, "goal-target_level": "3"},
    )
    assert response.status_code == 302
    assert plan.goals.filter(competency=gaps.national["M.04"], level_at_writing=None).exists()


def test_someone_else_cannot_edit(org, plan, login):
    response = login(org.atasan).post(
        detail_url(plan), {"action": "remove_activity", "item": plan.activities.first().pk}
    )
    assert response.status_code == 403
    assert plan.activities.count() == 2


def test_supervisor_approves_from_the_page_and_returns_with_a_reason(org, plan, login):
    submitted(org, plan)
    client = login(org.atasan)
    url = reverse("kompetensi:plans:transition", args=[plan.pk])
    client.post(url, {"action": "return", "reason": ""})
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "submitted"
    client.post(url, {"action": "approve", "reason": "Setuju"})
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "approved"


def test_transition_by_another_instansi_is_a_404(org, plan, login):
    submitted(org, plan)
    response = login(org.sdm_malut).post(reverse("kompetensi:plans:transition", args=[plan.pk]), {"action": "approve"})
    assert response.status_code == 404
    assert DevelopmentPlan.objects.get(pk=plan.pk).status == "submitted"


def test_a_completed_plan_shows_its_snapshot_not_live_data(org, plan, catalogue, login):
    approved(org, plan)
    training.enrol(org.pegawai.user, org.pegawai, catalogue.session.pk)
    plan.refresh_from_db()
    services.complete_plan(actor=org.pegawai.user, plan=plan)
    plan.refresh_from_db()
    plan.snapshot["activities"][0]["title"] = "Judul saat selesai"
    DevelopmentPlan.objects.filter(pk=plan.pk).update(snapshot=plan.snapshot)
    body = login(org.pegawai).get(detail_url(plan)).content.decode()
    assert "Judul saat selesai" in body and "direkam saat rencana selesai" in body


def _team(org, n):
    reports = [make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan) for _ in range(n)]
    for report in reports[: n // 2]:
        DevelopmentPlan.objects.create(pegawai=report, year=2026, status="submitted")
    return reports


def test_team_column_and_queue_cost_the_same_for_more_reports(org, plan, login, django_assert_max_num_queries):
    submitted(org, plan)
    client = login(org.atasan)
    _team(org, 2)
    client.get(reverse("team"))
    with CaptureQueriesContext(connection) as few:
        team = client.get(reverse("team"))
        queue = client.get(reverse("kompetensi:plans:waiting"))
    few = len(few)  # counted now: the next request empties the connection's log
    assert "Menunggu persetujuan Anda" in team.content.decode()
    assert org.pegawai.nama in queue.content.decode()
    _team(org, 8)
    client.get(reverse("team"))  # caches the new employees emptied fill again
    with django_assert_max_num_queries(few):
        client.get(reverse("team"))
        client.get(reverse("kompetensi:plans:waiting"))


def test_coverage_counts_none_and_behind_and_costs_constant_queries(org, plan, login, django_assert_max_num_queries):
    approved(org, plan)  # 18 JP planned, none done yet: behind as soon as the year has begun
    client = login(org.sdm)
    url = reverse("kompetensi:plans:coverage") + f"?tahun={plan.year}"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        page = client.get(url + "&tampil=behind")
    few = len(few)  # counted now: the next request empties the connection's log
    assert org.pegawai.nama in page.content.decode() and org.rekan.nama not in page.content.decode()
    none = client.get(url + "&tampil=none").content.decode()
    assert org.rekan.nama in none and org.pegawai.nama not in none
    for _ in range(6):
        make_pegawai(org.gorontalo, org.kominfo)
    client.get(url + "&tampil=behind")  # caches the new employees emptied (menus, units) fill again
    with django_assert_max_num_queries(few):
        client.get(url + "&tampil=behind")


def test_coverage_is_hr_and_leaders_only_and_scoped(org, plan, login):
    url = reverse("kompetensi:plans:coverage")
    assert login(org.atasan).get(url).status_code == 403
    assert login(org.pimpinan).get(url).status_code == 200
    assert org.pegawai.nama not in login(org.sdm_malut).get(url).content.decode()


def test_coverage_export_is_formula_safe(org, plan, login):
    org.rekan.nama = '=HYPERLINK("http://x")'
    org.rekan.save(update_fields=["nama"])
    response = login(org.sdm).get(reverse("kompetensi:plans:coverage") + f"?tahun={plan.year}&format=xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    names = [row[1] for row in rows]
    assert '\'=HYPERLINK("http://x")' in names and org.pegawai.nama in names


def test_api_my_plan(org, plan, catalogue, login, django_assert_max_num_queries):
    client = login(org.pegawai)
    url = reverse("api-competency-plans-me")
    if plan.year != timezone.localdate().year:
        pytest.skip("the fixture's session falls in next year today")
    training.enrol(org.pegawai.user, org.pegawai, catalogue.session.pk)
    with django_assert_max_num_queries(16):
        data = client.get(url).json()
    assert data["status"] == "draft" and data["frozen"] is False
    assert data["jp"]["planned"] == 18
    assert data["goals"][0]["code"] == "T.SDM.01" and data["goals"][0]["current_level"] == 1
    session = next(a for a in data["activities"] if a["kind"] == "session")
    assert session["outcome"] == "started" and session["enrolment_status"] == "confirmed"
    assert login(org.rekan).get(url).status_code == 404


def test_a_report_without_a_plan_is_reminded_to_write_one(org, login):
    assert any("belum disusun" in text for text in reminders_for(org.rekan))
    DevelopmentPlan.objects.create(pegawai=org.rekan, year=timezone.localdate().year, status="returned")
    assert any("dikembalikan" in text for text in reminders_for(org.rekan))
