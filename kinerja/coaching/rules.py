"""Pure rules of coaching plans (rencana pembinaan kinerja): which final predikat calls for one, which results are
recent enough to act on, and the moves of the plan's state machine."""

PROPOSED, ACTIVE, COMPLETED, CANCELLED = "proposed", "active", "completed", "cancelled"

# proposed by the system (a low final annual predikat) or started by HR by hand (straight to active); a plan
# ends completed with an outcome, or cancelled with a reason
TRANSITIONS = {
    "": {PROPOSED, ACTIVE},
    PROPOSED: {ACTIVE, CANCELLED},
    ACTIVE: {COMPLETED, CANCELLED},
}
OPEN = (PROPOSED, ACTIVE)

# PermenPANRB 6/2022: below Baik the employee is to be coached (pembinaan) by their supervisor
LOW_PREDIKAT = frozenset({"BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"})
GOOD_PREDIKAT = frozenset({"BAIK", "SANGAT_BAIK"})


def needs_coaching(predikat: str) -> bool:
    return predikat in LOW_PREDIKAT


def is_good(predikat: str) -> bool:
    return predikat in GOOD_PREDIKAT


def is_recent(year: int, today) -> bool:
    """An annual result of this year or last year is acted on; older ones (history imported later, the demo's
    earlier years) are not: a plan for a result years old helps nobody."""
    return year >= today.year - 1


def dates_problem(starts_on, ends_on) -> str | None:
    """Why a plan's dates are not acceptable (a code the service words), or None."""
    if starts_on is None or ends_on is None:
        return "missing"
    if ends_on < starts_on:
        return "reversed"
    return None
