from decimal import Decimal
from types import SimpleNamespace

import pytest

from kompetensi.insight import rules


@pytest.mark.parametrize(
    ("value", "tone"), [(100, 4), (90, 4), (89, 3), (75, 3), (74, 2), (50, 2), (49, 1), (25, 1), (24, 0), (0, 0)]
)
def test_meeting_tones_at_every_edge(value, tone):
    assert rules.tone(value, rules.MEETING) == tone


@pytest.mark.parametrize(
    ("value", "tone"),
    [("0", 4), ("0.1", 3), ("0.5", 3), ("0.6", 2), ("1", 2), ("1.1", 1), ("1.5", 1), ("1.6", 0), ("4", 0)],
)
def test_gap_tones_at_every_edge(value, tone):
    assert rules.tone(Decimal(value), rules.AVERAGE_GAP) == tone


def test_an_empty_cell_has_no_tone():
    assert rules.tone(None, rules.MEETING) is None
    assert rules.Cell().value(rules.MEETING) is None


def test_cell_figures():
    cell = rules.Cell(employees=3, meeting=2, required=9, held=7)
    assert cell.percent_meeting == 67
    assert cell.average_gap == Decimal("0.7")
    assert cell.tone(rules.MEETING) == 2
    assert cell.tone(rules.AVERAGE_GAP) == 2


def test_legend_runs_from_best_to_worst_and_covers_every_tone():
    for metric in rules.METRICS:
        tones = [tone for tone, _lower, _upper in rules.legend(metric)]
        assert tones == [4, 3, 2, 1, 0]


BANDS = [
    SimpleNamespace(code="optimal", min_percent=Decimal("90")),
    SimpleNamespace(code="cukup_optimal", min_percent=Decimal("78")),
    SimpleNamespace(code="kurang_optimal", min_percent=Decimal("0")),
]


def test_distribution_uses_the_profile_match_and_the_bands():
    # 9/10 = 90 % optimal; 7.8/10 = 78 % cukup; 77.99 % kurang; no standard
    found = rules.distribute([(10, 9), (100, 78), (10000, 7799), (0, 0), (10, 10)], BANDS)
    assert found.counts == {"optimal": 2, "cukup_optimal": 1, "kurang_optimal": 1}
    assert found.no_standard == 1
    assert found.total == 4


def test_a_target_fits_only_above_the_level_held():
    assert rules.fits(2, None)
    assert rules.fits(3, 2)
    assert not rules.fits(2, 2)
