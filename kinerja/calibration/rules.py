"""Calibration: the organisation's own rating (Istimewa .. Sangat Kurang) sets the expected distribution of its
employees' predikat (PermenPANRB 6/2022 annex). The rules are data (`DistributionRule`); these defaults seed the
table and the checks here read whatever the table holds. A violation is a warning for the calibrating team, never a
block."""

from dataclasses import dataclass

ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG = (
    "ISTIMEWA", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG",
)  # fmt: skip
ORGANISATION_RATINGS = (ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)


@dataclass(frozen=True)
class Rule:
    """A share of the employees whose predikat is one of `predikat` must stay within [minimum, maximum] percent;
    `at_least_one` asks that there be at least one of them."""

    predikat: tuple[str, ...]
    minimum: int | None = None
    maximum: int | None = None
    at_least_one: bool = False


# organisation rating -> its rules (employee predikat codes as kinerja.evaluation.rules.PREDIKAT)
DEFAULT_RULES = {
    ISTIMEWA: [Rule(("SANGAT_BAIK",), maximum=70)],
    BAIK: [Rule(("BAIK",), maximum=70), Rule(("BUTUH_PERBAIKAN", "KURANG"), at_least_one=True)],
    BUTUH_PERBAIKAN: [Rule(("BUTUH_PERBAIKAN",), minimum=60), Rule(("SANGAT_BAIK",), maximum=10)],
    KURANG: [Rule(("KURANG",), minimum=60), Rule(("BUTUH_PERBAIKAN",), minimum=10), Rule(("SANGAT_BAIK",), maximum=10)],
    SANGAT_KURANG: [
        Rule(("SANGAT_KURANG",), minimum=60),
        Rule(("KURANG", "BUTUH_PERBAIKAN"), minimum=10),
        Rule(("SANGAT_BAIK",), maximum=0),
    ],
}


@dataclass(frozen=True)
class Finding:
    rule: Rule
    count: int
    percent: float  # of the employees with a predikat
    met: bool | None  # None: nobody has a predikat yet, nothing to measure


def share(counts: dict[str, int], predikat) -> tuple[int, float]:
    total = sum(counts.values())
    count = sum(counts.get(code, 0) for code in predikat)
    return count, (100 * count / total if total else 0.0)


def check(counts: dict[str, int], rules) -> list[Finding]:
    """Each rule measured against the distribution `counts` ({predikat: employees})."""
    findings = []
    for rule in rules:
        count, percent = share(counts, rule.predikat)
        if not sum(counts.values()):
            met = None
        else:
            met = not (
                (rule.minimum is not None and percent < rule.minimum)
                or (rule.maximum is not None and percent > rule.maximum)
                or (rule.at_least_one and count == 0)
            )
        findings.append(Finding(rule=rule, count=count, percent=percent, met=met))
    return findings


def violations(counts: dict[str, int], rules) -> int:
    return sum(1 for finding in check(counts, rules) if finding.met is False)


def move(counts: dict[str, int], before: str, after: str) -> dict[str, int]:
    """The distribution after one employee's predikat changes from `before` ("" when unrated) to `after`."""
    moved = dict(counts)
    if before:
        moved[before] = moved.get(before, 0) - 1
    moved[after] = moved.get(after, 0) + 1
    return moved
