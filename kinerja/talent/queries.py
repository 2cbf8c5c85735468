"""Reads of talent management shared by the pages, the profile section, the services and the nightly job: the
user's scope, the rules of an instansi, every employee's facts in a constant number of queries, and the stored
placements for the grid, its lists and the pool."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, IntegerField, Max, Prefetch, Q, Value, When
from django.utils import timezone

from kompetensi.competency.queries import profiles_of
from portal import rule_tables
from portal.models import Pegawai, UnitKerja
from portal.org_tree import unit_descendant_ids
from portal.scoping import pegawai_of

from ..evaluation.models import Evaluation, Predikat, Rating
from . import permissions, rules
from .models import (
    Potensial,
    PotentialAssessment,
    Readiness,
    SuccessionCandidate,
    SuccessionPlan,
    TalentBox,
    TalentPlacement,
    TalentRule,
)

# --- scope ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TalentScope:
    """What a user sees: HR their whole instansi; a Pimpinan their unit and the units below it. `top`: sees the
    succession plans of the instansi as a whole (a key position without a unit): HR, and a Pimpinan at the top of a
    unit tree."""

    instansi_id: int
    unit_ids: frozenset | None  # None: every unit of the instansi
    manage: bool
    top: bool

    def people_q(self, path="pegawai"):
        condition = Q(**{f"{path}__instansi_id": self.instansi_id, f"{path}__is_active": True})
        if self.unit_ids is not None:
            condition &= Q(**{f"{path}__unit_id__in": self.unit_ids})
        return condition

    def covers_unit(self, unit_id) -> bool:
        return self.unit_ids is None or unit_id in self.unit_ids

    def plans_q(self):
        condition = Q(instansi_id=self.instansi_id)
        if self.unit_ids is None:
            return condition
        visible = Q(unit_id__in=self.unit_ids)
        if self.top:
            visible |= Q(unit__isnull=True)
        return condition & visible


def scope_of(user) -> TalentScope | None:
    me = pegawai_of(user)
    if me is None or not me.is_active or not permissions.can_view(user, me.instansi_id):
        return None
    if permissions.can_manage(user, me.instansi_id):
        return TalentScope(me.instansi_id, None, manage=True, top=True)
    units = frozenset(unit_descendant_ids([me.unit_id], [me.instansi_id]))
    return TalentScope(me.instansi_id, units, manage=False, top=me.unit.parent_id is None)


def unit_choices(scope):
    """[(id, label)] of the units in scope as a tree, each unit followed by the units below it, indented by "— "
    per level: one query."""
    rows = list(
        UnitKerja.objects.filter(instansi_id=scope.instansi_id)
        .order_by("name", "pk")
        .values_list("pk", "name", "parent_id")
    )
    known = {pk for pk, _name, _parent in rows}
    children = {}
    for pk, name, parent in rows:
        children.setdefault(parent if parent in known else None, []).append((pk, name))
    found = []

    def walk(parent, depth):
        for pk, name in children.get(parent, []):
            shown = scope.covers_unit(pk)
            if shown:
                found.append((pk, "— " * depth + name))
            walk(pk, depth + 1 if shown else depth)

    walk(None, 0)
    return found


def units_below(scope, unit_id):
    """The ids of a unit in scope and every unit below it; None for no unit; LookupError for a unit out of scope."""
    if unit_id is None:
        return None
    if (
        not scope.covers_unit(unit_id)
        or not UnitKerja.objects.filter(pk=unit_id, instansi_id=scope.instansi_id).exists()
    ):
        raise LookupError(unit_id)
    return frozenset(unit_descendant_ids([unit_id], [scope.instansi_id]))


# --- rules ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InstansiRules:
    thresholds: rules.Thresholds
    numbering: dict  # (kinerja, potensial) -> rules.Box

    def box(self, number):
        return next((box for box in self.numbering.values() if box.number == number), None)

    @property
    def boxes(self):
        """The boxes, the highest number first."""
        return sorted(self.numbering.values(), key=lambda box: -box.number)

    @property
    def pool_cells(self):
        return [(box.kinerja, box.potensial) for box in self.numbering.values() if box.in_pool]


def rules_of(instansi_id) -> InstansiRules:
    """The thresholds and the numbering in force for an instansi (its own rows over the defaults): two queries."""
    rule = rule_tables.rule_for(TalentRule, instansi_id) or TalentRule()
    numbering = {key: row.as_rule() for key, row in rule_tables.rules_for(TalentBox, instansi_id).items()}
    return InstansiRules(rule.as_rule(), numbering)


def cell_q(cells, prefix=""):
    """Rows whose (kinerja, potensial) is one of `cells`."""
    condition = Q(pk__in=[])
    for kinerja, potensial in cells:
        condition |= Q(**{f"{prefix}kinerja": kinerja, f"{prefix}potensial": potensial})
    return condition


# --- facts and placements (the nightly job) -------------------------------------------------------------------------


def _people(instansi_id, pegawai_ids=None):
    people = (
        Pegawai.objects.active()
        .filter(instansi_id=instansi_id)
        .select_related("unit", "jabatan", "instansi")
        .order_by("nama", "pk")
    )
    if pegawai_ids is not None:
        people = people.filter(pk__in=pegawai_ids)
    return list(people)


def facts_of(instansi_id, this_year, years, pegawai_ids=None):
    """[(pegawai, TalentFacts)] of the active employees of an instansi (or of `pegawai_ids`): the final annual
    predikat of each year since `this_year - years`, the latest potential assessment and the competency match.
    Six queries, plus one per instansi for the match bands, whatever the number of employees."""
    people = _people(instansi_id, pegawai_ids)
    ids = [person.pk for person in people]
    labels = dict(Predikat.choices)
    history = {}
    evaluations = (
        Evaluation.objects.filter(kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED,
                                  skp__pegawai_id__in=ids, skp__period__year__gte=this_year - years,
                                  skp__period__year__lte=this_year)
        .order_by("finalised_at", "pk")
        .values_list("pk", "skp__pegawai_id", "skp__period__year", "predikat")
    )  # fmt: skip
    # with several SKP in a year (a change of position) the one finalised last stands for the year
    for pk, pegawai_id, year, predikat in evaluations:
        history.setdefault(pegawai_id, {})[year] = rules.PredikatFact(year, predikat, pk, str(labels.get(predikat, "")))
    latest = {}
    for row in PotentialAssessment.objects.filter(pegawai_id__in=ids).order_by("-assessed_on", "-pk"):
        latest.setdefault(row.pegawai_id, rules.AssessmentFact(row.pk, row.assessed_on, row.score, row.lembaga))
    profiles = profiles_of(people)
    return [
        (
            person,
            rules.TalentFacts(
                pegawai_id=person.pk,
                predikat=history.get(person.pk, {}),
                assessment=latest.get(person.pk),
                match_percent=profiles[person.pk].match_percent,
            ),
        )  # fmt: skip
        for person in people
    ]


def placements_of(instansi_id, pegawai_ids=None, instansi_rules=None, today=None):
    """[(pegawai, rules.Placement)] computed now from the facts (what the nightly job stores)."""
    instansi_rules = instansi_rules or rules_of(instansi_id)
    this_year = (today or timezone.localdate()).year
    facts = facts_of(instansi_id, this_year, instansi_rules.thresholds.kinerja_years, pegawai_ids)
    return [
        (person, rules.place(fact, instansi_rules.thresholds, instansi_rules.numbering, this_year))
        for person, fact in facts
    ]


# --- the stored placements (pages) ----------------------------------------------------------------------------------


def placements(scope, unit_ids=None):
    rows = TalentPlacement.objects.filter(scope.people_q())
    if unit_ids is not None:
        rows = rows.filter(pegawai__unit_id__in=unit_ids)
    return rows


@dataclass
class Cell:
    box: rules.Box | None
    kinerja: str
    potensial: str
    count: int = 0
    share: Decimal = Decimal(0)


@dataclass
class Grid:
    rows: list  # [(potensial, label, [Cell] kinerja low -> high)], potensial high -> low
    mapped: int
    unmapped: int
    computed_at: object
    problems: list

    @property
    def total(self):
        return self.mapped + self.unmapped


def grid(scope, instansi_rules, unit_ids=None) -> Grid:
    """The 3x3 counts of the scope (or of some of its units), laid out like the regulation's figure: potensial
    rows from high to low, kinerja columns from low to high. One aggregate query."""
    counts = {}
    unmapped = 0
    computed_at = None
    aggregate = (
        placements(scope, unit_ids)
        .order_by()
        .values("kinerja", "potensial", "box")
        .annotate(n=Count("pk"), last=Max("computed_at"))
    )
    for row in aggregate:
        computed_at = max(filter(None, [computed_at, row["last"]]), default=None)
        if row["box"] is None:
            unmapped += row["n"]
        else:
            key = (row["kinerja"], row["potensial"])
            counts[key] = counts.get(key, 0) + row["n"]
    mapped = sum(counts.values())
    rows = []
    labels = dict(Potensial.choices)
    for potensial in reversed(rules.POTENSIAL_LEVELS):
        cells = []
        for kinerja in rules.KINERJA_LEVELS:
            count = counts.get((kinerja, potensial), 0)
            share = (Decimal(100) * count / mapped).quantize(Decimal("0.1")) if mapped else Decimal(0)
            cells.append(Cell(instansi_rules.numbering.get((kinerja, potensial)), kinerja, potensial, count, share))
        rows.append((potensial, labels[potensial], cells))
    return Grid(rows, mapped, unmapped, computed_at, rules.numbering_problems(instansi_rules.numbering))


def kinerja_columns():
    """[(code, label)] of the kinerja axis, low to high."""
    labels = dict(Rating.choices)
    return [(code, labels[code]) for code in rules.KINERJA_LEVELS]


def box_list(scope, instansi_rules, *, unit_ids=None, box=None, unmapped=False, pool=False):
    """The stored placements of the scope with their employee, for the drill-down of a box, the employees not
    mapped yet, or the pool; the highest box first. One query per page (plus the pool's candidacies)."""
    rows = placements(scope, unit_ids).select_related("pegawai__unit", "pegawai__jabatan")
    if unmapped:
        rows = rows.filter(box__isnull=True)
    elif box is not None:
        rows = rows.filter(box__isnull=False).filter(cell_q([(box.kinerja, box.potensial)]))
    elif pool:
        rows = rows.filter(box__isnull=False).filter(cell_q(instansi_rules.pool_cells))
    if pool:
        candidacies = SuccessionCandidate.objects.filter(plan__instansi_id=scope.instansi_id).select_related(
            "plan__jabatan", "plan__unit"
        )
        rows = rows.prefetch_related(Prefetch("pegawai__succession_candidacies", queryset=candidacies))
    # the numbering in force orders the boxes: a number stored by an older run does not
    order = Case(
        *(When(kinerja=b.kinerja, potensial=b.potensial, then=Value(b.number)) for b in instansi_rules.numbering.values()),
        default=Value(0), output_field=IntegerField(),
    )  # fmt: skip
    return rows.annotate(current_box=order).order_by("-current_box", "-score", "pegawai__nama", "pk")


def placement_of(pegawai):
    return TalentPlacement.objects.filter(pegawai=pegawai).first()


def current_box(placement, instansi_rules):
    """The box of a stored placement in the numbering in force; None when not mapped."""
    if placement is None or placement.box is None:
        return None
    return instansi_rules.numbering.get((placement.kinerja, placement.potensial))


def in_pool(placement, instansi_rules) -> bool:
    box = current_box(placement, instansi_rules)
    return bool(box and box.in_pool)


# --- assessments and succession ------------------------------------------------------------------------------------


def assessments_of(scope, search=""):
    rows = PotentialAssessment.objects.filter(scope.people_q()).select_related("pegawai__unit", "recorded_by")
    search = search.strip()
    if search:
        rows = rows.filter(Q(pegawai__nip__startswith=search.replace(" ", "")) | Q(pegawai__nama__icontains=search))
    return rows.order_by("-assessed_on", "-pk")


def assessment_for(scope, pk):
    return PotentialAssessment.objects.filter(scope.people_q(), pk=pk).select_related("pegawai").first()


READINESS_ORDER = Case(
    *(When(readiness=value, then=Value(index)) for index, value in enumerate(Readiness.values)),
    default=Value(9), output_field=IntegerField(),
)  # fmt: skip


def visible_plans(scope):
    return SuccessionPlan.objects.filter(scope.plans_q())


def plans_of(scope):
    return (
        visible_plans(scope)
        .select_related("jabatan", "unit")
        .annotate(
            n_candidates=Count("candidates", distinct=True),
            n_ready=Count("candidates", filter=Q(candidates__readiness=Readiness.NOW), distinct=True),
        )
        .order_by("jabatan__name", "unit__name", "pk")
    )


def plan_for(scope, pk):
    return visible_plans(scope).filter(pk=pk).select_related("jabatan", "unit").first()


def candidates_of(plan):
    return (
        plan.candidates.select_related("pegawai__unit", "pegawai__jabatan", "pegawai__talent_placement", "added_by")
        .annotate(order=READINESS_ORDER)
        .order_by("order", "pegawai__nama", "pk")
    )


def candidate_for(scope, pk):
    return (
        SuccessionCandidate.objects.filter(plan__in=visible_plans(scope), pk=pk)
        .select_related("plan", "pegawai")
        .first()
    )
