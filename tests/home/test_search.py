"""Search: privacy, type filter, promoted results, content-gap log, and Indonesian stemming on PostgreSQL."""

import os

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home import queries
from home.models import ContentPage, NewsPage, SearchGap

from .builders import add, policy

pytestmark = pytest.mark.django_db


def test_search_finds_visible_pages_and_filters_by_type(intranet, org, login):
    policy(intranet.gorontalo.policies, title="Peraturan cuti tahunan", summary="cuti tahunan pegawai")
    add(intranet.gorontalo.news, NewsPage(title="Jadwal cuti bersama", intro="cuti bersama"))
    client = login(org.pegawai)
    html = client.get("/cari/", {"q": "cuti"}).content.decode()
    assert "Peraturan cuti tahunan" in html and "Jadwal cuti bersama" in html
    html = client.get("/cari/", {"q": "cuti", "jenis": "berita"}).content.decode()
    assert "Jadwal cuti bersama" in html and "Peraturan cuti tahunan" not in html


def test_search_never_shows_another_instansi(intranet, org, login):
    policy(intranet.malut.policies, title="Peraturan cuti Maluku Utara")
    html = login(org.pegawai).get("/cari/", {"q": "cuti"}).content.decode()
    assert "Maluku Utara" not in html.split('id="results-title"')[1]


def test_promoted_results_respect_privacy(intranet, org, login):
    mine = policy(intranet.gorontalo.policies, title="SOP Cuti Gorontalo")
    theirs = policy(intranet.malut.policies, title="SOP Cuti Malut")
    query = Query.get("prosedur")
    SearchPromotion.objects.create(query=query, page=mine, sort_order=0, description="Promosi")
    SearchPromotion.objects.create(query=query, page=theirs, sort_order=1)
    html = login(org.pegawai).get("/cari/", {"q": "prosedur"}).content.decode()
    assert "SOP Cuti Gorontalo" in html and "SOP Cuti Malut" not in html
    assert not SearchGap.objects.filter(query="prosedur").exists()


def test_queries_without_result_are_logged_for_admin_konten(intranet, org, login):
    client = login(org.pegawai)
    client.get("/cari/", {"q": "Tunjangan  Kinerja"})
    client.get("/cari/", {"q": "tunjangan kinerja"})
    gap = SearchGap.objects.get()
    assert (gap.query, gap.hits, gap.instansi_id) == ("tunjangan kinerja", 2, org.gorontalo.pk)
    assert "tunjangan kinerja" in login(org.konten).get("/konten/pencarian-kosong/").content.decode()
    assert login(org.pegawai).get("/konten/pencarian-kosong/").status_code == 403
    assert queries.search_gaps(org.sdm_malut.user).count() == 0


def test_empty_query_shows_the_form_only(intranet, org, login):
    response = login(org.pegawai).get("/cari/")
    assert response.status_code == 200 and not SearchGap.objects.exists()


@pytest.mark.postgres
def test_indonesian_stemming_on_postgresql(intranet, org, login, settings):
    if connection.vendor != "postgresql":
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI for the stemming test")
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "indonesian"
    from wagtail.search.backends import get_search_backend

    assert get_search_backend().config == "indonesian"
    add(intranet.gorontalo.guidance, ContentPage(title="Tata cara", intro="Pegawai baru dilatih oleh mentor"))
    policy(intranet.gorontalo.policies, title="Arah umum", summary="Pedoman sikap bijak dalam bermedia sosial")
    client = login(org.pegawai)
    html = client.get("/cari/", {"q": "pelatihan"}).content.decode()
    assert "Tata cara" in html
    html = client.get("/cari/", {"q": "kebijakan"}).content.decode()
    assert "Arah umum" in html
