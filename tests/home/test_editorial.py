"""Editorial set-up: per-instansi page permissions, the Pimpinan approval workflow for policies, the single
review step for other pages, content review reminders and page feedback routed to the owner."""

import importlib
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Workflow

from home import editorial, queries, services
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
    assert workflow.name == "Persetujuan Kebijakan – Pemerintah Provinsi Gorontalo"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Pimpinan (gorontalo)"]
    assert task.name == "Persetujuan Pimpinan – Pemerintah Provinsi Gorontalo"
    # news and guidance: one review step by the instansi's editors
    assert intranet.gorontalo.news.get_workflow().name == "Tinjauan Konten – Pemerintah Provinsi Gorontalo"
    assert intranet.malut.policies.get_workflow().name == "Persetujuan Kebijakan – Pemerintah Provinsi Maluku Utara"


def test_set_up_finds_its_workflows_after_a_rename(intranet, org):
    """Names are for people and editable in the admin: running the set-up again neither duplicates nor renames."""
    before = Workflow.objects.count()
    workflow = intranet.gorontalo.policies.get_workflow()
    workflow.name = "Persetujuan Kebijakan Gubernur"
    workflow.save()
    org.gorontalo.name = "Provinsi Gorontalo"
    org.gorontalo.save()
    editorial.ensure_instansi_editorial(intranet.gorontalo.home)
    assert Workflow.objects.count() == before
    assert editorial.policy_workflow(org.gorontalo).name == "Persetujuan Kebijakan Gubernur"


def _renaming():
    return importlib.import_module("home.migrations.0008_readable_workflow_names")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Persetujuan kebijakan (gorontalo)", "Persetujuan Kebijakan – Pemerintah Provinsi Gorontalo"),
        ("Tinjauan konten (dinkes)", "Tinjauan Konten – Dinas Kesehatan"),
        ("Persetujuan Pimpinan (dinkes)", "Persetujuan Pimpinan – Dinas Kesehatan"),
        ("persetujuan-kebijakan-dinkes", "Persetujuan Kebijakan – Dinas Kesehatan"),
        ("tinjauan-berita-kota-bukittinggi", "Tinjauan Berita – Pemerintah Kota Bukittinggi"),
        ("alur-khusus", "Alur khusus"),
        ("Persetujuan Sekda (lain)", None),  # not an instansi's slug: a name someone wrote
        ("Moderators approval", None),
    ],
)
def test_slug_like_workflow_names_become_readable(old, new):
    from types import SimpleNamespace

    instansi = {
        slug: SimpleNamespace(name=name)
        for slug, name in [
            ("gorontalo", "Pemerintah Provinsi Gorontalo"),
            ("dinkes", "Dinas Kesehatan"),
            ("kota-bukittinggi", "Pemerintah Kota Bukittinggi"),
        ]
    }
    found = _renaming().readable(old, instansi)
    assert (found[0] if found else None) == new


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


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("", "Panduan SKP"),
        ("Bahan paparan (PDF)", "Bahan paparan"),
        ("Bahan (pdf) ", "Bahan"),
        ("Lampiran", "Lampiran"),
    ],
)
def test_document_caption_names_type_and_size_once(label, expected):
    from types import SimpleNamespace

    from home.templatetags.home_tags import document_caption

    document = SimpleNamespace(title="Panduan SKP", file_extension="pdf", file_size=1_300_000)
    caption = str(document_caption(document, label))
    assert caption.startswith(expected + " <span")
    assert caption.count("PDF") == 1 and "(PDF, 1,2\xa0MB)" in caption


# ---------------------------------------------------------------- moderation emails

# Sentences of Wagtail's own English notification templates: none may reach an Indonesian civil servant.
ENGLISH = re.compile(
    r"\b(the page|has been|you can|hello|moderation|workflow|submitted|approved|rejected|edit your|notification"
    r"|preferences|here)\b",
    re.IGNORECASE,
)


def _submit(intranet, org, title="Pergub Jam Kerja"):
    page = PolicyPage(title=title, regulation_type="perkada", number="9/2026", date_issued="2026-01-05")
    page.live = False
    intranet.gorontalo.policies.add_child(instance=page)
    page.save_revision(user=org.konten.user)
    page.get_workflow().start(page, org.konten.user)
    return page


def _mail_to(mailoutbox, user):
    return [m for m in mailoutbox if user.email in m.to]


@pytest.fixture
def site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://lentera.gorontaloprov.go.id"
    return settings.WAGTAILADMIN_BASE_URL


def test_a_submission_emails_the_approver_in_indonesian(intranet, org, mailoutbox, site_address):
    _submit(intranet, org)
    [mail] = _mail_to(mailoutbox, org.pimpinan.user)
    assert mail.subject == "Menunggu persetujuan Anda: “Pergub Jam Kerja”"
    assert mail.body.startswith("Yth. Kepala BKD,")
    assert "Darmawan Konten mengajukan “Pergub Jam Kerja” untuk persetujuan Anda" in mail.body
    assert "Persetujuan Pimpinan – Pemerintah Provinsi Gorontalo" in mail.body
    assert f"{site_address}/kebijakan/persetujuan/" in mail.body
    assert ENGLISH.search(mail.subject + mail.body) is None, mail.body
    # every link on the configured address, none on another host
    assert {url.split("/")[2] for url in re.findall(r"https?://\S+", mail.body)} == {"lentera.gorontaloprov.go.id"}
    assert not _mail_to(mailoutbox, org.konten.user)  # the submitter is not asked to approve


def test_decisions_email_the_submitter_in_indonesian(intranet, org, mailoutbox, site_address):
    page = _submit(intranet, org)
    state = page.current_workflow_state.current_task_state
    services.decide_approval(
        actor=org.pimpinan.user, task_state_id=state.pk, action="reject", comment="Tambah dasar hukum"
    )
    [rejected] = _mail_to(mailoutbox, org.konten.user)
    assert rejected.subject == "Perlu perubahan: “Pergub Jam Kerja”"
    assert (
        "Kepala BKD meminta perubahan pada “Pergub Jam Kerja”" in rejected.body
        and "“Tambah dasar hukum”" in rejected.body
    )
    assert f"{site_address}/admin/pages/{page.pk}/edit/" in rejected.body
    assert ENGLISH.search(rejected.subject + rejected.body) is None, rejected.body

    mailoutbox.clear()
    page.save_revision(user=org.konten.user)
    page.current_workflow_state.resume(user=org.konten.user)
    state = page.current_workflow_state.current_task_state
    services.decide_approval(actor=org.pimpinan.user, task_state_id=state.pk, action="approve")
    [approved] = _mail_to(mailoutbox, org.konten.user)
    assert approved.subject == "Disetujui: “Pergub Jam Kerja”"
    page.refresh_from_db()
    assert f"{site_address}{page.url}" in approved.body
    assert ENGLISH.search(approved.subject + approved.body) is None, approved.body


def test_every_wagtail_notification_template_is_overridden():
    """A Wagtail upgrade that adds a notification must not send its English text unnoticed."""
    from pathlib import Path

    import wagtail.admin

    shipped = Path(wagtail.admin.__file__).parent / "templates/wagtailadmin/notifications"
    ours = Path(__file__).resolve().parents[2] / "templates/wagtailadmin/notifications"
    assert sorted(p.name for p in shipped.iterdir()) == sorted(p.name for p in ours.iterdir())
