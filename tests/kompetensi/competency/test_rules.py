"""Table tests of the competency rules: gaps, job-person match, the band edges and the level a ledger confirms."""

from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from kompetensi.competency import rules
from kompetensi.competency.rules import Entry

BANDS = [
    SimpleNamespace(code="optimal", min_percent=Decimal("90")),
    SimpleNamespace(code="cukup_optimal", min_percent=Decimal("78")),
    SimpleNamespace(code="kurang_optimal", min_percent=Decimal("0")),
]


@pytest.mark.parametrize(
    ("required", "current", "gap"),
    [(3, None, 3), (3, 0, 3), (3, 1, 2), (3, 3, 0), (3, 5, 0), (5, 4, 1), (1, None, 1)],
)
def test_gap(required, current, gap):
    assert rules.gap(required, current) == gap


@pytest.mark.parametrize(
    ("pairs", "percent"),
    [
        ([(3, 3), (3, 3)], Decimal("100.00")),
        ([(3, 5), (3, 3)], Decimal("100.00")),  # being above one standard does not make up for another
        ([(3, 5), (3, 1)], Decimal("66.67")),
        ([(4, 3), (4, 4), (2, 2)], Decimal("90.00")),
        ([(3, None), (3, 3)], Decimal("50.00")),
        ([(5, 4), (4, 4), (3, 3), (3, 3), (3, 3), (3, 3), (3, 3), (3, 3), (3, 3)], Decimal("96.67")),
        ([], None),
    ],
)
def test_match_percent(pairs, percent):
    assert rules.match_percent(pairs) == percent


@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (Decimal("100"), "optimal"),
        (Decimal("90.00"), "optimal"),
        (Decimal("89.99"), "cukup_optimal"),
        (Decimal("78.00"), "cukup_optimal"),
        (Decimal("77.99"), "kurang_optimal"),
        (Decimal("0"), "kurang_optimal"),
        (None, None),
    ],
)
def test_band_edges(percent, band):
    found = rules.band_for(percent, BANDS)
    assert (found.code if found else None) == band


def test_band_of_an_instansi_with_its_own_thresholds():
    own = [SimpleNamespace(code="optimal", min_percent=Decimal("95")), *BANDS[1:]]
    assert rules.band_for(Decimal("92"), own).code == "cukup_optimal"


def _entry(pk, source, level, day, **flags):
    return Entry(pk=pk, source=source, level=level, observed_on=date(2026, 1, day),
                 recorded_at=datetime(2026, 1, day, tzinfo=UTC), **flags)  # fmt: skip


@pytest.mark.parametrize(
    ("entries", "level"),
    [
        ([], None),
        ([_entry(1, "self", 4, 1)], None),  # a claim alone never sets a level
        ([_entry(1, "course", 3, 1)], None),
        ([_entry(1, "assessment_center", 2, 1)], 2),
        ([_entry(1, "assessment_center", 2, 1), _entry(2, "supervisor", 3, 5)], 3),
        ([_entry(1, "assessment_center", 4, 9), _entry(2, "supervisor", 3, 5)], 4),  # the latest observation wins
        ([_entry(1, "assessment_center", 2, 1, superseded=True), _entry(2, "assessment_center", 3, 1)], 3),
        ([_entry(1, "assessment_center", 2, 1), _entry(2, "review", 3, 4, decision="confirmed")], 3),
        ([_entry(1, "assessment_center", 2, 1), _entry(2, "review", 3, 4, decision="rejected")], 2),
        ([_entry(1, "review", 3, 4, decision="confirmed", superseded=True)], None),
    ],
)
def test_confirmed_level(entries, level):
    assert rules.confirmed_level(entries) == level


@pytest.mark.parametrize(
    ("entry", "waits"),
    [
        (_entry(1, "self", 3, 1), True),
        (_entry(1, "course", 3, 1), True),
        (_entry(1, "mentoring", 3, 1), True),
        (_entry(1, "external", 3, 1), True),
        (_entry(1, "course", 3, 1, reviewed=True), False),
        (_entry(1, "self", 3, 1, superseded=True), False),
        (_entry(1, "assessment_center", 3, 1), False),
        (_entry(1, "supervisor", 3, 1), False),
    ],
)
def test_awaits_review(entry, waits):
    assert rules.awaits_review(entry) is waits
