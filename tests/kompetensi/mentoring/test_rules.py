"""Mentoring rules as tables: JP of a confirmed session within the monthly cap, session dates, feedback time, and
the session state machine."""

from datetime import date

import pytest

from kompetensi.mentoring import rules


@pytest.mark.parametrize(
    ("jp_per_unit", "is_max", "per_month", "counted", "minutes", "expected"),
    [
        (2, False, 2, 0, 90, 2),  # the regulation's example: first session of the month
        (2, False, 2, 1, 90, 2),  # second
        (2, False, 2, 2, 90, 0),  # third in the same month: over the cap
        (2, False, 2, 5, 90, 0),
        (2, False, None, 9, 90, 2),  # no cap
        (2, False, 0, 9, 90, 2),  # 0 means no cap, not "nothing counts"
        (3, False, 1, 0, 30, 3),  # an instansi's own rule: 3 JP, one session a month
        (3, False, 1, 1, 30, 0),
        (2, True, 2, 0, 30, 0),  # upper bound: 30 minutes is less than one JP
        (2, True, 2, 0, 45, 1),
        (2, True, 2, 0, 89, 1),
        (2, True, 2, 0, 90, 2),
        (2, True, 2, 0, 480, 2),  # never above the bound
        (0, False, 2, 0, 90, 0),  # a rule of 0 JP counts nothing
    ],
)
def test_session_jp(jp_per_unit, is_max, per_month, counted, minutes, expected):
    assert (
        rules.session_jp(
            jp_per_unit=jp_per_unit,
            is_max=is_max,
            max_per_month=per_month,
            counted_this_month=counted,
            duration_minutes=minutes,
        )  # fmt: skip
        == expected
    )


@pytest.mark.parametrize(
    ("day", "first", "following"),
    [
        (date(2026, 1, 31), date(2026, 1, 1), date(2026, 2, 1)),
        (date(2026, 12, 1), date(2026, 12, 1), date(2027, 1, 1)),
        (date(2024, 2, 29), date(2024, 2, 1), date(2024, 3, 1)),
    ],
)
def test_month_bounds(day, first, following):
    assert rules.month_bounds(day) == (first, following)


TODAY = date(2026, 6, 15)
START, END = date(2026, 3, 1), date(2026, 9, 30)


@pytest.mark.parametrize(
    ("held_on", "problem"),
    [
        (TODAY, None),
        (START, None),
        (date(2026, 2, 28), "periode program"),
        (date(2026, 6, 16), "belum berlangsung"),
        (None, None),
    ],
)
def test_session_date_problems(held_on, problem):
    found = rules.session_date_problems(held_on, START, END, TODAY)
    if problem is None:
        assert found == {}
    else:
        assert problem in found["held_on"]


def test_session_after_the_programme_ended_is_refused():
    assert "periode program" in rules.session_date_problems(date(2026, 10, 1), START, END, date(2026, 10, 5))["held_on"]


@pytest.mark.parametrize(
    ("ended", "programme_end", "given", "expected"),
    [
        (True, END, False, True),
        (False, END, False, False),  # still running
        (False, date(2026, 6, 14), False, True),  # the programme's period is over
        (True, END, True, False),  # once
    ],
)
def test_may_give_feedback(ended, programme_end, given, expected):
    assert (
        rules.may_give_feedback(pair_ended=ended, programme_end=programme_end, today=TODAY, already_given=given)
        is expected
    )


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("", "logged", True),
        ("", "confirmed", False),
        ("logged", "confirmed", True),
        ("logged", "disputed", True),
        ("confirmed", "disputed", False),
        ("disputed", "confirmed", False),
        ("confirmed", "logged", False),
    ],
)
def test_session_transitions(current, target, allowed):
    assert (target in rules.SESSION_TRANSITIONS[current]) is allowed


def test_average():
    assert rules.average([5, 4, None, 4]) == 4.33
    assert rules.average([]) is None
