"""The pure rules of coaching plans, as tables."""

import datetime

import pytest

from kinerja.coaching import rules
from kinerja.evaluation.models import Predikat


@pytest.mark.parametrize(
    "predikat, needs",
    [("SANGAT_BAIK", False), ("BAIK", False), ("BUTUH_PERBAIKAN", True), ("KURANG", True), ("SANGAT_KURANG", True),
     ("", False)],
)  # fmt: skip
def test_which_predikat_calls_for_coaching(predikat, needs):
    assert rules.needs_coaching(predikat) is needs


def test_every_predikat_is_either_low_or_good():
    assert set(Predikat.values) == rules.LOW_PREDIKAT | rules.GOOD_PREDIKAT
    assert not rules.LOW_PREDIKAT & rules.GOOD_PREDIKAT


@pytest.mark.parametrize("year, recent", [(2026, True), (2025, True), (2024, False), (2027, True)])
def test_only_results_of_this_or_last_year_are_acted_on(year, recent):
    assert rules.is_recent(year, datetime.date(2026, 12, 3)) is recent


@pytest.mark.parametrize(
    "current, target, allowed",
    [("", "proposed", True), ("", "active", True), ("proposed", "active", True), ("proposed", "cancelled", True),
     ("active", "completed", True), ("active", "cancelled", True), ("proposed", "completed", False),
     ("completed", "active", False), ("cancelled", "active", False), ("completed", "cancelled", False)],
)  # fmt: skip
def test_the_moves_of_a_plan(current, target, allowed):
    assert (target in rules.TRANSITIONS.get(current, ())) is allowed


@pytest.mark.parametrize(
    "starts, ends, problem",
    [(None, datetime.date(2026, 1, 1), "missing"), (datetime.date(2026, 2, 1), datetime.date(2026, 1, 1), "reversed"),
     (datetime.date(2026, 1, 1), datetime.date(2026, 1, 1), None)],
)  # fmt: skip
def test_plan_dates(starts, ends, problem):
    assert rules.dates_problem(starts, ends) == problem
