"""Pure rules of peer feedback: when results may be shown, and the aggregate of the answers (no database)."""

import random
from dataclasses import dataclass, field
from datetime import date

from .models import MIN_RATERS_FLOOR, SCORES


def threshold(configured) -> int:
    """The minimum of raters: the instansi's setting, never below the floor that keeps a rater anonymous."""
    return max(int(configured or MIN_RATERS_FLOOR), MIN_RATERS_FLOOR)


def is_closed(status: str, closes_on: date, today: date) -> bool:
    return status == "closed" or closes_on < today


def released(*, closed: bool, answered: int, minimum: int) -> bool:
    """Results show once the round is closed (so no one can watch them move answer by answer) and at least the
    minimum of raters answered."""
    return closed and answered >= minimum


def relation(subject, rater) -> str:
    """How a rater stands to the employee in the org chart."""
    if rater.atasan_id == subject.pk:
        return "subordinate"
    if subject.atasan_id == rater.pk:
        return "supervisor"
    if rater.unit_id == subject.unit_id:
        return "peer"
    return "other"


@dataclass
class ValueResult:
    value: object
    counts: dict = field(default_factory=dict)  # rating code -> number of answers
    comments: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def average(self) -> float | None:
        """The mean on the scale Di Bawah 1 .. Sesuai 2 .. Di Atas 3."""
        if not self.total:
            return None
        return round(sum(SCORES[code] * n for code, n in self.counts.items()) / self.total, 2)

    def share(self, code) -> int:
        return round(100 * self.counts.get(code, 0) / self.total) if self.total else 0


def aggregate(values, rows, comments, rng=None) -> list[ValueResult]:
    """Per BerAKHLAK value: the count of each rating, the average, and its comments in a random order (an order of
    storage would let comments of one rater be lined up across values). `rows` are (value_id, rating, count),
    `comments` (value_id, text)."""
    rng = rng or random.SystemRandom()
    by_value = {value.pk: ValueResult(value=value, counts=dict.fromkeys(SCORES, 0)) for value in values}
    for value_id, rating, count in rows:
        if value_id in by_value and rating in by_value[value_id].counts:
            by_value[value_id].counts[rating] += count
    for value_id, text in comments:
        if value_id in by_value and text.strip():
            by_value[value_id].comments.append(text.strip())
    for result in by_value.values():
        rng.shuffle(result.comments)
    return list(by_value.values())


TONES = {"DI_BAWAH": "error", "SESUAI": "muted", "DI_ATAS": "ok"}


def bars(results, labels) -> list[dict]:
    """The rows of the stacked-bars component: one bar per value, one segment per rating (`labels`: code -> label)."""
    return [
        {
            "label": result.value.name, "total": result.total,
            "segments": [
                {"label": labels[code], "count": result.counts.get(code, 0), "percent": result.share(code),
                 "tone": TONES[code]}
                for code in SCORES
            ],
        }
        for result in results
    ]  # fmt: skip
