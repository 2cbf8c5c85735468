"""The leader's home page: required reading across the organisation, JP compliance per unit, and the pages that
wait for their approval (never the reader's own submissions, never another instansi's)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import TaskState, WorkflowState

from home.models import ContentPage, PolicyPage
from portal import roles
from tests.factories import make_pegawai

from .builders import campaign

pytestmark = pytest.mark.django_db


def _submitted_policy(intranet, org, title="Pergub Menunggu"):
    page = PolicyPage(
        title=title,
        regulation_type="perkada",
        number="9/2026",
        date_issued="2026-01-05",
        summary="Ringkasan yang hanya ada di revisi yang diajukan.",
    )
    page.live = False
    intranet.gorontalo.policies.add_child(instance=page)
    page.save_revision(user=org.konten.user)
    page.get_workflow().start(page, org.konten.user)
    return page


def test_pimpinan_sees_the_organisation_at_a_glance(intranet, org, login):
    campaign(intranet.gorontalo.campaigns, title="Sosialisasi Disiplin", rules=[{"unit": org.bidang}])
    html = login(org.pimpinan).get("/", follow=True).content.decode()
    assert "Bacaan wajib di organisasi" in html and "Sosialisasi Disiplin" in html
    assert "Kepatuhan JP" in html and "mencapai target" in html
    assert org.bidang.name in html


def test_employees_do_not_get_the_leaders_panels(intranet, org, login):
    campaign(intranet.gorontalo.campaigns, rules=[{"unit": org.bidang}])
    html = login(org.pegawai).get("/", follow=True).content.decode()
    assert "Bacaan wajib di organisasi" not in html and "mencapai target" not in html


def test_a_policy_awaiting_the_pimpinan_shows_on_their_home_only(intranet, org, login):
    page = _submitted_policy(intranet, org)
    html = login(org.pimpinan).get("/", follow=True).content.decode()
    assert "Halaman menunggu persetujuan Anda" in html and "Pergub Menunggu" in html
    state = page.current_workflow_state.current_task_state
    assert f"/kebijakan/persetujuan/{state.pk}/" in html and "/kebijakan/persetujuan/" in html
    # the submitter does not approve their own page; another instansi's leader sees nothing
    assert "Pergub Menunggu" not in login(org.konten).get("/", follow=True).content.decode()
    from portal import roles
    from tests.factories import make_pegawai

    leader_malut = make_pegawai(org.malut, org.malut_unit, roles_=[roles.PIMPINAN])
    roles.ensure_instansi_groups(org.malut)
    roles.sync_memberships(leader_malut.user, leader_malut)
    assert "Pergub Menunggu" not in login(leader_malut).get("/", follow=True).content.decode()


# ---------------------------------------------------------------- approving from the intranet


def _task_state(page):
    return TaskState.objects.get(workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS)


def _leader_malut(org):
    leader = make_pegawai(org.malut, org.malut_unit, roles_=[roles.PIMPINAN], username="pimpinan_malut")
    roles.ensure_instansi_groups(org.malut)
    roles.sync_memberships(leader.user, leader)
    return leader


def test_pimpinan_previews_and_approves_a_policy_in_the_intranet(intranet, org, login):
    page = _submitted_policy(intranet, org)
    state = _task_state(page)
    client = login(org.pimpinan)
    listing = client.get("/kebijakan/persetujuan/").content.decode()
    assert "Pergub Menunggu" in listing and f"/kebijakan/persetujuan/{state.pk}/" in listing
    assert "data-confirm=" in listing and "Minta perubahan" in listing
    preview = client.get(f"/kebijakan/persetujuan/{state.pk}/")
    html = preview.content.decode()
    # the submitted revision, in the intranet's own page template, with the decision above it
    assert preview.status_code == 200 and "Ringkasan yang hanya ada di revisi yang diajukan." in html
    assert "Pratinjau untuk persetujuan" in html and "Belum terbit" in html and 'class="site-header"' in html
    assert "Apakah halaman ini membantu?" not in html  # no feedback form on a page that does not exist yet
    response = client.post(f"/kebijakan/persetujuan/{state.pk}/putuskan/", {"action": "approve"}, follow=True)
    assert "Halaman disetujui." in response.content.decode()
    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED and state.finished_by == org.pimpinan.user
    # decided: gone from the list, and the preview is no longer reachable
    assert "Pergub Menunggu" not in client.get("/kebijakan/persetujuan/").content.decode()
    assert client.get(f"/kebijakan/persetujuan/{state.pk}/").status_code == 404


def test_requesting_changes_needs_a_comment_and_reaches_the_submitter(intranet, org, login):
    page = _submitted_policy(intranet, org)
    state = _task_state(page)
    client = login(org.pimpinan)
    response = client.post(f"/kebijakan/persetujuan/{state.pk}/putuskan/", {"action": "reject", "comment": " "})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS  # nothing changed
    client.post(
        f"/kebijakan/persetujuan/{state.pk}/putuskan/", {"action": "reject", "comment": "Lengkapi dasar hukum."}
    )
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED and state.comment == "Lengkapi dasar hukum."
    assert state.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    assert not page.live


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("pimpinan", 200),
        ("superadmin", 200),
        ("konten", 404),  # the submitter; and Admin Konten does not moderate policies
        ("pegawai", 404),
        ("sdm", 404),
        ("pimpinan_malut", 404),  # a leader of another instansi
        ("sdm_malut", 404),
    ],
)
def test_only_the_tasks_moderators_may_open_or_decide_it(intranet, org, login, who, expected):
    page = _submitted_policy(intranet, org)
    state = _task_state(page)
    person = _leader_malut(org) if who == "pimpinan_malut" else getattr(org, who)
    client = login(person)
    assert client.get(f"/kebijakan/persetujuan/{state.pk}/").status_code == expected
    listing = client.get("/kebijakan/persetujuan/").content.decode()
    assert ("Pergub Menunggu" in listing) is (expected == 200)
    if expected != 200:
        response = client.post(f"/kebijakan/persetujuan/{state.pk}/putuskan/", {"action": "approve"})
        assert response.status_code == 404
        state.refresh_from_db()
        assert state.status == TaskState.STATUS_IN_PROGRESS


def test_no_one_approves_their_own_submission(intranet, org, login):
    """Content pages are reviewed by Admin Konten or Pimpinan: an Admin Konten who submits sees it nowhere to
    approve, while a second Admin Konten may."""
    page = ContentPage(title="Panduan Baru")
    page.live = False
    intranet.gorontalo.guidance.add_child(instance=page)
    page.save_revision(user=org.konten.user)
    page.get_workflow().start(page, org.konten.user)
    state = _task_state(page)
    client = login(org.konten)
    assert "Panduan Baru" not in client.get("/kebijakan/persetujuan/").content.decode()
    assert client.get(f"/kebijakan/persetujuan/{state.pk}/").status_code == 404
    assert client.post(f"/kebijakan/persetujuan/{state.pk}/putuskan/", {"action": "approve"}).status_code == 404
    second = make_pegawai(org.gorontalo, org.kominfo, roles_=[roles.ADMIN_KONTEN], username="konten2")
    second.user.groups.add(Group.objects.get(name="Admin Konten (gorontalo)"))
    assert login(second).get(f"/kebijakan/persetujuan/{state.pk}/").status_code == 200


def test_an_unknown_action_changes_nothing(intranet, org, login):
    page = _submitted_policy(intranet, org)
    state = _task_state(page)
    response = login(org.pimpinan).post(f"/kebijakan/persetujuan/{state.pk}/putuskan/", {"action": "publish"})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.parametrize("grow", [2, 9])
def test_the_approvals_list_costs_the_same_however_long(intranet, org, login, grow, django_assert_max_num_queries):
    for i in range(grow):
        _submitted_policy(intranet, org, title=f"Pergub {i}")
    client = login(org.pimpinan)
    client.get("/kebijakan/persetujuan/")
    with django_assert_max_num_queries(25):
        html = client.get("/kebijakan/persetujuan/").content.decode()
    assert html.count('class="card approval-item"') == grow
