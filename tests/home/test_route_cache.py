"""A page's route and who may view it are kept with the shared content and the user's frame: every change that
moves, renames, unpublishes or restricts a page answers differently on the very next request."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from home.models import AudienceRule, ContentPage
from portal import frame, request_memo, roles

from .builders import add

pytestmark = pytest.mark.django_db


def _page(intranet, slug="panduan-cuti", title="Panduan Cuti"):
    return add(intranet.gorontalo.home, ContentPage(title=title, slug=slug))


def test_renamed_page_answers_at_its_new_address_only(org, intranet, login):
    page = _page(intranet)
    client = login(org.pegawai)
    old = page.url
    assert client.get(old).status_code == 200
    page.slug = "panduan-cuti-2027"
    page.save_revision().publish()
    page.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(page.url).status_code == 200


def test_unpublished_page_is_gone_at_once(org, intranet, login):
    page = _page(intranet)
    client = login(org.pegawai)
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_restriction_added_after_a_visit_closes_the_page(org, intranet, login):
    page = _page(intranet)
    client = login(org.pegawai)
    assert client.get(page.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.ADMIN_SDM)])
    # Wagtail's own check of a group restriction sends the user to log in as someone who may see it
    assert client.get(page.url).url.startswith("/masuk/")
    assert login(org.sdm).get(page.url).status_code == 200


def test_audience_rule_written_on_its_own_reaches_the_cached_answer(org, intranet, login):
    page = _page(intranet)
    client = login(org.pegawai)
    assert client.get(page.url).status_code == 200
    # a rule for another unit, saved without saving the page (a script, a bulk edit)
    AudienceRule.objects.create(page=page, unit=org.kominfo)
    assert client.get(page.url).status_code == 404


def test_paths_that_lead_nowhere_are_not_kept(org, intranet, login):
    client = login(org.pegawai)
    assert client.get(intranet.gorontalo.home.url + "tidak-ada-halaman-ini/").status_code == 404
    found = []
    # what the route asks for a path that leads nowhere: computed every time, never stored
    assert frame.shared_value("route:test", lambda: found.append(1), keep_none=False) is None
    assert frame.shared_value("route:test", lambda: found.append(1), keep_none=False) is None
    assert len(found) == 2
    assert frame.shared_value("route:kept", lambda: found.append(1) or "page") == "page"
    assert frame.shared_value("route:kept", lambda: found.append(1) or "other") == "page"


def test_request_memo_keeps_a_value_only_inside_a_request():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert request_memo.once("x", compute) == 1
    assert request_memo.once("x", compute) == 2  # outside a request: every time
    token = request_memo.start()
    try:
        assert request_memo.once("x", compute) == 3
        assert request_memo.once("x", compute) == 3
    finally:
        request_memo.end(token)
    assert request_memo.once("x", compute) == 4
