"""Pure rules of competency profiles: which ledger entry sets the confirmed level, gaps, job-person match and its
band. No database here: the services and queries feed them rows."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

# Sources whose level stands on its own (an assessment, the supervisor's own rating, a verdict on a claim).
AUTHORITATIVE = frozenset({"assessment_center", "uji_kompetensi", "supervisor", "review"})
# Sources that only claim a level: they wait for the supervisor or HR to confirm (a course never raises a level
# by itself).
CLAIMS = frozenset({"self", "course", "mentoring", "external"})


@dataclass(frozen=True)
class Entry:
    """What the rules need of a ledger entry."""

    pk: int
    source: str
    level: int
    observed_on: date
    recorded_at: datetime
    superseded: bool = False
    decision: str = ""  # of a review: "confirmed" or "rejected"
    reviewed: bool = False  # of a claim: a review of it exists


def _order(entry: Entry):
    return (entry.observed_on, entry.recorded_at, entry.pk)


def sets_level(entry: Entry) -> bool:
    if entry.superseded or entry.source not in AUTHORITATIVE:
        return False
    return entry.source != "review" or entry.decision == "confirmed"


def confirmed_entry(entries) -> Entry | None:
    """The entry whose level is the confirmed level: the latest (by date observed, then by when it was recorded)
    authoritative entry still in force. Superseded entries and rejected claims never count."""
    candidates = [entry for entry in entries if sets_level(entry)]
    return max(candidates, key=_order, default=None)


def confirmed_level(entries) -> int | None:
    entry = confirmed_entry(entries)
    return entry.level if entry else None


def awaits_review(entry: Entry) -> bool:
    return entry.source in CLAIMS and not entry.superseded and not entry.reviewed


def gap(required: int, current: int | None) -> int:
    """How many levels short of the standard (never negative: being above the standard is no gap)."""
    return max(0, required - (current or 0))


def match_percent(pairs) -> Decimal | None:
    """Job-person match: the levels held, each counted up to its standard, over the levels the standard requires,
    as a percentage with two decimals. `pairs` are (required, current) tuples; None when nothing is required."""
    pairs = list(pairs)
    required = sum(req for req, _ in pairs)
    if not required:
        return None
    held = sum(min(req, cur or 0) for req, cur in pairs)
    return (Decimal(100) * held / required).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def band_for(percent: Decimal | None, bands):
    """The band a match falls in: the one with the highest `min_percent` that the match reaches. `bands` are
    objects with `min_percent`; None for no match or no band."""
    if percent is None:
        return None
    reached = [band for band in bands if Decimal(percent) >= Decimal(band.min_percent)]
    return max(reached, key=lambda band: band.min_percent, default=None)
