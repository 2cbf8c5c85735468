"""Pure rules of the public form, no database: how fast a person can fill it, and how a rating reads."""

RATINGS = (1, 2, 3, 4, 5)


def filled_too_fast(elapsed_seconds: float, minimum_seconds: float) -> bool:
    """A form sent back sooner than a person could read and tick it was sent by a program."""
    return elapsed_seconds < minimum_seconds


def average(total: int, count: int) -> float | None:
    return round(total / count, 1) if count else None


def distribution(counts: dict[int, int]) -> list[dict]:
    """[{stars, n, percent}] from 5 down to 1, for the bars of a unit's page."""
    total = sum(counts.values())
    return [
        {
            "stars": stars,
            "n": counts.get(stars, 0),
            "percent": round(100 * counts.get(stars, 0) / total) if total else 0,
        }
        for stars in reversed(RATINGS)
    ]
