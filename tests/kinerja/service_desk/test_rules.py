"""The pure rules of the HR service desk as tables: the request's moves, who may handle it, and working days over
weekends, a holiday and a year's end."""

import datetime

import pytest

from kinerja.service_desk import rules

D = datetime.date
# the national days off around them (portal/migrations/0014_load_national_holidays.py)
HOLIDAYS = {
    D(2026, 8, 17),  # Proklamasi, a Monday
    D(2026, 12, 24), D(2026, 12, 25),  # cuti bersama and Natal, Thursday and Friday
    D(2027, 1, 1), D(2027, 1, 5),  # Tahun Baru (Friday) and Isra Mikraj (Tuesday)
}  # fmt: skip


@pytest.mark.parametrize(
    "current, target, allowed",
    [
        ("", "submitted", True),
        ("", "in_progress", False),
        ("submitted", "in_progress", True),
        ("submitted", "completed", False),
        ("submitted", "rejected", False),
        ("submitted", "waiting_for_employee", False),
        ("in_progress", "waiting_for_employee", True),
        ("in_progress", "completed", True),
        ("in_progress", "rejected", True),
        ("in_progress", "submitted", False),
        ("waiting_for_employee", "in_progress", True),
        ("waiting_for_employee", "completed", False),
        ("waiting_for_employee", "rejected", False),
        ("completed", "in_progress", False),
        ("completed", "rejected", False),
        ("rejected", "in_progress", False),
        ("rejected", "completed", False),
    ],
)
def test_moves(current, target, allowed):
    assert (target in rules.TRANSITIONS.get(current, set())) is allowed


@pytest.mark.parametrize("handler, subject, allowed", [(1, 2, True), (2, 2, False)])
def test_nobody_handles_their_own_request(handler, subject, allowed):
    assert rules.may_handle(handler_id=handler, subject_user_id=subject) is allowed


@pytest.mark.parametrize(
    "start, days, due",
    [
        (D(2026, 8, 10), 0, D(2026, 8, 10)),  # nothing to count
        (D(2026, 8, 10), 1, D(2026, 8, 11)),  # Monday: the next day
        (D(2026, 8, 13), 1, D(2026, 8, 14)),  # Thursday -> Friday
        (D(2026, 8, 14), 1, D(2026, 8, 18)),  # Friday -> over the weekend and the Monday holiday -> Tuesday
        (D(2026, 8, 15), 1, D(2026, 8, 18)),  # filed on a Saturday: counting starts after it all the same
        (D(2026, 8, 12), 5, D(2026, 8, 20)),  # Wed + 5: Thu, Fri, (weekend), (holiday), Tue, Wed, Thu
        (D(2026, 12, 23), 3, D(2026, 12, 30)),  # Wed + 3: (cuti bersama, Natal, weekend) Mon 28, Tue 29, Wed 30
        (D(2026, 12, 30), 3, D(2027, 1, 6)),  # year end: Thu 31, (Tahun Baru, weekend) Mon 4, (Isra Mikraj) Wed 6
        (D(2026, 12, 31), 10, D(2027, 1, 18)),  # two holidays of the new year in the first week
    ],
)
def test_add_working_days(start, days, due):
    assert rules.add_working_days(start, days, HOLIDAYS) == due


@pytest.mark.parametrize(
    "start, end, days",
    [
        (D(2026, 8, 10), D(2026, 8, 10), 0),  # the same day
        (D(2026, 8, 10), D(2026, 8, 7), 0),  # before: nothing
        (D(2026, 8, 14), D(2026, 8, 17), 0),  # Friday to the Monday holiday
        (D(2026, 8, 14), D(2026, 8, 18), 1),
        (D(2026, 12, 23), D(2027, 1, 6), 6),  # Mon 28, Tue 29, Wed 30, Thu 31, Mon 4, Wed 6
    ],
)
def test_working_days_between(start, end, days):
    assert rules.working_days_between(start, end, HOLIDAYS) == days


def test_due_date_adds_the_days_waiting_for_the_employee():
    assert rules.due_date(D(2026, 8, 10), 3, 0, HOLIDAYS) == D(2026, 8, 13)
    assert rules.due_date(D(2026, 8, 10), 3, 2, HOLIDAYS) == D(2026, 8, 18)  # Thu 13, Fri 14, (holiday) Tue 18


@pytest.mark.parametrize(
    "submitted, closed, paused, elapsed",
    [
        (D(2026, 8, 10), D(2026, 8, 13), 0, 3),
        (D(2026, 8, 10), D(2026, 8, 13), 1, 2),
        (D(2026, 8, 10), D(2026, 8, 11), 5, 0),  # never below nothing
    ],
)
def test_elapsed_leaves_out_the_waiting(submitted, closed, paused, elapsed):
    assert rules.elapsed(submitted, closed, paused, HOLIDAYS) == elapsed


@pytest.mark.parametrize(
    "status, due, today, overdue",
    [
        ("in_progress", D(2026, 8, 10), D(2026, 8, 11), True),
        ("in_progress", D(2026, 8, 10), D(2026, 8, 10), False),  # the last day is still in time
        ("submitted", D(2026, 8, 10), D(2026, 8, 11), True),
        ("waiting_for_employee", D(2026, 8, 10), D(2026, 8, 11), False),  # the clock stops while HR waits
        ("completed", D(2026, 8, 10), D(2026, 9, 1), False),  # a closed request is late or on time, never overdue
    ],
)
def test_overdue(status, due, today, overdue):
    assert rules.is_overdue(status, due, today) is overdue


def test_summaries():
    assert rules.on_time(D(2026, 8, 10), D(2026, 8, 10)) and not rules.on_time(D(2026, 8, 11), D(2026, 8, 10))
    assert rules.median([3, 1, 2, 10]) == 2.5 and rules.median([]) is None
    assert rules.mean([4, 5]) == 4.5 and rules.mean([]) is None
    assert rules.percent(2, 3) == 67 and rules.percent(0, 0) is None
