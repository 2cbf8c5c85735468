"""Pure rules of the HR service desk: the request's state machine, who may handle a request, and working-day
arithmetic for the SLA (weekends and the instansi's holidays are not working days)."""

import datetime
import statistics
from collections.abc import Collection, Iterable

SUBMITTED, IN_PROGRESS, WAITING, COMPLETED, REJECTED = (
    "submitted", "in_progress", "waiting_for_employee", "completed", "rejected",
)  # fmt: skip

# HR takes a request up, may ask the employee for something (the employee's answer, or HR, resumes it) and closes it
TRANSITIONS = {
    "": {SUBMITTED},
    SUBMITTED: {IN_PROGRESS},
    IN_PROGRESS: {WAITING, COMPLETED, REJECTED},
    WAITING: {IN_PROGRESS},
}
OPEN = (SUBMITTED, IN_PROGRESS, WAITING)
RUNNING = (SUBMITTED, IN_PROGRESS)  # the SLA clock stops while HR waits for the employee
CLOSED = (COMPLETED, REJECTED)

SATURDAY = 5


def may_handle(*, handler_id, subject_user_id) -> bool:
    """HR never handles their own request: another Admin SDM of the instansi does."""
    return handler_id != subject_user_id


def is_working_day(day: datetime.date, holidays: Collection[datetime.date]) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def add_working_days(start: datetime.date, days: int, holidays: Collection[datetime.date]) -> datetime.date:
    """The `days`-th working day after `start` (the day of filing itself is not counted, whatever hour it came in);
    `start` itself when `days` is 0."""
    day = start
    left = days
    while left > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, holidays):
            left -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date, holidays: Collection[datetime.date]) -> int:
    """Working days after `start` up to and including `end` (0 on the same day, or when `end` is before)."""
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count


def due_date(submitted_on, sla_days: int, paused_days: int, holidays) -> datetime.date:
    """The SLA's last day: the working days spent waiting for the employee are added, so HR is not late because the
    employee was."""
    return add_working_days(submitted_on, sla_days + paused_days, holidays)


def elapsed(submitted_on, on, paused_days: int, holidays) -> int:
    """Working days HR took from filing to `on`, less those spent waiting for the employee."""
    return max(0, working_days_between(submitted_on, on, holidays) - paused_days)


def on_time(closed_on: datetime.date, due_on: datetime.date) -> bool:
    return closed_on <= due_on


def is_overdue(status: str, due_on: datetime.date, today: datetime.date) -> bool:
    """Past the deadline with the clock running (a request waiting for the employee is not HR's delay: its deadline
    moves on when the employee answers)."""
    return status in RUNNING and due_on < today


def median(values: Iterable[float]):
    values = list(values)
    return statistics.median(values) if values else None


def mean(values: Iterable[float]):
    values = list(values)
    return sum(values) / len(values) if values else None


def percent(part: int, whole: int):
    return round(100 * part / whole) if whole else None
