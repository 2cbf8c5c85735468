"""Page tree rules: which page type may live where."""

import pytest
from wagtail.models import Page

from home.models import (
    ContentIndexPage,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PolicyIndexPage,
    PolicyPage,
    PortalRootPage,
    SocialisationIndexPage,
    SocialisationPage,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HomePage, PortalRootPage, True),
        (HomePage, Page, False),
        (PolicyIndexPage, HomePage, True),
        (PolicyPage, PolicyIndexPage, True),
        (PolicyPage, HomePage, False),
        (PolicyPage, NewsIndexPage, False),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, PolicyIndexPage, False),
        (ContentPage, ContentIndexPage, True),
        (ContentPage, ContentPage, True),
        (ContentPage, HomePage, False),
        (SocialisationPage, SocialisationIndexPage, True),
        (SocialisationPage, ContentIndexPage, False),
        (NewsIndexPage, PolicyIndexPage, False),
    ],
)
def test_parent_child_rules(child, parent, allowed):
    fits = child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()
    assert fits is allowed


def test_one_index_of_each_kind_per_home(intranet):
    assert not PolicyIndexPage.can_create_at(intranet.gorontalo.home)
    assert ContentPage.can_create_at(intranet.gorontalo.guidance)


def test_policy_validation():
    from datetime import date

    from django.core.exceptions import ValidationError

    page = PolicyPage(title="X", slug="x", regulation_type="sop", number="1", date_issued=date(2025, 1, 2))
    page.status = PolicyPage.Status.DIGANTI
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "replaced_by" in error.value.message_dict
    page.status = PolicyPage.Status.BERLAKU
    page.is_required_reading = True
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reading_deadline" in error.value.message_dict
