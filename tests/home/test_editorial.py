"""Editorial set-up: per-instansi page permissions, the Pimpinan approval workflow for policies, the single
review step for other pages, content review reminders and page feedback routed to the owner."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from home import queries, services
from home.models import ContentPage, PageFeedback, PolicyPage
from portal import roles
from portal.models import Notification

from .builders import add, policy

pytestmark = pytest.mark.django_db


def perms(user, page):
    return page.permissions_for_user(user)


def test_admin_konten_may_add_only_under_own_instansi(intranet, org):
    konten = org.konten.user
    assert perms(konten, intranet.gorontalo.policies).can_add_subpage()
    assert not perms(konten, intranet.malut.policies).can_add_subpage()
    # drafting only: publishing goes through the workflow
    assert not perms(konten, intranet.gorontalo.policies).can_publish_subpage()
    assert perms(org.pimpinan.user, intranet.gorontalo.policies).can_publish_subpage()
    assert not perms(org.pegawai.user, intranet.gorontalo.policies).can_add_subpage()


def test_editor_groups_follow_roles(intranet, org):
    user = org.pegawai.user
    user.groups.add(Group.objects.get(name=roles.ADMIN_KONTEN))
    assert user.groups.filter(name="Admin Konten (gorontalo)").exists()
    user.groups.remove(Group.objects.get(name=roles.ADMIN_KONTEN))
    assert not user.groups.filter(name="Admin Konten (gorontalo)").exists()


def test_policies_need_pimpinan_approval(intranet, org):
    page = policy(intranet.gorontalo.policies, title="Draf Pergub")
    workflow = page.get_workflow()
    assert workflow.name == "Persetujuan kebijakan (gorontalo)"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Pimpinan (gorontalo)"]
    # news and guidance: one review step by the instansi's editors
    assert intranet.gorontalo.news.get_workflow().name == "Tinjauan konten (gorontalo)"
    assert intranet.malut.policies.get_workflow().name == "Persetujuan kebijakan (malut)"


def test_submit_and_approve_policy(intranet, org):
    page = PolicyPage(title="Pergub Baru", regulation_type="perkada", number="9/2026", date_issued="2026-01-05")
    page.live = False
    intranet.gorontalo.policies.add_child(instance=page)
    revision = page.save_revision(user=org.konten.user)
    workflow_state = page.get_workflow().start(page, org.konten.user)
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    assert task.user_can_access_editor(page, org.pimpinan.user)
    assert not task.user_can_access_editor(page, org.konten.user)
    assert not task.user_can_access_editor(page, org.sdm_malut.user)
    task.on_action(task_state, org.pimpinan.user, "approve")
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk


def test_review_due_listed_and_reminded_once(intranet, org, login):
    late = add(
        intranet.gorontalo.guidance,
        ContentPage(
            title="Panduan usang", content_owner=org.konten.user, review_by=timezone.localdate() - timedelta(days=1)
        ),
    )
    assert [p.pk for p in queries.review_due_pages(org.konten.user)] == [late.pk]
    assert "Panduan usang" in login(org.konten).get("/konten/tinjauan/").content.decode()
    assert services.send_review_reminders() == 1
    assert services.send_review_reminders() == 0
    assert Notification.objects.get(recipient=org.konten.user).kind == "home.review_due"


def test_feedback_routed_to_owner(intranet, org, login):
    page = add(intranet.gorontalo.guidance, ContentPage(title="Panduan presensi", content_owner=org.konten.user))
    client = login(org.pegawai)
    client.post(f"/halaman/{page.pk}/umpan-balik/", {"kind": "helpful"})
    response = client.post(f"/halaman/{page.pk}/umpan-balik/", {"kind": "problem", "comment": ""}, follow=True)
    assert "Jelaskan masalah" in response.content.decode()
    client.post(f"/halaman/{page.pk}/umpan-balik/", {"kind": "problem", "comment": "Tautan rusak"})
    assert list(PageFeedback.objects.order_by("pk").values_list("kind", flat=True)) == ["helpful", "problem"]
    note = Notification.objects.get(recipient=org.konten.user)
    assert "Tautan rusak" in note.body
    assert "Tautan rusak" in login(org.konten).get("/konten/tinjauan/").content.decode()


def test_feedback_on_invisible_page_is_404(intranet, org, login):
    theirs = add(intranet.malut.guidance, ContentPage(title="Panduan Malut"))
    assert login(org.pegawai).post(f"/halaman/{theirs.pk}/umpan-balik/", {"kind": "helpful"}).status_code == 404
    assert not PageFeedback.objects.exists()


def test_every_intranet_page_renders(intranet, org, login):
    client = login(org.pegawai)
    for page in Page.objects.live().descendant_of(intranet.gorontalo.home, inclusive=True):
        assert client.get(page.url).status_code == 200, page.url
