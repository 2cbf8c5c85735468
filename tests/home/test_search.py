"""Search: privacy, type labels and chips with counts, highlighted titles and snippets, the spelling suggestion,
the empty state, promoted results, content-gap log, constant queries, and Indonesian stemming on PostgreSQL."""

import json
import os
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home import queries
from home.models import ContentPage, NewsPage, SearchGap
from kompetensi.models import BentukPengembangan, CoursePage, TrainingCatalogPage

from .builders import add, policy, readable, search_results

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # a vocabulary cached by an earlier test must not answer for this test's pages


def course(home, title, summary=""):
    catalog = TrainingCatalogPage.objects.child_of(home).first() or add(
        home, TrainingCatalogPage(title="Katalog Pelatihan", slug="katalog", show_in_menus=True)
    )
    bentuk = BentukPengembangan.objects.get(code="pelatihan_teknis")
    return add(catalog, CoursePage(title=title, summary=summary, provider="BKD", jp=8, bentuk=bentuk))


def chips(html):
    """(label, count, active) of each type chip, in order."""
    nav = html.split('class="chips"', 1)[1].split("</nav>", 1)[0]
    found = re.findall(r'<a class="chip" href="[^"]*"( aria-current="true")?>(.*?) <span class="chip-count">(\d+)', nav)
    return [(label.strip(), int(count), bool(active)) for active, label, count in found]


def test_search_finds_visible_pages_and_filters_by_type(intranet, org, login):
    policy(intranet.gorontalo.policies, title="Peraturan cuti tahunan", summary="cuti tahunan pegawai")
    add(intranet.gorontalo.news, NewsPage(title="Jadwal cuti bersama", intro="cuti bersama"))
    client = login(org.pegawai)
    html = client.get("/cari/", {"q": "cuti"}).content.decode()
    assert sorted(search_results(html)) == ["Jadwal cuti bersama", "Peraturan cuti tahunan"]
    html = client.get("/cari/", {"q": "cuti", "jenis": "berita"}).content.decode()
    assert search_results(html) == ["Jadwal cuti bersama"]


def test_search_never_shows_another_instansi(intranet, org, login):
    policy(intranet.gorontalo.policies, title="Peraturan cuti Gorontalo")
    policy(intranet.malut.policies, title="Peraturan cuti Maluku Utara")
    add(intranet.malut.news, NewsPage(title="Cuti bersama Maluku Utara"))
    html = login(org.pegawai).get("/cari/", {"q": "cuti"}).content.decode()
    assert search_results(html) == ["Peraturan cuti Gorontalo"]
    assert "Maluku Utara" not in readable(html).split('id="results-title"')[1]
    # the other instansi's pages are not counted either
    assert chips(html) == [("Semua", 1, True), ("Kebijakan &amp; regulasi", 1, False)]


def test_promoted_results_respect_privacy(intranet, org, login):
    mine = policy(intranet.gorontalo.policies, title="SOP Cuti Gorontalo")
    theirs = policy(intranet.malut.policies, title="SOP Cuti Malut")
    query = Query.get("prosedur")
    SearchPromotion.objects.create(query=query, page=mine, sort_order=0, description="Promosi")
    SearchPromotion.objects.create(query=query, page=theirs, sort_order=1)
    html = readable(login(org.pegawai).get("/cari/", {"q": "prosedur"}).content.decode())
    assert "SOP Cuti Gorontalo" in html and "SOP Cuti Malut" not in html
    assert "empty-state" not in html  # a promoted page is an answer
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


def test_a_type_without_result_is_no_content_gap_when_another_type_has_one(intranet, org, login):
    add(intranet.gorontalo.news, NewsPage(title="Jadwal cuti bersama"))
    html = login(org.pegawai).get("/cari/", {"q": "cuti", "jenis": "kebijakan"}).content.decode()
    assert search_results(html) == []
    assert "Tidak ada Kebijakan &amp; regulasi yang cocok dengan “cuti”." in html
    assert "Lihat 1 hasil di jenis lain" in html and 'href="?q=cuti"' in html
    assert not SearchGap.objects.exists()


def test_empty_query_shows_the_form_only(intranet, org, login):
    response = login(org.pegawai).get("/cari/")
    assert response.status_code == 200 and not SearchGap.objects.exists()
    assert 'id="results-title"' not in response.content.decode()


def test_each_result_shows_its_type_and_marked_words(intranet, org, login):
    body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Latar belakang", "level": "h2"}},
            {"type": "paragraph", "value": "<p>" + "Uraian umum tata kelola. " * 12 + "</p>"},
            {"type": "paragraph", "value": "<p>Pegawai baru <b>dilatih</b> oleh mentor &amp; atasan.</p>"},
            {"type": "document", "value": {"document": 999, "label": "Lampiran"}},
        ]
    )
    add(intranet.gorontalo.guidance, ContentPage(title="Orientasi pegawai <baru>", body=body))
    policy(intranet.gorontalo.policies, title="Kebijakan Pelatihan ASN", summary="Setiap ASN berhak atas 20 JP.")
    course(intranet.gorontalo.home, "Pelatihan Dasar CPNS", summary="Latihan dasar bela negara")
    html = login(org.pegawai).get("/cari/", {"q": "pelatihan"}).content.decode()
    cards = (
        html.split('class="listing search-results"')[1].split("</ul>")[0].split('<li class="card search-result">')[1:]
    )
    by_title = {re.sub(r"<[^>]+>", "", re.search(r"<h3>(.*?)</h3>", card).group(1)): card for card in cards}
    assert set(by_title) == {"Orientasi pegawai &lt;baru&gt;", "Kebijakan Pelatihan ASN", "Pelatihan Dasar CPNS"}
    guide = by_title["Orientasi pegawai &lt;baru&gt;"]
    assert '<span class="tag">Panduan</span>' in guide
    # the snippet starts near the first match in the body, the stem ("latih") marked, the markup of the body gone
    assert "… " in guide and "<mark>dilatih</mark> oleh mentor &amp; atasan" in guide and "<b>" not in guide
    assert "Latar belakang" not in guide  # far before the match
    assert '<span class="tag">Kebijakan &amp; regulasi</span>' in by_title["Kebijakan Pelatihan ASN"]
    assert "Kebijakan <mark>Pelatihan</mark> ASN</a>" in by_title["Kebijakan Pelatihan ASN"]
    assert "Setiap ASN berhak atas 20 JP." in by_title["Kebijakan Pelatihan ASN"]  # no match: the body's start
    assert '<span class="tag">Pelatihan</span>' in by_title["Pelatihan Dasar CPNS"]
    assert "<mark>Latihan</mark> dasar bela negara" in by_title["Pelatihan Dasar CPNS"]


# the chosen type -> the chips (label, count, active) and the results shown
CHIPS = [
    (
        "",
        [("Semua", 4, True), ("Kebijakan &amp; regulasi", 2, False), ("Berita &amp; pengumuman", 1, False),
         ("Pelatihan", 1, False)],
        4,
    ),
    (
        "kebijakan",
        [("Semua", 4, False), ("Kebijakan &amp; regulasi", 2, True), ("Berita &amp; pengumuman", 1, False),
         ("Pelatihan", 1, False)],
        2,
    ),
    (
        "pelatihan",
        [("Semua", 4, False), ("Kebijakan &amp; regulasi", 2, False), ("Berita &amp; pengumuman", 1, False),
         ("Pelatihan", 1, True)],
        1,
    ),
    (
        "panduan",  # chosen but empty: still shown, so the reader sees what is chosen
        [("Semua", 4, False), ("Kebijakan &amp; regulasi", 2, False), ("Berita &amp; pengumuman", 1, False),
         ("Panduan", 0, True), ("Pelatihan", 1, False)],
        0,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "expected_chips", "shown"), CHIPS, ids=[k or "semua" for k, _, _ in CHIPS])
def test_type_chips_count_each_type_and_mark_the_chosen_one(intranet, org, login, kind, expected_chips, shown):
    policy(intranet.gorontalo.policies, title="Kebijakan mutasi pegawai")
    policy(intranet.gorontalo.policies, title="Peraturan mutasi jabatan")
    add(intranet.gorontalo.news, NewsPage(title="Pengumuman mutasi"))
    course(intranet.gorontalo.home, "Pelatihan menghadapi mutasi")
    add(intranet.gorontalo.guidance, ContentPage(title="Panduan cuti"))
    policy(intranet.malut.policies, title="Kebijakan mutasi Maluku Utara")
    html = login(org.pegawai).get("/cari/", {"q": "mutasi", "jenis": kind}).content.decode()
    assert chips(html) == expected_chips
    assert len(search_results(html)) == shown
    for label, _count, _active in expected_chips:
        link = re.search(rf'<a class="chip" href="\?([^"]*)"[^>]*>{re.escape(label)} ', html).group(1)
        assert link.startswith("q=mutasi") and (label == "Semua") == ("jenis=" not in link)
    assert html.count('aria-current="true"', html.index('class="chips"')) == 1


def test_search_costs_the_same_number_of_queries_for_few_and_many_results(
    intranet, org, login, django_assert_max_num_queries
):
    client = login(org.pegawai)
    for n in range(2):
        policy(intranet.gorontalo.policies, title=f"Kebijakan mutasi {n}", summary="mutasi pegawai")
        add(intranet.gorontalo.news, NewsPage(title=f"Berita mutasi {n}", intro="mutasi"))
    client.get("/cari/", {"q": "mutasi"})  # warms the per-process caches (content types, vocabulary)
    with CaptureQueriesContext(connection) as few:
        client.get("/cari/", {"q": "mutasi"})
    budget = len(few)  # now: the connection keeps a bounded log, which the publishing below would roll over
    assert budget <= 24
    for n in range(2, 12):
        policy(intranet.gorontalo.policies, title=f"Kebijakan mutasi {n}", summary="mutasi pegawai")
        add(intranet.gorontalo.news, NewsPage(title=f"Berita mutasi {n}", intro="mutasi"))
        add(intranet.gorontalo.guidance, ContentPage(title=f"Panduan mutasi {n}", intro="mutasi"))
    course(intranet.gorontalo.home, "Pelatihan mutasi", summary="mutasi")
    client.get("/cari/", {"q": "mutasi"})  # the publishes made the vocabulary stale: rebuilt once
    # ten times the pages, two more page types: at most one query more per page type, none per result
    with django_assert_max_num_queries(budget + 2):
        html = client.get("/cari/", {"q": "mutasi"}).content.decode()
    assert len(search_results(html)) == 20


# what the reader typed -> the suggestion shown (None: none)
SUGGESTIONS = [
    ("pelatiahn", "pelatihan"),
    ("kebjakan", "kebijakan"),
    ("kebjakan mutsi", "kebijakan mutasi"),
    ("pelatihan", None),
    ("ternate", None),  # a word of a title in another instansi: never suggested, never revealed
    ("ternaet", None),
]


@pytest.mark.parametrize(("query", "suggestion"), SUGGESTIONS, ids=[q for q, _ in SUGGESTIONS])
def test_did_you_mean_from_the_titles_the_user_may_see(intranet, org, login, query, suggestion):
    policy(intranet.gorontalo.policies, title="Kebijakan mutasi pegawai")
    course(intranet.gorontalo.home, "Pelatihan kepemimpinan")
    policy(intranet.malut.policies, title="Kebijakan Ternate")
    html = login(org.pegawai).get("/cari/", {"q": query}).content.decode()
    if suggestion is None:
        assert "Apakah maksud Anda" not in html
    else:
        assert f'Apakah maksud Anda: <a href="?q={suggestion.replace(" ", "+")}">{suggestion}</a>?' in html


def test_did_you_mean_reads_titles_published_after_the_vocabulary_was_cached(intranet, org, login):
    client = login(org.pegawai)
    assert "Apakah maksud Anda" not in client.get("/cari/", {"q": "kebjakan"}).content.decode()
    policy(intranet.gorontalo.policies, title="Kebijakan mutasi")
    html = client.get("/cari/", {"q": "kebjakan"}).content.decode()
    assert 'Apakah maksud Anda: <a href="?q=kebijakan">kebijakan</a>?' in html


def test_did_you_mean_forgets_unpublished_titles(intranet, org, login):
    page = policy(intranet.gorontalo.policies, title="Kebijakan mutasi")
    client = login(org.pegawai)
    assert "Apakah maksud Anda" in client.get("/cari/", {"q": "kebjakan"}).content.decode()
    page.unpublish()
    assert "Apakah maksud Anda" not in client.get("/cari/", {"q": "kebjakan"}).content.decode()


def test_empty_state_says_what_was_searched_and_what_to_do(intranet, org, login):
    policy(intranet.gorontalo.policies, title="Kebijakan mutasi")
    html = login(org.pegawai).get("/cari/", {"q": "kebjakan"}).content.decode()
    empty = html.split('class="empty-state search-empty"')[1].split("</div>")[0]
    assert "Tidak ada halaman yang cocok dengan “kebjakan”." in empty
    assert "Periksa ejaan kata kunci." in empty and 'href="?q=kebijakan">kebijakan</a>' in empty
    assert "lebih sedikit kata" in empty
    # browse links: the user's own menu, not another instansi's
    assert f'href="{intranet.gorontalo.policies.url}"' in empty and f'href="{intranet.gorontalo.news.url}"' in empty
    assert intranet.malut.policies.url not in empty
    assert "0 hasil untuk “kebjakan”" in html


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
    assert "Tata cara" in search_results(html)
    html = client.get("/cari/", {"q": "kebijakan"}).content.decode()
    assert "Arah umum" in search_results(html)
