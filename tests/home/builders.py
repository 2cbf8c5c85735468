"""Builders for intranet pages in tests."""

import re
from datetime import date, timedelta
from html import unescape

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


def readable(html):
    """The HTML without the <mark> of the words search matched, so a title is found (or not) as a reader sees it:
    a check that a title is absent must not pass because its words were marked."""
    return html.replace("<mark>", "").replace("</mark>", "")


def search_results(html):
    """The titles of the search results (not the promoted ones) as a reader sees them: tags such as <mark>
    removed, entities decoded, in order."""
    section = html.split('class="listing search-results"', 1)
    if len(section) == 1:
        return []
    items = re.findall(r'<h3><a href="[^"]*">(.*?)</a></h3>', section[1].split("</ul>", 1)[0], re.S)
    return [unescape(re.sub(r"<[^>]+>", "", item)) for item in items]
