"""Talent mapping rules as tables: no database."""

import datetime
from decimal import Decimal

import pytest

from kinerja.talent import rules
from kinerja.talent.rules import AssessmentFact, Box, PredikatFact, TalentFacts, Thresholds

D = Decimal
THIS_YEAR = 2026
# PermenPANRB 3/2020 as most implementations number it (kotak_talenta.csv): (kinerja, potensial) -> box
REGULATION = {
    ("DI_BAWAH", "RENDAH"): 1, ("SESUAI", "RENDAH"): 2, ("DI_BAWAH", "MENENGAH"): 3, ("DI_ATAS", "RENDAH"): 4,
    ("SESUAI", "MENENGAH"): 5, ("DI_BAWAH", "TINGGI"): 6, ("DI_ATAS", "MENENGAH"): 7, ("SESUAI", "TINGGI"): 8,
    ("DI_ATAS", "TINGGI"): 9,
}  # fmt: skip
NUMBERING = {cell: Box(number, *cell, in_pool=number >= 7) for cell, number in REGULATION.items()}
RULES = Thresholds()  # the defaults: tinggi from 90, menengah from 78, assessment 60 %

# a predikat and a potential score that put someone in each cell (with an assessment only, it counts in full)
PREDIKAT_OF = {"DI_ATAS": "SANGAT_BAIK", "SESUAI": "BAIK", "DI_BAWAH": "BUTUH_PERBAIKAN"}
SCORE_OF = {"TINGGI": D(95), "MENENGAH": D(80), "RENDAH": D(50)}


def facts(predikat=None, assessment=None, match=None, year=THIS_YEAR - 1, history=None):
    if history is None:
        history = {year: PredikatFact(year, predikat, 10)} if predikat else {}
    found = AssessmentFact(1, datetime.date(THIS_YEAR, 3, 1), D(assessment), "UPT") if assessment is not None else None
    return TalentFacts(pegawai_id=1, predikat=history, assessment=found, match_percent=match)


@pytest.mark.parametrize(("cell", "number"), sorted(REGULATION.items(), key=lambda item: item[1]))
def test_every_cell_lands_in_its_box(cell, number):
    kinerja, potensial = cell
    placement = rules.place(facts(PREDIKAT_OF[kinerja], SCORE_OF[potensial]), RULES, NUMBERING, THIS_YEAR)
    assert (placement.kinerja, placement.potensial) == cell
    assert placement.box.number == number
    assert placement.box.in_pool is (number in (7, 8, 9))
    assert placement.reasons == ()


def test_a_custom_numbering_moves_the_same_person_elsewhere():
    # a ministry that numbers the figure row by row from the top left
    rows = [(p, k) for p in ("TINGGI", "MENENGAH", "RENDAH") for k in ("DI_BAWAH", "SESUAI", "DI_ATAS")]
    custom = {(k, p): Box(index + 1, k, p) for index, (p, k) in enumerate(rows)}
    star = facts("SANGAT_BAIK", 95)
    assert rules.place(star, RULES, NUMBERING, THIS_YEAR).box.number == 9
    assert rules.place(star, RULES, custom, THIS_YEAR).box.number == 3
    assert rules.place(facts("BUTUH_PERBAIKAN", 50), RULES, custom, THIS_YEAR).box.number == 7
    assert rules.numbering_problems(custom) == []


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (D(100), "TINGGI"), (D(90), "TINGGI"), (D("89.99"), "MENENGAH"), (D(78), "MENENGAH"), (D("77.99"), "RENDAH"),
        (D(0), "RENDAH"),
    ],
)  # fmt: skip
def test_potensial_thresholds_include_their_edge(score, level):
    assert rules.potensial_level(score, RULES) == level


def test_thresholds_are_the_instansi_data():
    strict = Thresholds(tinggi_min=D(95), menengah_min=D(60))
    assert rules.potensial_level(D(94), strict) == "MENENGAH"
    assert rules.potensial_level(D(60), strict) == "MENENGAH"
    assert rules.potensial_level(D("59.5"), strict) == "RENDAH"


@pytest.mark.parametrize(
    ("assessment", "match", "weight", "score"),
    [
        (D(90), D(80), 60, D("86.00")),  # 0.6 * 90 + 0.4 * 80
        (D(90), D(80), 100, D("90.00")),
        (D(90), D(80), 0, D("80.00")),
        (D("77.5"), D("78.33"), 50, D("77.92")),  # rounded half up to two decimals
        (D(70), None, 60, D("70.00")),  # the assessment alone counts in full
        (None, D("91.5"), 60, D("91.50")),  # the competency match alone counts in full
        (None, None, 60, None),
    ],
)
def test_potensial_score_weighs_assessment_and_match(assessment, match, weight, score):
    assert rules.potensial_score(assessment, match, weight) == score


def test_weighted_score_sits_on_a_threshold_edge():
    # 0.6 * 95 + 0.4 * 82.5 = 90.00: exactly the start of TINGGI
    placement = rules.place(facts("BAIK", 95, D("82.5")), RULES, NUMBERING, THIS_YEAR)
    assert placement.score == D("90.00") and placement.potensial == "TINGGI" and placement.box.number == 8
    assert placement.evidence["assessment_weight"] == 60 and placement.evidence["match_percent"] == "82.5"


@pytest.mark.parametrize(
    ("predikat", "level"),
    [("SANGAT_BAIK", "DI_ATAS"), ("BAIK", "SESUAI"), ("BUTUH_PERBAIKAN", "DI_BAWAH"), ("KURANG", "DI_BAWAH"),
     ("SANGAT_KURANG", "DI_BAWAH")],
)  # fmt: skip
def test_kinerja_level_from_predikat(predikat, level):
    assert rules.kinerja_level(predikat, RULES) == level


def test_which_predikat_counts_as_which_level_is_data():
    lenient = Thresholds(predikat_di_atas=frozenset({"SANGAT_BAIK", "BAIK"}), predikat_sesuai=frozenset())
    assert rules.kinerja_level("BAIK", lenient) == "DI_ATAS"


def test_the_latest_of_two_years_decides():
    history = {
        2025: PredikatFact(2025, "BUTUH_PERBAIKAN", 11),
        2024: PredikatFact(2024, "SANGAT_BAIK", 10),
    }
    placement = rules.place(facts(assessment=95, history=history), RULES, NUMBERING, THIS_YEAR)
    assert placement.kinerja == "DI_BAWAH" and placement.box.number == 6
    assert placement.evidence["predikat"]["year"] == 2025 and placement.evidence["history"] == {
        "2024": "SANGAT_BAIK", "2025": "BUTUH_PERBAIKAN",
    }  # fmt: skip


def test_before_last_year_is_final_the_year_before_counts():
    placement = rules.place(facts("SANGAT_BAIK", 95, year=2024), RULES, NUMBERING, THIS_YEAR)
    assert placement.kinerja == "DI_ATAS" and placement.evidence["predikat"]["year"] == 2024


def test_a_predikat_older_than_the_window_is_not_used():
    placement = rules.place(facts("SANGAT_BAIK", 95, year=2023), RULES, NUMBERING, THIS_YEAR)
    assert not placement.mappable
    assert [code for code, _text in placement.reasons] == [rules.NO_PREDIKAT]
    assert "2024" in placement.reason_text


@pytest.mark.parametrize(
    ("case", "codes"),
    [
        ({"assessment": 95}, [rules.NO_PREDIKAT]),
        ({"predikat": "BAIK"}, [rules.NO_POTENSIAL]),
        ({}, [rules.NO_PREDIKAT, rules.NO_POTENSIAL]),
    ],
)
def test_not_mappable_says_why(case, codes):
    placement = rules.place(facts(**case), RULES, NUMBERING, THIS_YEAR)
    assert placement.box is None and not placement.mappable
    assert [code for code, _text in placement.reasons] == codes
    if rules.NO_POTENSIAL in codes:
        assert "asesmen potensi" in placement.reason_text and "profil kompetensi" in placement.reason_text


def test_a_cell_without_a_box_is_not_mappable_and_reported():
    partial = {cell: box for cell, box in NUMBERING.items() if cell != ("DI_ATAS", "TINGGI")}
    placement = rules.place(facts("SANGAT_BAIK", 95), RULES, partial, THIS_YEAR)
    assert placement.box is None and placement.reasons[0][0] == rules.NO_BOX
    assert "1 sel" in rules.numbering_problems(partial)[0]


def test_a_number_used_twice_is_reported():
    doubled = dict(NUMBERING)
    doubled[("DI_ATAS", "TINGGI")] = Box(8, "DI_ATAS", "TINGGI")
    assert rules.numbering_problems(doubled) == ["Nomor kotak dipakai lebih dari sekali: 8."]


def test_recommended_actions_split_on_semicolons():
    assert rules.split_actions("Rotasi; Pengembangan kompetensi;  ") == ("Rotasi", "Pengembangan kompetensi")
