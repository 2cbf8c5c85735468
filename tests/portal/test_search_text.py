"""What a search result shows: matching words marked (stems too), everything else escaped, a snippet around the
first match; and the spelling suggestion from a vocabulary of titles. Pure functions, no database."""

import pytest

from portal.search_suggest import build_vocabulary, suggest
from portal.search_text import highlight, query_terms, snippet

# query, text, what the reader gets (HTML)
HIGHLIGHTS = [
    ("pelatihan", "Pelatihan dasar", "<mark>Pelatihan</mark> dasar"),
    ("pelatihan", "Pegawai dilatih mentor", "Pegawai <mark>dilatih</mark> mentor"),
    ("berlatih", "Latihan dan pelatihan", "<mark>Latihan</mark> dan <mark>pelatihan</mark>"),
    ("kebijakan", "Sikap bijak, kebijaksanaan", "Sikap <mark>bijak</mark>, kebijaksanaan"),
    ("KEBIJAKAN", "kebijakan ASN", "<mark>kebijakan</mark> ASN"),
    ("cuti", "Cuti & <b>izin</b>", "<mark>Cuti</mark> &amp; &lt;b&gt;izin&lt;/b&gt;"),
    ("<script>", "<script>alert(1)</script>", "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;"),
    ("cuti dan izin", "cuti dan izin", "<mark>cuti</mark> dan <mark>izin</mark>"),
    ("tulis", "Pegawai menulis laporan", "Pegawai <mark>menulis</mark> laporan"),  # the t dropped by the prefix
    ("pukul", "Satpam memukul kentongan", "Satpam <mark>memukul</mark> kentongan"),
    ("anggaran", "Rencana kerja", "Rencana kerja"),
    ("", "Rencana kerja", "Rencana kerja"),
    ("skp 2025", "SKP tahun 2025", "<mark>SKP</mark> tahun <mark>2025</mark>"),
]


@pytest.mark.parametrize(("query", "text", "expected"), HIGHLIGHTS, ids=[f"{q}->{t}" for q, t, _ in HIGHLIGHTS])
def test_highlight_marks_words_and_stems_and_escapes_the_rest(query, text, expected):
    assert str(highlight(text, query_terms(query))) == expected


LONG = " ".join(["Pendahuluan umum tentang tata kelola."] * 20)


@pytest.mark.parametrize(
    ("text", "query", "starts", "contains", "ends"),
    [
        # the match is far into the text: the snippet starts shortly before it, cut at a word
        (f"{LONG} Pegawai baru dilatih oleh mentor. {LONG}", "pelatihan", "… ", "<mark>dilatih</mark>", " …"),
        # the match is at the start: no leading ellipsis
        ("Dilatih oleh mentor selama dua minggu.", "latih", "<mark>Dilatih</mark>", "mentor", "minggu."),
        # no match in the body (the title matched): the body's beginning
        (f"{LONG}", "cuti", "Pendahuluan", "tata kelola", " …"),
        # markup in the text is shown, never interpreted
        ("Izin <img src=x onerror=alert(1)> cuti", "cuti", "Izin &lt;img", "<mark>cuti</mark>", "cuti</mark>"),
    ],
)
def test_snippet_is_a_short_window_around_the_first_match(text, query, starts, contains, ends):
    result = str(snippet(text, query_terms(query)))
    assert result.startswith(starts) and contains in result and result.endswith(ends)
    assert len(result) < 300
    assert "<img" not in result


def test_snippet_of_nothing_is_empty():
    assert str(snippet("", query_terms("cuti"))) == ""


TITLES = [
    "Pelatihan Dasar CPNS 2025",
    "Kebijakan Pengembangan Kompetensi ASN",
    "Jadwal cuti bersama",
    "Pedoman penyusunan SKP",
]

# what the user typed, results found, the suggestion (None: none)
SUGGESTIONS = [
    ("pelatiahn", 0, "pelatihan"),
    ("kebjakan", 0, "kebijakan"),
    ("Kebjakan kompetnsi", 0, "kebijakan kompetensi"),
    ("pelatihan", 0, None),  # a title word
    ("latihan", 0, None),  # a stem of a title word
    ("dilatih", 3, None),
    ("cuti bersma", 0, "cuti bersama"),
    ("anggaran", 0, None),  # nothing close
    ("zzzz", 0, None),
    ("2025", 0, None),
    ("kompetnsi", 2, "kompetensi"),  # close enough to suggest even with results
    ("pedomen", 1, "pedoman"),
]


@pytest.mark.parametrize(("query", "found", "expected"), SUGGESTIONS, ids=[q for q, _, _ in SUGGESTIONS])
def test_suggestion_from_title_words(query, found, expected):
    assert suggest(query, build_vocabulary(TITLES), found=found) == expected


def test_vocabulary_keeps_words_and_their_stems_not_numbers_or_short_words():
    vocabulary = build_vocabulary(TITLES)
    assert {"pelatihan", "latih", "kebijakan", "bijak"} <= vocabulary.stems
    assert "2025" not in vocabulary.words and "asn" in vocabulary.words and "di" not in vocabulary.words
