"""Cached fragments of the intranet's pages and of every page's frame (portal.frame_fragments): a page body, the
menu and the footer show each change on the very next request; a preview never shows the cached live body."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.models import PolicyPage

from .builders import policy

pytestmark = pytest.mark.django_db


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _body(text):
    return [("paragraph", f"<p>{text}</p>")]


def test_a_new_revision_of_a_page_body_shows_on_the_next_request(intranet, org, login):
    page = policy(intranet.gorontalo.policies, body=_body("Isi lama kebijakan."))
    client = login(org.pegawai)
    _html(client, page.url)
    assert "Isi lama kebijakan." in _html(client, page.url)
    page = PolicyPage.objects.get(pk=page.pk)
    page.body = _body("Isi baru kebijakan.")
    page.save_revision().publish()
    html = _html(client, page.url)
    assert "Isi baru kebijakan." in html and "Isi lama kebijakan." not in html


def test_a_draft_does_not_change_the_live_body(intranet, org, login):
    page = policy(intranet.gorontalo.policies, body=_body("Isi terbit."))
    client = login(org.pegawai)
    _html(client, page.url)
    page = PolicyPage.objects.get(pk=page.pk)
    page.body = _body("Isi draf.")
    page.save_revision()
    html = _html(client, page.url)
    assert "Isi terbit." in html and "Isi draf." not in html


def test_a_preview_shows_the_draft_not_the_cached_live_body(intranet, org, login):
    page = policy(intranet.gorontalo.policies, body=_body("Isi terbit."))
    _html(login(org.pimpinan), page.url)  # the live body is cached
    page = PolicyPage.objects.get(pk=page.pk)
    page.body = _body("Isi yang diajukan.")
    page.save_revision(user=org.konten.user)
    page.get_workflow().start(page, org.konten.user)
    state = page.current_workflow_state.current_task_state
    html = _html(login(org.pimpinan), f"/kebijakan/persetujuan/{state.pk}/")
    assert "Isi yang diajukan." in html and "Isi terbit." not in html


def test_the_language_switch_shows_the_menu_and_footer_in_english(intranet, org, login):
    client = login(org.pegawai)
    url = intranet.gorontalo.policies.url
    html = _html(client, url)
    assert "Pelatihan saya" in html  # filled in Indonesian
    client.post(reverse("set_language"), {"language": "en", "next": url})
    html = _html(client, url)
    assert "My training" in html and "Pelatihan saya" not in html


def test_the_current_menu_entry_follows_the_page(intranet, org, login):
    client = login(org.pegawai)
    html = _html(client, intranet.gorontalo.policies.url)
    assert f'href="{intranet.gorontalo.policies.url}" aria-current="page"' in html
    html = _html(client, intranet.gorontalo.news.url)
    assert f'href="{intranet.gorontalo.news.url}" aria-current="page"' in html
    assert f'href="{intranet.gorontalo.policies.url}" aria-current="page"' not in html


def test_a_renamed_menu_page_shows_on_the_next_request(intranet, org, login):
    client = login(org.pegawai)
    _html(client, "/notifikasi/")
    news = Page.objects.get(pk=intranet.gorontalo.news.pk).specific
    news.title = "Kabar Terkini"
    news.save_revision().publish()
    assert ">Kabar Terkini<" in _html(client, "/notifikasi/")


def test_the_approvals_badge_follows_a_new_request(intranet, org, login, django_capture_on_commit_callbacks):
    from kompetensi import services
    from tests.kompetensi.conftest import make_catalog, make_course, make_session

    course = make_course(make_catalog(org.gorontalo), requires_approval=True)
    session = make_session(course)
    client = login(org.atasan)
    html = _html(client, "/notifikasi/")
    assert "nav-count" not in html
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(org.pegawai.user, org.pegawai, session.pk)
    html = _html(client, "/notifikasi/")
    assert '<span class="nav-count">1<' in html


def test_a_footer_change_shows_on_the_next_request(intranet, org, login):
    client = login(org.pegawai)
    assert "0435-999" not in _html(client, "/notifikasi/")
    home = intranet.gorontalo.home
    home.contact_phone = "0435-999"
    home.save_revision().publish()
    assert "0435-999" in _html(client, "/notifikasi/")


def test_a_portal_settings_edit_shows_on_the_next_request(intranet, org, login):
    from wagtail.models import Site

    from home.models import PortalSettings

    client = login(org.pegawai)
    _html(client, "/notifikasi/")
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Teks kaki yang baru."
    settings.save()
    assert "Teks kaki yang baru." in _html(client, "/notifikasi/")


def _news(intranet, title, rules=()):
    from datetime import date

    from home.models import AudienceRule, NewsPage

    from .builders import add

    page = NewsPage(title=title, date=date(2026, 11, 30))
    page.audience_rules = [AudienceRule(**rule) for rule in rules]
    return add(intranet.gorontalo.news, page)


def test_news_panel_is_shared_by_who_may_see_the_same_and_follows_publishing(intranet, org, login):
    _news(intranet, "Apel pagi Senin")
    _news(intranet, "Rapat khusus Kominfo", rules=[{"unit": org.kominfo}])
    home = intranet.gorontalo.home.url
    # the content editor (who sees every audience) fills the cache first; an employee of BKD must not get their panel
    assert "Rapat khusus Kominfo" in _html(login(org.konten), home)
    client = login(org.pegawai)
    html = _html(client, home)
    assert "Apel pagi Senin" in html and "Rapat khusus Kominfo" not in html
    _news(intranet, "Libur cuti bersama")
    assert "Libur cuti bersama" in _html(client, home)
