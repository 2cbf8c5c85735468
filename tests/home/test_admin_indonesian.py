"""The Wagtail admin as editors see it (issue 8): every page an editor walks is Indonesian. A text node or label
that is an English msgid of Wagtail or Django which the active (Indonesian) catalogue leaves untranslated fails."""

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from wagtail.users.utils import get_gravatar_url

from home.models import PolicyPage
from tests.portal.test_i18n import parse_po

from .builders import add, policy

pytestmark = pytest.mark.django_db

# msgids that read the same in Indonesian
SAME_IN_INDONESIAN = {
    "Admin",
    "Email",
    "ID",
    "Status",
    "URL",
    "Dashboard",
    "Lentera",
    "Minimum",
    "Pin",
    "Slug",
    "Tag",
    "Total",
}
VISIBLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "value", "data-w-tooltip-content-value"}


@functools.cache
def english_msgids():
    """Every msgid of Wagtail's and Django's own catalogues (their English source strings)."""
    msgids = set()
    for root in (Path(wagtail.__file__).parent, Path(django.__file__).parent / "contrib" / "auth"):
        for po in root.glob("**/locale/en/LC_MESSAGES/django*.po"):
            msgids.update(e["msgid"] for e in parse_po(po) if e["msgid"])
    return msgids


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts, self._skip = set(), 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self.texts.add(" ".join(value.split()))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.add(" ".join(data.split()))


def english_on(html):
    parser = _Texts()
    parser.feed(html)
    with translation.override("id"):
        return sorted(
            text
            for text in parser.texts
            if text in english_msgids() and text not in SAME_IN_INDONESIAN and translation.gettext(text) == text
        )


@pytest.fixture
def pages(intranet, org, login):
    draft = policy(intranet.gorontalo.policies, title="Draf Pergub Uji")
    draft.save_revision(user=org.konten.user)
    draft.get_workflow().start(draft, org.konten.user)
    return {"draft": draft, "index": intranet.gorontalo.policies, "home": intranet.gorontalo.home}


def admin_urls(pages):
    draft, index, home = pages["draft"], pages["index"], pages["home"]
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{draft.pk}/edit/",
        f"/admin/pages/{draft.pk}/history/",
        f"/admin/pages/{index.pk}/add_subpage/",
        "/admin/pages/search/?q=pergub",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/snippets/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/account/",
        "/admin/workflows/list/",
        "/admin/collections/",
    ]


@pytest.mark.parametrize("who", ["konten", "pimpinan", "superadmin"])
def test_admin_pages_have_no_english_ui_text(pages, org, login, who):
    client = login(getattr(org, who))
    client.cookies["django_language"] = "id"
    found = {}
    for url in admin_urls(pages):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="id")
        if response.status_code != 200:
            continue
        english = english_on(response.content.decode())
        if english:
            found[url] = english
    assert found == {}, "translate these in locale/id/LC_MESSAGES/django.po"


def test_sidebar_menu_is_indonesian(pages, org, login):
    """The sidebar is drawn by JavaScript from JSON props, which the HTML walk above skips."""
    client = login(org.superadmin)
    body = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    for english, indonesian in [("Reports", "Laporan"), ("Help", "Bantuan"), ("Settings", "Pengaturan")]:
        assert f'"{indonesian}"' in body
        assert f'"{english}"' not in body


def test_no_gravatar_requests(pages, org, login, settings):
    """An intranet may be offline, and editors' e-mail hashes stay inside: avatars never come from gravatar.com."""
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert get_gravatar_url(org.konten.user.email) is None
    client = login(org.konten)
    for url in ("/admin/", f"/admin/pages/{pages['draft'].pk}/edit/", "/admin/account/"):
        assert "gravatar" not in client.get(url).content.decode().lower()


def test_boolean_list_columns_read_ya_tidak(org, login):
    from portal.models import Pegawai

    Pegawai.objects.filter(pk=org.rekan.pk).update(is_active=False)
    body = login(org.sdm).get("/admin/snippets/portal/pegawai/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    cells = re.findall(r"<td[^>]*>\s*(Ya|Tidak|True|False)\s*</td>", body)
    assert "Ya" in cells and "True" not in cells and "False" not in cells
    assert "Tidak" in cells


def test_admin_carries_lentera_brand(pages, org, login, client):
    login_page = client.get("/admin/login/", follow=True).content.decode()
    assert "img/lentera-admin-logo.svg" in login_page
    assert "Sign in to Wagtail" not in login_page
    body = login(org.konten).get("/admin/").content.decode()
    assert "img/lentera-admin-logo.svg" in body  # sidebar logo and favicon
    assert re.search(r"<title>[^<]*- Lentera</title>", body)
    assert "- Wagtail</title>" not in body


def test_submitter_never_sees_approve_on_own_page(intranet, org, login):
    """Admin Konten reviews content pages, but not the one they submitted themselves (four eyes)."""
    from home.models import ContentPage

    page = add(intranet.gorontalo.guidance, ContentPage(title="Panduan Uji"))
    page.save_revision(user=org.konten.user)
    page.get_workflow().start(page, org.konten.user)
    url = f"/admin/pages/{page.pk}/edit/"
    own = login(org.konten).get(url)
    assert own.status_code == 200
    assert 'data-workflow-action-name="approve"' not in own.content.decode()
    refused = login(org.konten).post(url, {"workflow-action-name": "approve", "title": page.title, "slug": page.slug})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail turns the refusal into a redirect
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    other = login(org.pimpinan).get(url).content.decode()
    assert 'data-workflow-action-name="approve"' in other


# a policy in moderation: the pages and actions its reviewer and its submitter meet
WORKFLOW_ENGLISH = re.compile(
    r">\s*(Reports|Help|Skip to main content|Request changes|Approve with comment|Workflows|Site history|"
    r"Aging pages|Sort by|Select all|Show filters|Newest|Oldest|Locked pages|Workflow tasks)\s*<"
)


def _submitted_policy_pages(intranet, org):
    page = PolicyPage(title="Pergub Uji", regulation_type="perkada", number="9/2026", date_issued="2026-01-05")
    page.live = False
    intranet.gorontalo.policies.add_child(instance=page)
    page.save_revision(user=org.konten.user)
    page.get_workflow().start(page, org.konten.user)
    return [
        "/admin/",
        reverse("wagtailadmin_explore", args=[intranet.gorontalo.policies.pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "/admin/documents/",
        "/admin/images/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
    ], page


@pytest.mark.parametrize("who", ["konten", "pimpinan"])
def test_a_policy_in_moderation_shows_no_english(intranet, org, login, who):
    paths, _page = _submitted_policy_pages(intranet, org)
    client = login(getattr(org, who))
    leftovers = {}
    for path in paths:
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        found = WORKFLOW_ENGLISH.findall(response.content.decode())
        if found:
            leftovers[path] = sorted(set(found))
    assert leftovers == {}


def test_the_reviewer_sees_indonesian_workflow_actions(intranet, org, login):
    _paths, page = _submitted_policy_pages(intranet, org)
    html = login(org.pimpinan).get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Minta perubahan" in html and "Setujui dengan komentar" in html
    assert "Request changes" not in html
