"""Indonesian stemming finds the same pages on both databases: PostgreSQL with its `indonesian` configuration, the
embedded SQLite default with the Sastrawi stemmer applied to the index and the query (portal/search_backend.py).
CI runs this module once on PostgreSQL (make test) and once on SQLite (.ci/run)."""

import pytest
from django.db import connection

from home.models import ContentPage, NewsPage
from portal.stemming import stem_word, stems

from .builders import add, policy, search_results

pytestmark = pytest.mark.django_db

PAGES = {
    "training": ("Tata cara orientasi", "Pegawai baru dilatih oleh mentor selama dua minggu"),
    "policy": ("Arah umum bermedia sosial", "Pedoman sikap bijak dalam bermedia sosial"),
    "leave": ("Formulir izin tahunan", "Pegawai yang ingin mengajukan cuti mengisi formulir ini"),
    "news": ("Kunjungan kerja", "Perjalanan dinas ke kabupaten"),
}

# query typed by the user -> pages it must find (and never the others)
SEARCHES = [
    ("latih", {"training"}),
    ("pelatihan", {"training"}),
    ("bijak", {"policy"}),
    ("kebijakan", {"policy"}),
    ("mengajukan cuti", {"leave"}),
    ("pengajuan cuti", {"leave"}),
    ("cuti", {"leave"}),
    ("berjalan", {"news"}),
    ("pegawai", {"training", "leave"}),
    ("anggaran", set()),
]


@pytest.fixture
def pages(intranet):
    add(intranet.gorontalo.guidance, ContentPage(title=PAGES["training"][0], intro=PAGES["training"][1]))
    policy(intranet.gorontalo.policies, title=PAGES["policy"][0], summary=PAGES["policy"][1])
    add(intranet.gorontalo.guidance, ContentPage(title=PAGES["leave"][0], intro=PAGES["leave"][1]))
    add(intranet.gorontalo.news, NewsPage(title=PAGES["news"][0], intro=PAGES["news"][1]))


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_indonesian_words_find_their_pages(pages, org, login, query, expected):
    html = login(org.pegawai).get("/cari/", {"q": query}).content.decode()
    results = search_results(html)
    found = {key for key, (title, _) in PAGES.items() if title in results}
    assert found == expected, f"{connection.vendor}: {query!r}"


@pytest.mark.parametrize(
    ("word", "stem"),
    [("pelatihan", "latih"), ("dilatih", "latih"), ("kebijakan", "bijak"), ("mengajukan", "aju"), ("SKP", "skp")],
)
def test_stem_word(word, stem):
    assert stem_word(word) == stem


def test_stems_keep_numbers_and_short_words():
    assert stems("Tahun 2024: UU ASN pelatihan") == "tahun 2024 uu asn latih"
