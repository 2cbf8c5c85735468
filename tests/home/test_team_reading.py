"""Tim saya's "Bacaan wajib" column: open and overdue required reading per report, cleared by acknowledging."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from home import services
from home.models import ReadingRequirement

from .builders import campaign

pytestmark = pytest.mark.django_db


def _row(html, name):
    return html.split(name, 1)[1].split("</tr>", 1)[0]


def test_reading_column_open_overdue_and_done(intranet, org, login):
    page = campaign(intranet.gorontalo.campaigns, rules=[{"unit": org.bidang}])
    client = login(org.atasan)
    html = client.get(reverse("team")).content.decode()
    assert "1 belum dikonfirmasi" in _row(html, "Siti Pegawai")
    ReadingRequirement.objects.filter(page_id=page.pk).update(deadline=timezone.localdate() - timedelta(days=1))
    html = client.get(reverse("team")).content.decode()
    assert "1 lewat batas" in _row(html, "Siti Pegawai")
    services.acknowledge(org.pegawai.user, page)
    html = client.get(reverse("team")).content.decode()
    assert "Lengkap" in _row(html, "Siti Pegawai") and "1 lewat batas" in _row(html, "Budi Rekan")
