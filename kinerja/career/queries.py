"""Reads of promotion eligibility shared by the page, the API, the profile section and the nightly job: the rules
of an instansi and the facts of all its employees in a constant number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.utils import timezone

from kompetensi.models import JPEntry
from portal import rule_tables
from portal.models import HukumanDisiplin, Jabatan, Pangkat, Pegawai

from ..evaluation.models import Evaluation, Predikat
from . import rules
from .models import (
    AngkaKreditRule,
    Calendar,
    EducationCap,
    ImportedAnnualResult,
    PromotionPeriodDay,
    PromotionRule,
)

UPCOMING = 3  # "who will qualify in the next periods": how many periods after the chosen one


@dataclass
class InstansiRules:
    rules: rules.Rules
    calendar: str
    days: list  # (month, day) of the calendar

    def periods(self, after, count):
        return rules.period_dates(self.days, after, count)


def rules_of(instansi_id) -> InstansiRules:
    """The promotion rules in force for an instansi (its own rows over the defaults), in five queries."""
    rule = rule_tables.rule_for(PromotionRule, instansi_id) or PromotionRule(calendar=Calendar.MONTHLY_2025)
    caps = rule_tables.rules_for(EducationCap, instansi_id)
    kredit = rule_tables.rules_for(AngkaKreditRule, instansi_id)
    ranks = {p.pk: p for p in Pangkat.objects.filter(kind=Pangkat.Kind.PNS)}
    days = list(PromotionPeriodDay.objects.filter(calendar=rule.calendar).values_list("month", "day"))
    return InstansiRules(
        rules=rules.Rules(
            years_in_rank=rule.years_in_rank,
            years_in_rank_functional=rule.years_in_rank_functional,
            predikat_years=rule.predikat_years,
            predikat_accepted=rule.accepted,
            education_cap={
                key[0]: (ranks[row.golongan_id].golongan_ruang, ranks[row.golongan_id].order)
                for key, row in caps.items()
                if row.golongan_id in ranks
            },
            angka_kredit={
                ranks[key[0]].golongan_ruang: row.angka_kredit for key, row in kredit.items() if key[0] in ranks
            },
            golongan_by_order={p.order: p.golongan_ruang for p in ranks.values()},
        ),
        calendar=rule.calendar,
        days=days,
    )


def next_period(instansi_rules, today=None):
    today = today or timezone.localdate()
    found = instansi_rules.periods(today, 1)
    return found[0] if found else today


def _employees(instansi_id, pegawai_ids=None):
    queryset = (
        Pegawai.objects.active()
        .filter(instansi_id=instansi_id, status=Pegawai.Status.PNS)
        .select_related("unit", "jabatan", "pangkat", "user")
        .order_by("nama", "pk")
    )
    if pegawai_ids is not None:
        queryset = queryset.filter(pk__in=pegawai_ids)
    return list(queryset)


def _imported_results(years, by_pegawai):
    """{pegawai id: {year: EvaluationFact}} of the results imported from the national system, in one query."""
    found = {}
    predikat_labels = dict(Predikat.choices)
    source_labels = dict(ImportedAnnualResult.Source.choices)
    rows = ImportedAnnualResult.objects.filter(year__in=list(years), **by_pegawai).values_list(
        "pk", "pegawai_id", "year", "predikat", "source"
    )
    for pk, pegawai_id, year, predikat, source in rows:
        found.setdefault(pegawai_id, {})[year] = rules.EvaluationFact(
            pk, year, predikat, str(predikat_labels.get(predikat, predikat)), imported=True,
            source=str(source_labels.get(source, source)),
        )  # fmt: skip
    return found


def facts_of(instansi_id, period_date, years_back, pegawai_ids=None, through=None):
    """[(pegawai, PersonFacts)] of the PNS of an instansi (or of `pegawai_ids`) for promotion dates from
    `period_date` to `through`: five queries, whatever the number of employees. A year's predikat is the final annual
    evaluation in Lentera, or else the result imported from the national system for the years before Lentera."""
    through = through or period_date
    people = _employees(instansi_id, pegawai_ids)
    ids = [p.pk for p in people]
    by_skp_pegawai = (
        {"skp__pegawai_id__in": ids} if pegawai_ids is not None else {"skp__pegawai__instansi_id": instansi_id}
    )
    years = range(period_date.year - years_back, through.year)
    # the final annual result of each year; with several SKP in a year (a change of position), the latest final one;
    # Lentera's own result of a year replaces an imported one
    by_pegawai = {"pegawai_id__in": ids} if pegawai_ids is not None else {"pegawai__instansi_id": instansi_id}
    evaluations = _imported_results(years, by_pegawai)
    predikat_labels = dict(Evaluation._meta.get_field("predikat").choices)
    rows = (
        Evaluation.objects.filter(kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED,
                                  skp__period__year__in=list(years), **by_skp_pegawai)
        .order_by("finalised_at", "pk")
        .values_list("pk", "skp__pegawai_id", "skp__period__year", "predikat")
    )  # fmt: skip
    for pk, pegawai_id, year, predikat in rows:
        evaluations.setdefault(pegawai_id, {})[year] = rules.EvaluationFact(
            pk, year, predikat, str(predikat_labels.get(predikat, predikat))
        )
    sanctions = {}
    for sanction in HukumanDisiplin.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=period_date),
                                                   starts_on__lte=through, **by_pegawai).order_by("starts_on"):  # fmt: skip
        sanctions.setdefault(sanction.pegawai_id, []).append(
            rules.SanctionFact(
                sanction.pk, sanction.get_kind_display(), sanction.starts_on, sanction.ends_on, sanction.sk_number
            )  # fmt: skip
        )
    jp_year = timezone.localdate().year
    jp = dict(
        JPEntry.objects.filter(year=jp_year, **by_pegawai)
        .values("pegawai_id")
        .annotate(total=Sum("jp"))
        .values_list("pegawai_id", "total")
    )
    found = []
    for person in people:
        found.append((person, rules.PersonFacts(
            pegawai_id=person.pk,
            golongan=person.pangkat.golongan_ruang if person.pangkat_id else None,
            golongan_order=person.pangkat.order if person.pangkat_id else None,
            tmt_pangkat=person.tmt_pangkat,
            functional=bool(person.jabatan_id and person.jabatan.kind == Jabatan.Kind.FUNGSIONAL),
            angka_kredit=person.angka_kredit,
            pendidikan=person.pendidikan,
            pendidikan_label=person.get_pendidikan_display() if person.pendidikan else "",
            evaluations=evaluations.get(person.pk, {}),
            sanctions=tuple(sanctions.get(person.pk, ())),
            jp_total=jp.get(person.pk, 0),
            jp_year=jp_year,
        )))  # fmt: skip
    return found


@dataclass
class Row:
    pegawai: Pegawai
    eligible: bool
    reasons: list
    qualifies_on: datetime.date | None  # the first later period (of the next few) in which they qualify

    @property
    def unmet(self):
        return [reason for reason in self.reasons if reason.met is False]


def eligibility_list(instansi_id, period_date, *, upcoming=UPCOMING, pegawai_ids=None, instansi_rules=None):
    """Every PNS of the instansi with their eligibility on `period_date` and, for those who miss it, the first of
    the next `upcoming` periods in which they qualify. A constant number of queries."""
    instansi_rules = instansi_rules or rules_of(instansi_id)
    later = instansi_rules.periods(period_date + datetime.timedelta(days=1), upcoming)
    through = later[-1] if later else period_date
    facts = facts_of(instansi_id, period_date, instansi_rules.rules.predikat_years, pegawai_ids, through)
    rows = []
    for person, fact in facts:
        eligible, reasons = rules.eligibility(fact, instansi_rules.rules, period_date)
        qualifies_on = None
        if not eligible:
            qualifies_on = next((day for day in later if rules.eligibility(fact, instansi_rules.rules, day)[0]), None)
        rows.append(Row(person, eligible, reasons, qualifies_on))
    # who qualifies first, then who qualifies soonest, then who misses the fewest rules
    far = datetime.date.max
    rows.sort(key=lambda row: (not row.eligible, row.qualifies_on or far, len(row.unmet)))
    return rows, later
