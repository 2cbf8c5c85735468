"""Pure rules of SKP: the state machine's table, the periodic evaluation windows of a year, and when a decision on
a submitted SKP falls due."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

DRAFT, SUBMITTED, APPROVED, RETURNED = "draft", "submitted", "approved", "returned"

# A change after approval reopens the SKP as a draft (a revision), which is submitted and approved again.
SKP_TRANSITIONS = {
    "": {DRAFT},
    DRAFT: {SUBMITTED},
    SUBMITTED: {APPROVED, RETURNED},
    RETURNED: {SUBMITTED},
    APPROVED: {DRAFT},
}

QUARTER_LABELS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV-Akhir")
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November",
    "Desember",
)  # fmt: skip


@dataclass(frozen=True)
class Window:
    sequence: int
    label: str
    starts_on: date
    ends_on: date
    deadline: date
    is_final: bool


def _month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def evaluation_windows(year: int, cadence: str, grace_days: int = 10) -> list[Window]:
    """The periodic evaluations of a year: four quarters (the last one is "IV-Akhir") or twelve months, each due
    `grace_days` after it ends (the deadline an instansi can move afterwards)."""
    if cadence == "bulanan":
        spans = [(month, month, MONTHS_ID[month - 1]) for month in range(1, 13)]
    else:
        spans = [(3 * q + 1, 3 * q + 3, QUARTER_LABELS[q]) for q in range(4)]
    windows = []
    for sequence, (first, last, label) in enumerate(spans, start=1):
        end = _month_end(year, last)
        windows.append(
            Window(sequence, label, date(year, first, 1), end, end + timedelta(days=grace_days), sequence == len(spans))
        )
    return windows


def approval_due(planning_deadline: date, submitted_on: date) -> date:
    """The day the pejabat penilai's decision falls due: the planning deadline, or the day of submission when the
    SKP came after it (the employee's lateness is not the evaluator's, but it does not buy them days either)."""
    return max(planning_deadline, submitted_on)


def days_late(due: date, today: date) -> int:
    """Whole days since the due day (0 on the day itself and before it)."""
    return max(0, (today - due).days)


def cascade_problem(*, parent_skp_pegawai_id, parent_status, parent_period_id, evaluator_id, period_id) -> str | None:
    """Why an RHK may not point at a parent RHK (a code for the message), or None. The parent must be in the
    evaluator's own approved SKP of the same period."""
    if evaluator_id is None:
        return "no_evaluator"
    if parent_skp_pegawai_id != evaluator_id:
        return "not_evaluator"
    if parent_period_id != period_id:
        return "other_period"
    if parent_status != APPROVED:
        return "not_approved"
    return None
