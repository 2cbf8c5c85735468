"""Promotion eligibility rules as tables: no database."""

import datetime
from decimal import Decimal

import pytest

from kinerja.career import rules
from kinerja.career.rules import EvaluationFact, PersonFacts, Rules, SanctionFact

D = datetime.date
PERIOD = D(2026, 4, 1)
ORDERS = {"II/c": 7, "II/d": 8, "III/a": 9, "III/b": 10, "III/c": 11, "III/d": 12, "IV/e": 17}
RULES = Rules(
    education_cap={"SMA": ("III/b", 10), "S1": ("III/d", 12), "D3": ("III/c", 11)},
    angka_kredit={"III/a": Decimal(50), "III/b": Decimal(50)},
    golongan_by_order={order: g for g, order in ORDERS.items()} | {13: "IV/a", 16: "IV/d"},
)


def person(**overrides):
    facts = {
        "pegawai_id": 1, "golongan": "III/a", "golongan_order": 9, "tmt_pangkat": D(2022, 4, 1), "pendidikan": "S1",
        "evaluations": {2025: EvaluationFact(11, 2025, "BAIK"), 2024: EvaluationFact(10, 2024, "BAIK")},
    }  # fmt: skip
    facts.update(overrides)
    return PersonFacts(**facts)


def reason(reasons, rule):
    return next(r for r in reasons if r.rule == rule)


@pytest.mark.parametrize(
    ("tmt", "met"),
    [
        (D(2022, 4, 1), True),  # exactly 4 years on the period date
        (D(2022, 3, 31), True),  # a day more
        (D(2022, 4, 2), False),  # a day short
        (D(2018, 1, 1), True),
        (D(2025, 4, 1), False),
        (None, False),
    ],
)
def test_four_years_in_rank_edges(tmt, met):
    eligible, reasons = rules.eligibility(person(tmt_pangkat=tmt), RULES, PERIOD)
    assert reason(reasons, rules.YEARS_IN_RANK).met is met
    assert eligible is met


def test_29_february_counts_to_1_march():
    assert rules.add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert rules.add_years(D(2024, 2, 29), 1) == D(2025, 3, 1)


@pytest.mark.parametrize(
    ("angka_kredit", "tmt", "eligible", "years"),
    [
        (Decimal(50), D(2024, 4, 1), True, 2),  # the required angka kredit: 2 years are enough
        (Decimal("62.5"), D(2024, 4, 2), False, 2),  # a day short of 2 years
        (Decimal("49.9"), D(2024, 4, 1), False, 4),  # without the angka kredit: not the 2-year track
        (None, D(2024, 4, 1), False, 4),
        (None, D(2020, 4, 1), False, 4),  # a functional official needs the angka kredit however long in rank
    ],
)
def test_functional_positions(angka_kredit, tmt, eligible, years):
    facts = person(functional=True, angka_kredit=angka_kredit, tmt_pangkat=tmt)
    result, reasons = rules.eligibility(facts, RULES, PERIOD)
    assert result is eligible
    assert reason(reasons, rules.YEARS_IN_RANK).evidence["years"] == years


def test_functional_without_a_requirement_for_the_golongan_follows_the_regular_track():
    facts = person(functional=True, golongan="II/d", golongan_order=8, tmt_pangkat=D(2022, 4, 1), pendidikan="SMA")
    eligible, reasons = rules.eligibility(facts, RULES, PERIOD)
    assert eligible and reason(reasons, rules.ANGKA_KREDIT).met is None


PREDIKAT = ["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"]


@pytest.mark.parametrize("last", PREDIKAT)
@pytest.mark.parametrize("before", PREDIKAT)
def test_predikat_in_each_of_the_last_two_years(last, before):
    evaluations = {2025: EvaluationFact(21, 2025, last), 2024: EvaluationFact(20, 2024, before)}
    eligible, reasons = rules.eligibility(person(evaluations=evaluations), RULES, PERIOD)
    good = {"SANGAT_BAIK", "BAIK"}
    assert eligible is (last in good and before in good)
    found = [r for r in reasons if r.rule == rules.PREDIKAT]
    assert [(r.evidence["year"], r.evidence["evaluation"], r.met) for r in found] == [
        (2025, 21, last in good),
        (2024, 20, before in good),
    ]


def test_a_missing_year_is_not_met():
    eligible, reasons = rules.eligibility(person(evaluations={2025: EvaluationFact(1, 2025, "BAIK")}), RULES, PERIOD)
    assert not eligible
    assert [r.met for r in reasons if r.rule == rules.PREDIKAT] == [True, False]


@pytest.mark.parametrize(
    ("ends_on", "in_force"),
    [
        (D(2026, 3, 31), False),  # ended the day before the period date
        (D(2026, 4, 1), True),  # ends on the period date: still in force that day
        (D(2026, 4, 2), True),
        (None, True),  # no end date
    ],
)
def test_sanction_ending_around_the_period_date(ends_on, in_force):
    sanction = SanctionFact(7, "Pemotongan tunjangan kinerja", D(2025, 10, 1), ends_on, "800/1")
    eligible, reasons = rules.eligibility(person(sanctions=(sanction,)), RULES, PERIOD)
    found = reason(reasons, rules.SANCTION)
    assert found.met is not in_force and eligible is not in_force
    assert found.evidence["sanctions"] == ([7] if in_force else [])


def test_a_sanction_starting_after_the_period_date_is_not_in_force():
    sanction = SanctionFact(7, "Teguran", D(2026, 4, 2), D(2026, 4, 2))
    assert rules.eligibility(person(sanctions=(sanction,)), RULES, PERIOD)[0]


@pytest.mark.parametrize(
    ("pendidikan", "golongan", "met"),
    [
        ("SMA", "III/a", True),  # next III/b = the cap
        ("SMA", "III/b", False),  # next III/c above the cap
        ("S1", "III/c", True),
        ("S1", "III/d", False),
        ("D3", "III/b", True),
        ("", "III/a", False),  # not recorded
        ("S3", "III/a", True),  # no cap row
    ],
)
def test_education_cap_at_the_boundary(pendidikan, golongan, met):
    facts = person(pendidikan=pendidikan, golongan=golongan, golongan_order=ORDERS[golongan])
    eligible, reasons = rules.eligibility(facts, RULES, PERIOD)
    assert reason(reasons, rules.EDUCATION_CAP).met is met and eligible is met


def test_highest_rank_has_no_next_rank():
    facts = person(golongan="IV/e", golongan_order=17)
    assert reason(rules.eligibility(facts, RULES, PERIOD)[1], rules.EDUCATION_CAP).met is False


def test_jp_is_information_only():
    eligible, reasons = rules.eligibility(person(jp_total=3, jp_year=2026), RULES, PERIOD)
    assert eligible and reason(reasons, rules.JP).met is None


MONTHLY = [(month, 1) for month in range(1, 13)]
SIX = [(month, 1) for month in (2, 4, 6, 8, 10, 12)]


@pytest.mark.parametrize(
    ("days", "after", "expected"),
    [
        (MONTHLY, D(2026, 4, 1), [D(2026, 4, 1), D(2026, 5, 1), D(2026, 6, 1)]),  # on a period date: that one
        (MONTHLY, D(2026, 4, 2), [D(2026, 5, 1), D(2026, 6, 1), D(2026, 7, 1)]),
        (MONTHLY, D(2026, 12, 2), [D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1)]),
        (SIX, D(2026, 4, 1), [D(2026, 4, 1), D(2026, 6, 1), D(2026, 8, 1)]),
        (SIX, D(2026, 4, 2), [D(2026, 6, 1), D(2026, 8, 1), D(2026, 10, 1)]),
        (SIX, D(2026, 11, 15), [D(2026, 12, 1), D(2027, 2, 1), D(2027, 4, 1)]),
        (SIX, D(2026, 1, 1), [D(2026, 2, 1), D(2026, 4, 1), D(2026, 6, 1)]),
    ],
)
def test_next_period_dates_of_both_calendars(days, after, expected):
    assert rules.period_dates(days, after, 3) == expected
