"""The main menu is kept in the user's frame: publishing, unpublishing or restricting a page changes it at once."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.models import ContentIndexPage
from portal import roles

from .builders import add

pytestmark = pytest.mark.django_db


def _menu(client):
    html = client.get("/notifikasi/").content.decode()
    return html[html.index('aria-label="Navigasi utama"') :]


def test_menu_follows_publishing_and_restrictions(org, intranet, login):
    client = login(org.pegawai)
    assert "Layanan Kepegawaian" not in _menu(client)
    page = add(
        intranet.gorontalo.home, ContentIndexPage(title="Layanan Kepegawaian", slug="layanan", show_in_menus=True)
    )
    assert "Layanan Kepegawaian" in _menu(client)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.ADMIN_SDM)])  # as the admin saves it: groups come last
    assert "Layanan Kepegawaian" not in _menu(client)
    restriction.delete()
    assert "Layanan Kepegawaian" in _menu(client)
    page.unpublish()
    assert "Layanan Kepegawaian" not in _menu(client)


def test_beranda_and_the_brand_lead_straight_to_the_own_home_page(org, intranet, login):
    html = login(org.pegawai).get(intranet.gorontalo.home.url).content.decode()
    home = intranet.gorontalo.home.url
    assert f'<a class="brand" href="{home}">' in html
    assert f'<a href="{home}" aria-current="page">Beranda</a>' in html
    assert 'href="/"' not in html  # no link goes through the redirect of "/"
    malut = login(org.pegawai_malut).get("/notifikasi/").content.decode()
    assert f'<a class="brand" href="{intranet.malut.home.url}">' in malut
