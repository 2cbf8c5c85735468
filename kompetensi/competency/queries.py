"""Reads of the competency data that pages, the API and services share."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q

from portal import rule_tables
from portal.models import Jabatan
from portal.permissions import is_hr_of, is_superadmin
from portal.scoping import pegawai_of

from . import rules
from .models import Competency, CompetencyProfile, Evidence, JobStandard, MatchBand


def competencies_for(instansi_id):
    """The dictionary in force for an instansi: the national competencies and its own, active ones only."""
    return Competency.objects.filter(Q(instansi__isnull=True) | Q(instansi_id=instansi_id), is_active=True)


def with_ledger_flags(queryset):
    """Evidence annotated with `is_superseded` and `is_reviewed` (a verdict in force exists) in the same query."""
    return queryset.annotate(
        is_superseded=Exists(Evidence.objects.filter(supersedes=OuterRef("pk"))),
        is_reviewed=Exists(Evidence.objects.filter(review_of=OuterRef("pk"), superseded_by__isnull=True)),
    )


def as_entry(evidence) -> rules.Entry:
    return rules.Entry(
        pk=evidence.pk,
        source=evidence.source,
        level=evidence.level,
        observed_on=evidence.observed_on,
        recorded_at=evidence.recorded_at,
        superseded=evidence.is_superseded,
        decision=evidence.decision,
        reviewed=evidence.is_reviewed,
    )


def ledger_entries(pegawai_id, competency_id):
    rows = with_ledger_flags(Evidence.objects.filter(pegawai_id=pegawai_id, competency_id=competency_id))
    return [as_entry(row) for row in rows]


def history(pegawai, competency=None):
    """The ledger of an employee (or of one of their competencies), newest first, with who recorded each entry."""
    rows = Evidence.objects.filter(pegawai=pegawai).select_related("competency", "recorded_by", "review_of")
    if competency is not None:
        rows = rows.filter(competency=competency)
    return with_ledger_flags(rows).order_by("-observed_on", "-recorded_at", "-pk")


def waiting_claims(queryset=None):
    """Claims still waiting for a verdict: not superseded, not reviewed."""
    queryset = Evidence.objects.all() if queryset is None else queryset
    return with_ledger_flags(queryset.filter(source__in=rules.CLAIMS)).filter(is_superseded=False, is_reviewed=False)


def pending_reviews(user):
    """Claims waiting for this user's verdict: of their direct reports, or of their whole instansi for HR."""
    claims = waiting_claims()
    me = pegawai_of(user)
    if is_superadmin(user):
        pass
    elif me is None or not me.is_active:
        return claims.none()
    elif is_hr_of(user, me.instansi_id):
        claims = claims.filter(pegawai__instansi_id=me.instansi_id)
    else:
        claims = claims.filter(pegawai__atasan_id=me.pk)
    return claims.exclude(pegawai__user=user).select_related("pegawai", "competency").order_by("observed_on", "pk")


def bands_for(instansi_id):
    """The match bands in force for an instansi, highest first (one query)."""
    return sorted(rule_tables.rules_for(MatchBand, instansi_id).values(), key=lambda band: -band.min_percent)


@dataclass(frozen=True)
class GapRow:
    competency: Competency
    required_level: int
    current_level: int | None

    @property
    def gap(self) -> int:
        return rules.gap(self.required_level, self.current_level)


@dataclass(frozen=True)
class Profile:
    pegawai: object
    jabatan: object
    rows: list[GapRow]
    match_percent: Decimal | None
    band: MatchBand | None

    @property
    def gaps(self):
        """The competencies short of the standard, the largest gap first."""
        return sorted((row for row in self.rows if row.gap), key=lambda row: (-row.gap, row.competency.code))


def levels_of(pegawai) -> dict[int, int]:
    return dict(CompetencyProfile.objects.filter(pegawai=pegawai).values_list("competency_id", "level"))


def standards_of(jabatan_ids):
    """{jabatan id: [JobStandard with its competency]} of several positions in one query."""
    found = defaultdict(list)
    rows = JobStandard.objects.filter(jabatan_id__in=set(jabatan_ids) - {None}, competency__is_active=True)
    for standard in rows.select_related("competency").order_by(*JobStandard._meta.ordering):
        found[standard.jabatan_id].append(standard)
    return found


def profile_of(pegawai, jabatan=None, *, levels=None, bands=None, standards=None) -> Profile:
    """The employee's levels against the standard of `jabatan` (their own position by default): three queries."""
    jabatan = jabatan if jabatan is not None else pegawai.jabatan
    levels = levels_of(pegawai) if levels is None else levels
    if standards is None:
        standards = (
            JobStandard.objects.filter(jabatan=jabatan, competency__is_active=True).select_related("competency")
            if jabatan is not None
            else []
        )
    rows = [GapRow(s.competency, s.required_level, levels.get(s.competency_id)) for s in standards]
    percent = rules.match_percent((row.required_level, row.current_level) for row in rows)
    bands = bands_for(pegawai.instansi_id) if bands is None else bands
    return Profile(pegawai, jabatan, rows, percent, rules.band_for(percent, bands))


def profiles_of(pegawai_list) -> dict[int, Profile]:
    """Each employee's profile against their own position's standard, for a whole list in a constant number of
    queries (levels, standards, and the bands once per instansi): for Tim saya and other lists."""
    pegawai_list = list(pegawai_list)
    if not pegawai_list:
        return {}
    levels = defaultdict(dict)
    rows = CompetencyProfile.objects.filter(pegawai__in=pegawai_list).values_list(
        "pegawai_id", "competency_id", "level"
    )
    for pegawai_id, competency_id, level in rows:
        levels[pegawai_id][competency_id] = level
    standards = standards_of(p.jabatan_id for p in pegawai_list)
    bands = {instansi_id: bands_for(instansi_id) for instansi_id in {p.instansi_id for p in pegawai_list}}
    return {
        p.pk: profile_of(
            p, p.jabatan, levels=levels[p.pk], bands=bands[p.instansi_id], standards=standards.get(p.jabatan_id, [])
        )
        for p in pegawai_list
    }


def waiting_counts(pegawai_list) -> Counter:
    """{pegawai id: number of their claims waiting for a verdict}, in one query."""
    return Counter(
        waiting_claims(Evidence.objects.filter(pegawai__in=list(pegawai_list))).values_list("pegawai_id", flat=True)
    )


def my_waiting_claims(pegawai):
    return (
        waiting_claims(Evidence.objects.filter(pegawai=pegawai))
        .select_related("competency")
        .order_by("-observed_on", "-pk")
    )


def target_positions(instansi_id):
    """Positions of an instansi that have a standard: the targets an employee may compare themselves with."""
    return (
        Jabatan.objects.filter(instansi_id=instansi_id, competency_standards__competency__is_active=True)
        .distinct()
        .order_by("name", "pk")
    )


def claimable_competencies(pegawai):
    """What an employee may claim: the dictionary in force for their instansi, their position's standard first."""
    in_standard = Exists(JobStandard.objects.filter(jabatan_id=pegawai.jabatan_id, competency=OuterRef("pk")))
    return (
        competencies_for(pegawai.instansi_id)
        .annotate(in_standard=in_standard)
        .order_by("-in_standard", "group", "order", "code")
    )


@dataclass
class LedgerLine:
    """An entry of the history as a page shows it: the entry, whether it is the one that sets the confirmed level,
    and for a claim the verdict in force on it."""

    entry: Evidence
    sets_level: bool = False
    verdict: Evidence | None = None

    @property
    def waiting(self) -> bool:
        return rules.awaits_review(as_entry(self.entry))


def ledger_by_competency(pegawai) -> dict[int, list[LedgerLine]]:
    """The employee's whole ledger grouped by competency, newest first, each claim with its verdict (one query)."""
    rows = list(history(pegawai).select_related("recorded_by__pegawai"))
    verdicts = {row.review_of_id: row for row in rows if row.source == Evidence.Source.REVIEW and not row.is_superseded}
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.competency_id].append(row)
    lines = {}
    for competency_id, entries in grouped.items():
        confirmed = rules.confirmed_entry(as_entry(row) for row in entries)
        lines[competency_id] = [
            LedgerLine(row, sets_level=confirmed is not None and confirmed.pk == row.pk, verdict=verdicts.get(row.pk))
            for row in entries
        ]
    return lines
