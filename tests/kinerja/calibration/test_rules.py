"""The distribution annex as a table: every rule of every organisation rating on both sides of its edge, and the
seeded rule table equal to the regulation defaults."""

import pytest

from kinerja.calibration import queries, rules

SB, B, BP, K, SK = "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"


def dist(**shares):
    """100 employees spread as given ({predikat: employees})."""
    return dict(shares)


@pytest.mark.parametrize(
    ("rating", "counts", "violations"),
    [
        # Istimewa: Sangat Baik at most 70 %
        (rules.ISTIMEWA, dist(SANGAT_BAIK=70, BAIK=30), 0),
        (rules.ISTIMEWA, dist(SANGAT_BAIK=71, BAIK=29), 1),
        # Baik: Baik at most 70 %, and some Butuh Perbaikan and/or Kurang
        (rules.BAIK, dist(BAIK=70, SANGAT_BAIK=29, BUTUH_PERBAIKAN=1), 0),
        (rules.BAIK, dist(BAIK=70, SANGAT_BAIK=29, KURANG=1), 0),
        (rules.BAIK, dist(BAIK=71, SANGAT_BAIK=28, KURANG=1), 1),
        (rules.BAIK, dist(BAIK=70, SANGAT_BAIK=30), 1),
        (rules.BAIK, dist(BAIK=90, SANGAT_BAIK=10), 2),
        # Butuh Perbaikan: Butuh Perbaikan at least 60 %, Sangat Baik at most 10 %
        (rules.BUTUH_PERBAIKAN, dist(BUTUH_PERBAIKAN=60, SANGAT_BAIK=10, BAIK=30), 0),
        (rules.BUTUH_PERBAIKAN, dist(BUTUH_PERBAIKAN=59, SANGAT_BAIK=10, BAIK=31), 1),
        (rules.BUTUH_PERBAIKAN, dist(BUTUH_PERBAIKAN=60, SANGAT_BAIK=11, BAIK=29), 1),
        # Kurang: Kurang at least 60 %, Butuh Perbaikan at least 10 %, Sangat Baik at most 10 %
        (rules.KURANG, dist(KURANG=60, BUTUH_PERBAIKAN=10, SANGAT_BAIK=10, BAIK=20), 0),
        (rules.KURANG, dist(KURANG=59, BUTUH_PERBAIKAN=10, SANGAT_BAIK=10, BAIK=21), 1),
        (rules.KURANG, dist(KURANG=60, BUTUH_PERBAIKAN=9, SANGAT_BAIK=10, BAIK=21), 1),
        (rules.KURANG, dist(KURANG=60, BUTUH_PERBAIKAN=10, SANGAT_BAIK=11, BAIK=19), 1),
        # Sangat Kurang: Sangat Kurang at least 60 %, Kurang and/or Butuh Perbaikan at least 10 %, no Sangat Baik
        (rules.SANGAT_KURANG, dist(SANGAT_KURANG=60, KURANG=5, BUTUH_PERBAIKAN=5, BAIK=30), 0),
        (rules.SANGAT_KURANG, dist(SANGAT_KURANG=60, KURANG=9, BAIK=31), 1),
        (rules.SANGAT_KURANG, dist(SANGAT_KURANG=59, KURANG=10, BAIK=31), 1),
        (rules.SANGAT_KURANG, dist(SANGAT_KURANG=60, KURANG=10, SANGAT_BAIK=1, BAIK=29), 1),
    ],
)
def test_the_distribution_rules(rating, counts, violations):
    assert sum(counts.values()) == 100
    assert rules.violations(counts, rules.DEFAULT_RULES[rating]) == violations


def test_nothing_to_measure_without_results():
    findings = rules.check({}, rules.DEFAULT_RULES[rules.BAIK])
    assert [finding.met for finding in findings] == [None, None]
    assert rules.violations({}, rules.DEFAULT_RULES[rules.BAIK]) == 0


def test_a_move_changes_the_distribution():
    assert rules.move({B: 3, K: 1}, B, SB) == {B: 2, K: 1, SB: 1}
    assert rules.move({B: 3}, "", K) == {B: 3, K: 1}


@pytest.mark.django_db
def test_the_seeded_table_holds_the_regulation_defaults():
    seeded = queries.rules_in_force(None)
    assert {rating: sorted(found, key=repr) for rating, found in seeded.items()} == {
        rating: sorted(expected, key=repr) for rating, expected in rules.DEFAULT_RULES.items()
    }
