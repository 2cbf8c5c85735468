"""Pure rules of the competency insight pages: how a heatmap cell is toned, how employees fall into match bands,
and how recommendations are ranked. No database here."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ..competency import rules as competency_rules

# the two figures a heatmap cell can show
MEETING = "memenuhi"  # the share of employees at or above the standard, in percent
AVERAGE_GAP = "kesenjangan"  # the average number of levels short of the standard
METRICS = (MEETING, AVERAGE_GAP)

# tones from worst (0) to best (4): (lowest share meeting in percent, tone)
MEETING_TONES = ((90, 4), (75, 3), (50, 2), (25, 1), (0, 0))
# (highest average gap, tone)
GAP_TONES = ((Decimal("0"), 4), (Decimal("0.5"), 3), (Decimal("1"), 2), (Decimal("1.5"), 1))


@dataclass
class Cell:
    """One competency in one unit: how many employees' standards require it, how many meet it, and the levels
    missing in total."""

    employees: int = 0
    meeting: int = 0
    required: int = 0  # the sum of the levels required
    held: int = 0  # the sum of the levels held, each counted up to its standard

    @property
    def percent_meeting(self) -> int | None:
        if not self.employees:
            return None
        return int((Decimal(100) * self.meeting / self.employees).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def average_gap(self) -> Decimal | None:
        if not self.employees:
            return None
        return (Decimal(self.required - self.held) / self.employees).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def value(self, metric):
        return self.average_gap if metric == AVERAGE_GAP else self.percent_meeting

    def tone(self, metric) -> int | None:
        return tone(self.value(metric), metric)


def tone(value, metric) -> int | None:
    """0 (far from the standard) .. 4 (meets it); None for an empty cell."""
    if value is None:
        return None
    if metric == AVERAGE_GAP:
        return next((found for highest, found in GAP_TONES if Decimal(value) <= highest), 0)
    return next(found for lowest, found in MEETING_TONES if value >= lowest)


def legend(metric):
    """(tone, lower, upper) from best to worst, for the legend under the heatmap."""
    if metric == AVERAGE_GAP:
        rows, previous = [], None
        for highest, found in GAP_TONES:
            rows.append((found, previous, highest))
            previous = highest
        rows.append((0, previous, None))
        return rows
    rows, upper = [], None
    for lowest, found in MEETING_TONES:
        rows.append((found, lowest, upper))
        upper = lowest
    return rows


def match_of(required: int, held: int):
    """An employee's job-person match from their totals (the same figure as the profile's: levels held, each up to
    its standard, over the levels required)."""
    return competency_rules.match_percent([(required, held)])


@dataclass
class Distribution:
    """How the employees of one unit fall into the match bands."""

    counts: Counter = field(default_factory=Counter)  # {band code: employees}
    no_standard: int = 0  # employees whose position has no standard yet

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def distribute(people, bands) -> Distribution:
    """`people` are (required, held) totals of each employee (required 0: no standard); `bands` the instansi's."""
    found = Distribution()
    for required, held in people:
        band = competency_rules.band_for(match_of(required, held), bands) if required else None
        if band is None:
            found.no_standard += 1
        else:
            found.counts[band.code] += 1
    return found


def fits(target_level: int, current: int | None) -> bool:
    """A course target helps only when it sits above the level already held."""
    return target_level > (current or 0)
