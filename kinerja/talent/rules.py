"""Pure rules of talent mapping (PermenPANRB 3/2020, the 9-box), no database: the kinerja level from the predikat
history, the potensial score and level from a potential assessment and the competency match, the box of a
(kinerja, potensial) pair in the instansi's numbering, and why an employee cannot be mapped yet.

Kinerja: the final annual predikat of the latest year from `this year - kinerja_years` to this year decides (this
year counts once its annual evaluation is final); an earlier year is kept as evidence only. So with two years on
record the later one counts, and in January, before last year's result is final, an employee is placed on the year
before it. The regulation speaks of performance "in the last years" without saying how to combine them; the latest
result is what the evaluation cycle publishes and what the employee can still improve, and HR sees the earlier
year beside it.

Potensial: a weighted mean of the latest potential assessment score (hasil asesmen potensi, 0-100) and the
job-person competency match (0-100 %), the assessment's weight being data. When only one of the two exists it counts
alone (in full), so a missing assessment does not halve anybody's potential; the evidence says which inputs were
used. Neither of them: not mappable.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

# the axes, lowest first: the codes of the 9-box table (kotak_talenta.csv) and of the evaluation's ratings
DI_BAWAH, SESUAI, DI_ATAS = "DI_BAWAH", "SESUAI", "DI_ATAS"
RENDAH, MENENGAH, TINGGI = "RENDAH", "MENENGAH", "TINGGI"
KINERJA_LEVELS = (DI_BAWAH, SESUAI, DI_ATAS)
POTENSIAL_LEVELS = (RENDAH, MENENGAH, TINGGI)

# reasons an employee is not on the grid (stable: snapshots and exports carry them)
NO_PREDIKAT = "predikat"
NO_POTENSIAL = "potensial"
NO_BOX = "kotak"

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Thresholds:
    """The instansi's rule: where the potensial levels start, the assessment's weight (the competency match weighs
    the rest), how many years of predikat are looked at, and which predikat count as which kinerja level."""

    tinggi_min: Decimal = Decimal(90)
    menengah_min: Decimal = Decimal(78)
    assessment_weight: int = 60
    kinerja_years: int = 2
    predikat_di_atas: frozenset = frozenset({"SANGAT_BAIK"})
    predikat_sesuai: frozenset = frozenset({"BAIK"})


@dataclass(frozen=True)
class Box:
    number: int
    kinerja: str
    potensial: str
    name: str = ""
    actions: tuple = ()
    in_pool: bool = False


@dataclass(frozen=True)
class PredikatFact:
    year: int
    predikat: str
    evaluation_id: int | None = None
    label: str = ""


@dataclass(frozen=True)
class AssessmentFact:
    id: int | None
    assessed_on: object  # datetime.date
    score: Decimal
    lembaga: str = ""


@dataclass(frozen=True)
class TalentFacts:
    pegawai_id: int
    predikat: dict = field(default_factory=dict)  # year -> PredikatFact (the final annual result of that year)
    assessment: AssessmentFact | None = None  # the latest potential assessment
    match_percent: Decimal | None = None  # against the standard of their position; None: no standard or profile


@dataclass(frozen=True)
class Placement:
    box: Box | None
    kinerja: str | None
    potensial: str | None
    score: Decimal | None
    reasons: tuple = ()  # ((code, text), ...) why not mappable; empty when on the grid
    evidence: dict = field(default_factory=dict)

    @property
    def mappable(self) -> bool:
        return self.box is not None

    @property
    def reason_text(self) -> str:
        return " ".join(text for _code, text in self.reasons)


def split_actions(text: str) -> tuple:
    """The recommended actions of a box, written as one text separated by semicolons (as in the regulation's
    table)."""
    return tuple(part.strip() for part in (text or "").split(";") if part.strip())


def kinerja_level(predikat: str, thresholds: Thresholds) -> str:
    if predikat in thresholds.predikat_di_atas:
        return DI_ATAS
    if predikat in thresholds.predikat_sesuai:
        return SESUAI
    return DI_BAWAH


def latest_predikat(history: dict, this_year: int, years: int) -> PredikatFact | None:
    """The final annual result of the latest year from `this_year - years` to `this_year`."""
    recent = [fact for year, fact in history.items() if this_year - years <= year <= this_year]
    return max(recent, key=lambda fact: fact.year, default=None)


def _quantize(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def potensial_score(assessment: Decimal | None, match: Decimal | None, assessment_weight: int) -> Decimal | None:
    """The weighted mean of the assessment score and the competency match (both 0-100); one of them alone when
    the other is missing; None when both are."""
    if assessment is None and match is None:
        return None
    if match is None:
        return _quantize(assessment)
    if assessment is None:
        return _quantize(match)
    weight = Decimal(assessment_weight)
    return _quantize((Decimal(assessment) * weight + Decimal(match) * (HUNDRED - weight)) / HUNDRED)


def potensial_level(score: Decimal, thresholds: Thresholds) -> str:
    """TINGGI from `tinggi_min` up, MENENGAH from `menengah_min` up, RENDAH below (each threshold included)."""
    if score >= thresholds.tinggi_min:
        return TINGGI
    if score >= thresholds.menengah_min:
        return MENENGAH
    return RENDAH


def box_for(kinerja: str, potensial: str, numbering: dict) -> Box | None:
    """The box of a cell in the instansi's numbering ({(kinerja, potensial): Box})."""
    return numbering.get((kinerja, potensial))


def numbering_problems(numbering: dict) -> list[str]:
    """What is wrong with a numbering as a whole: a cell without a box, or a number used twice. The grid still
    places people cell by cell; HR sees the warning."""
    problems = []
    missing = [(k, p) for k in KINERJA_LEVELS for p in POTENSIAL_LEVELS if (k, p) not in numbering]
    if missing:
        problems.append(
            _("%(n)s sel belum mempunyai nomor kotak: %(cells)s.")
            % {"n": len(missing), "cells": ", ".join(f"{k}/{p}" for k, p in missing)}
        )
    numbers = [box.number for box in numbering.values()]
    doubled = sorted({number for number in numbers if numbers.count(number) > 1})
    if doubled:
        problems.append(
            _("Nomor kotak dipakai lebih dari sekali: %(numbers)s.") % {"numbers": ", ".join(map(str, doubled))}
        )
    return problems


def _assessment_evidence(assessment: AssessmentFact | None):
    if assessment is None:
        return None
    return {
        "id": assessment.id,
        "date": assessment.assessed_on.isoformat() if assessment.assessed_on else None,
        "score": str(assessment.score),
        "lembaga": assessment.lembaga,
    }


def place(facts: TalentFacts, thresholds: Thresholds, numbering: dict, this_year: int) -> Placement:
    """The employee's box, with the inputs it rests on as evidence; or, when they cannot be mapped yet, why."""
    reasons = []
    latest = latest_predikat(facts.predikat, this_year, thresholds.kinerja_years)
    kinerja = kinerja_level(latest.predikat, thresholds) if latest else None
    if latest is None:
        reasons.append((NO_PREDIKAT, _("Belum ada predikat kinerja tahunan final sejak tahun %(year)s.")
                        % {"year": this_year - thresholds.kinerja_years}))  # fmt: skip
    assessment_score = facts.assessment.score if facts.assessment else None
    score = potensial_score(assessment_score, facts.match_percent, thresholds.assessment_weight)
    potensial = potensial_level(score, thresholds) if score is not None else None
    if score is None:
        reasons.append((NO_POTENSIAL, _("Belum ada hasil asesmen potensi maupun profil kompetensi terhadap "
                                        "standar jabatan.")))  # fmt: skip
    both = assessment_score is not None and facts.match_percent is not None
    evidence = {
        "predikat": (
            {
                "year": latest.year,
                "predikat": latest.predikat,
                "label": latest.label,
                "evaluation": latest.evaluation_id,
            }
            if latest
            else None
        ),
        "history": {str(year): fact.predikat for year, fact in sorted(facts.predikat.items())},
        "assessment": _assessment_evidence(facts.assessment),
        "match_percent": str(facts.match_percent) if facts.match_percent is not None else None,
        "assessment_weight": thresholds.assessment_weight if both else (100 if assessment_score is not None else 0),
        "score": str(score) if score is not None else None,
    }
    box = None
    if kinerja and potensial:
        box = box_for(kinerja, potensial, numbering)
        if box is None:
            reasons.append((NO_BOX, _("Kotak untuk kinerja %(k)s dan potensial %(p)s belum diatur.")
                            % {"k": kinerja, "p": potensial}))  # fmt: skip
    return Placement(box, kinerja, potensial, score, tuple(reasons), evidence)
