"""Pure rules of lateness: when a late step is escalated to the next level."""

from datetime import date, timedelta

from ..skp.rules import approval_due, days_late

__all__ = ["approval_due", "days_late", "escalation_day", "is_escalated"]

PLAN, APPROVE, RATE = "plan", "approve", "rate"


def escalation_day(due: date, days: int) -> date:
    """The day a step still open is escalated: `days` after its due day (at least one, so never while it is due)."""
    return due + timedelta(days=max(1, days))


def is_escalated(due: date, today: date, days: int) -> bool:
    return today >= escalation_day(due, days)
