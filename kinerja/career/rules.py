"""Pure rules of promotion in rank (kenaikan pangkat reguler), no database: the eligibility of one employee for one
promotion date from their facts and the instansi's rules, each reason with the evidence it rests on; and the dates
of a promotion calendar."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

# reason names (stable: the API, exports and snapshots carry them)
YEARS_IN_RANK = "masa_pangkat"
ANGKA_KREDIT = "angka_kredit"
PREDIKAT = "predikat"
SANCTION = "hukuman_disiplin"
EDUCATION_CAP = "batas_pendidikan"
JP = "jp"  # information only: never decides


@dataclass(frozen=True)
class EvaluationFact:
    id: int
    year: int
    predikat: str
    predikat_label: str = ""
    # the result of a year before Lentera, imported from the national system: `id` is then the imported row's, and
    # `source` names where it came from
    imported: bool = False
    source: str = ""


@dataclass(frozen=True)
class SanctionFact:
    id: int
    label: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    sk_number: str = ""

    def in_force_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)


@dataclass(frozen=True)
class PersonFacts:
    pegawai_id: int
    golongan: str | None  # "III/b"
    golongan_order: int | None
    tmt_pangkat: datetime.date | None
    functional: bool = False
    angka_kredit: Decimal | None = None
    pendidikan: str = ""
    pendidikan_label: str = ""
    evaluations: dict = field(default_factory=dict)  # year -> EvaluationFact (the final annual result)
    sanctions: tuple = ()
    jp_total: int | None = None
    jp_year: int | None = None


@dataclass(frozen=True)
class Rules:
    years_in_rank: int = 4
    years_in_rank_functional: int = 2
    predikat_years: int = 2
    predikat_accepted: frozenset = frozenset({"SANGAT_BAIK", "BAIK"})
    education_cap: dict = field(default_factory=dict)  # pendidikan -> (golongan, order)
    angka_kredit: dict = field(default_factory=dict)  # golongan -> Decimal required for the next rank
    golongan_by_order: dict = field(default_factory=dict)  # order -> golongan (the PNS ranks)


@dataclass(frozen=True)
class Reason:
    rule: str
    met: bool | None  # None: information only
    detail: str
    evidence: dict = field(default_factory=dict)

    def as_dict(self):
        return {"rule": self.rule, "met": self.met, "detail": self.detail, "evidence": self.evidence}


def add_years(day: datetime.date, years: int) -> datetime.date:
    """`day` plus whole years; 29 February moves to 1 March in a common year (the later, stricter day)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return datetime.date(day.year + years, 3, 1)


def _fmt(day):
    return day.strftime("%d-%m-%Y") if day else "-"


def _years_reasons(person: PersonFacts, rules: Rules, period_date):
    reasons = []
    required_ak = rules.angka_kredit.get(person.golongan) if person.functional else None
    fast_track = False
    if person.functional:
        if required_ak is None:
            reasons.append(Reason(ANGKA_KREDIT, None, _("Tidak ada syarat angka kredit untuk golongan %(g)s; berlaku "
                                                         "masa dalam pangkat reguler.") % {"g": person.golongan or "-"}))  # fmt: skip
        else:
            have = person.angka_kredit
            fast_track = have is not None and have >= required_ak
            reasons.append(Reason(
                ANGKA_KREDIT, fast_track,
                _("Angka kredit %(have)s dari %(need)s yang dipersyaratkan untuk golongan %(g)s.")
                % {"have": have if have is not None else "-", "need": required_ak, "g": person.golongan},
                {"angka_kredit": str(have) if have is not None else None, "required": str(required_ak)},
            ))  # fmt: skip
    years = rules.years_in_rank_functional if fast_track else rules.years_in_rank
    if person.tmt_pangkat is None:
        reasons.insert(0, Reason(YEARS_IN_RANK, False, _("TMT pangkat belum tercatat."), {"tmt_pangkat": None}))
        return reasons
    due = add_years(person.tmt_pangkat, years)
    met = due <= period_date
    detail = _("TMT pangkat %(tmt)s; %(years)s tahun dalam pangkat tercapai %(due)s.") % {
        "tmt": _fmt(person.tmt_pangkat), "years": years, "due": _fmt(due)}  # fmt: skip
    evidence = {"tmt_pangkat": person.tmt_pangkat.isoformat(), "years": years, "due": due.isoformat()}
    reasons.insert(0, Reason(YEARS_IN_RANK, met, detail, evidence))
    return reasons


def _predikat_reasons(person: PersonFacts, rules: Rules, period_date):
    reasons = []
    for year in range(period_date.year - 1, period_date.year - 1 - rules.predikat_years, -1):
        fact = person.evaluations.get(year)
        if fact is None:
            reasons.append(Reason(PREDIKAT, False, _("Belum ada evaluasi kinerja tahunan final tahun %(year)s.")
                                  % {"year": year}, {"year": year, "evaluation": None}))  # fmt: skip
            continue
        met = fact.predikat in rules.predikat_accepted
        values = {"year": year, "predikat": fact.predikat_label or fact.predikat, "source": fact.source}
        if fact.imported:
            detail = _("Predikat kinerja %(year)s: %(predikat)s (data impor %(source)s).") % values
            evidence = {"year": year, "evaluation": None, "imported": fact.id, "source": fact.source,
                        "predikat": fact.predikat}  # fmt: skip
        else:
            detail = _("Predikat kinerja %(year)s: %(predikat)s.") % values
            evidence = {"year": year, "evaluation": fact.id, "predikat": fact.predikat}
        reasons.append(Reason(PREDIKAT, met, detail, evidence))
    return reasons


def _sanction_reason(person: PersonFacts, period_date):
    in_force = [s for s in person.sanctions if s.in_force_on(period_date)]
    if not in_force:
        return Reason(SANCTION, True, _("Tidak sedang menjalani hukuman disiplin."), {"sanctions": []})
    first = in_force[0]
    detail = _("Sedang menjalani hukuman disiplin: %(label)s, SK %(sk)s, %(start)s s.d. %(end)s.") % {
        "label": first.label, "sk": first.sk_number, "start": _fmt(first.starts_on),
        "end": _fmt(first.ends_on) if first.ends_on else _("tanpa batas")}  # fmt: skip
    return Reason(SANCTION, False, detail, {"sanctions": [s.id for s in in_force]})


def _education_reason(person: PersonFacts, rules: Rules):
    if person.golongan_order is None:
        return Reason(EDUCATION_CAP, False, _("Pangkat/golongan belum tercatat."), {})
    next_golongan = rules.golongan_by_order.get(person.golongan_order + 1)
    if next_golongan is None:
        return Reason(EDUCATION_CAP, False, _("Sudah berada di pangkat tertinggi."), {"golongan": person.golongan})
    if not person.pendidikan:
        return Reason(EDUCATION_CAP, False, _("Pendidikan terakhir belum tercatat."), {"next": next_golongan})
    cap = rules.education_cap.get(person.pendidikan)
    if cap is None:
        return Reason(EDUCATION_CAP, True, _("Tidak ada batas pangkat untuk pendidikan %(p)s.")
                      % {"p": person.pendidikan_label or person.pendidikan}, {"next": next_golongan})  # fmt: skip
    cap_golongan, cap_order = cap
    met = person.golongan_order + 1 <= cap_order
    detail = _("Pendidikan %(p)s: paling tinggi %(cap)s; kenaikan berikutnya ke %(next)s.") % {
        "p": person.pendidikan_label or person.pendidikan, "cap": cap_golongan, "next": next_golongan}  # fmt: skip
    return Reason(
        EDUCATION_CAP, met, detail, {"pendidikan": person.pendidikan, "cap": cap_golongan, "next": next_golongan}
    )


def eligibility(person: PersonFacts, rules: Rules, period_date: datetime.date) -> tuple[bool, list[Reason]]:
    """Whether `person` qualifies for a regular promotion on `period_date`, and every reason why or why not."""
    reasons = [
        *_years_reasons(person, rules, period_date),
        *_predikat_reasons(person, rules, period_date),
        _sanction_reason(person, period_date),
        _education_reason(person, rules),
    ]
    if person.jp_total is not None:
        reasons.append(Reason(JP, None, _("JP pengembangan kompetensi tahun %(year)s: %(jp)s JP.")
                              % {"year": person.jp_year, "jp": person.jp_total}, {"year": person.jp_year, "jp": person.jp_total}))  # fmt: skip
    eligible = all(reason.met is not False for reason in reasons)
    return eligible, reasons


def period_dates(days, after: datetime.date, count: int) -> list[datetime.date]:
    """The next `count` promotion dates on or after `after` of a calendar given as (month, day) pairs."""
    days = sorted(days)
    if not days or count <= 0:
        return []
    found = []
    year = after.year
    while len(found) < count:
        for month, day in days:
            candidate = datetime.date(year, month, day)
            if candidate >= after:
                found.append(candidate)
                if len(found) == count:
                    break
        year += 1
    return found
