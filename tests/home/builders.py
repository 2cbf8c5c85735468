"""Builders for intranet pages in tests."""

from datetime import date, timedelta

from django.utils import timezone

from home.models import AudienceRule, PolicyPage, SocialisationPage


def add(parent, page, publish=True):
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def policy(index, title="Kebijakan Uji", **fields):
    defaults = {"regulation_type": "perkada", "number": "1/2025", "date_issued": date(2025, 1, 2)}
    return add(index, PolicyPage(title=title, **{**defaults, **fields}))


def campaign(index, title="Sosialisasi Kinerja", rules=(), **fields):
    page = SocialisationPage(
        title=title,
        is_required_reading=True,
        reading_deadline=timezone.localdate() + timedelta(days=10),
        **fields,
    )
    page.audience_rules = [AudienceRule(**rule) for rule in rules]
    return add(index, page)
