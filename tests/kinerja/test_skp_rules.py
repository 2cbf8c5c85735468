"""Periodic evaluation windows and the SKP state machine's table."""

from datetime import date

import pytest

from kinerja.skp import rules


def test_quarterly_windows():
    windows = rules.evaluation_windows(2026, "triwulanan")
    assert [(w.label, w.starts_on, w.ends_on, w.deadline, w.is_final) for w in windows] == [
        ("Triwulan I", date(2026, 1, 1), date(2026, 3, 31), date(2026, 4, 10), False),
        ("Triwulan II", date(2026, 4, 1), date(2026, 6, 30), date(2026, 7, 10), False),
        ("Triwulan III", date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 10), False),
        ("Triwulan IV-Akhir", date(2026, 10, 1), date(2026, 12, 31), date(2027, 1, 10), True),
    ]


def test_monthly_windows_in_a_leap_year():
    windows = rules.evaluation_windows(2028, "bulanan")
    assert len(windows) == 12 and windows[1].label == "Februari" and windows[1].ends_on == date(2028, 2, 29)
    assert [w.is_final for w in windows].count(True) == 1 and windows[-1].is_final


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("", "draft", True),
        ("draft", "submitted", True),
        ("draft", "approved", False),
        ("submitted", "approved", True),
        ("submitted", "returned", True),
        ("submitted", "draft", False),
        ("returned", "submitted", True),
        ("returned", "approved", False),
        ("approved", "draft", True),  # a revision
        ("approved", "returned", False),
    ],
)
def test_skp_transitions(current, target, allowed):
    assert (target in rules.SKP_TRANSITIONS.get(current, set())) is allowed


@pytest.mark.parametrize(
    ("parent", "problem"),
    [
        ({"parent_skp_pegawai_id": 1, "parent_status": "approved", "parent_period_id": 7}, None),
        ({"parent_skp_pegawai_id": 2, "parent_status": "approved", "parent_period_id": 7}, "not_evaluator"),
        ({"parent_skp_pegawai_id": 1, "parent_status": "submitted", "parent_period_id": 7}, "not_approved"),
        ({"parent_skp_pegawai_id": 1, "parent_status": "approved", "parent_period_id": 6}, "other_period"),
    ],
)
def test_cascade_problem(parent, problem):
    assert rules.cascade_problem(**parent, evaluator_id=1, period_id=7) == problem
    assert rules.cascade_problem(**parent, evaluator_id=None, period_id=7) == "no_evaluator"
