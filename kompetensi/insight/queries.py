"""Reads of the insight pages, each a constant number of queries whatever the size of the organisation: the
heatmap and the band distribution aggregate in SQL (one row per unit and competency, one per employee), the unit
grid reads one page of employees, and the recommendations read my gaps, the course targets that fit them, and the
open sessions of those courses."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Least, Upper
from django.utils import timezone

from portal.models import UnitKerja
from portal.org_tree import unit_descendant_ids
from portal.scoping import instansi_q, pegawai_of, scope_q, visible_pegawai

from .. import rules as training_rules
from ..competency.models import Competency, CompetencyProfile, JobStandard
from ..competency.queries import bands_for, levels_of, profiles_of
from ..models import CourseCompetency, Enrolment, TrainingSession
from ..queries.catalogue import sessions_user_may_join
from . import rules

# --- the organisation: heatmap and band distribution ------------------------------------------------------------


def units_of(user):
    """The units of the user's instansi (a superadmin: every instansi's)."""
    return UnitKerja.objects.filter(instansi_q(user)).order_by("name", "pk")


def people_of(user, unit_ids=None):
    """Active employees in the user's scope (HR and leaders: their instansi), optionally of some units."""
    people = visible_pegawai(user).filter(is_active=True)
    return people.filter(unit_id__in=unit_ids) if unit_ids is not None else people


def unit_and_below(user, unit_id):
    """The ids of a unit of the user's instansi and every unit below it; None for no unit, empty for a foreign one."""
    if unit_id is None:
        return None
    unit = units_of(user).filter(pk=unit_id).first()
    return unit_descendant_ids([unit.pk], [unit.instansi_id]) if unit else set()


def _standard_rows(user, unit_ids, group):
    """(employee, competency of their standard) rows of the scope, as a JobStandard join from Pegawai."""
    # one filter() call: a second one on the same multi-valued relation would join it again and multiply the rows
    conditions = {"jabatan__competency_standards__competency__is_active": True}
    if group:
        conditions["jabatan__competency_standards__competency__group"] = group
    return people_of(user, unit_ids).filter(**conditions)


def _profile_rows(user, unit_ids, group):
    """Profile rows of the scope that belong to the employee's own standard, joined with that standard."""
    rows = CompetencyProfile.objects.filter(
        scope_q(user, "pegawai"),
        pegawai__is_active=True,
        competency__is_active=True,
        competency__standards__jabatan_id=F("pegawai__jabatan_id"),
    )
    if unit_ids is not None:
        rows = rows.filter(pegawai__unit_id__in=unit_ids)
    if group:
        rows = rows.filter(competency__group=group)
    return rows


@dataclass
class Heatmap:
    units: list  # [(id, name)] that have employees with a standard
    competencies: list  # [Competency] required somewhere in the scope
    cells: dict = field(default_factory=dict)  # {(unit id, competency id): rules.Cell}

    def rows(self, metric):
        """[(unit id, unit name, [(competency, cell or None, value, tone)])] for the template and the export."""
        return [
            (unit_id, name, [self._cell(unit_id, competency, metric) for competency in self.competencies])
            for unit_id, name in self.units
        ]

    def _cell(self, unit_id, competency, metric):
        cell = self.cells.get((unit_id, competency.pk))
        if cell is None:
            return competency, None, None, None
        return competency, cell, cell.value(metric), cell.tone(metric)


def heatmap(user, *, unit_ids=None, group="") -> Heatmap:
    """Competency x unit: per cell the employees whose standard requires the competency, how many meet it and the
    levels missing. Four queries: two aggregates, the units' names and the competencies."""
    cells = defaultdict(rules.Cell)
    required = (
        _standard_rows(user, unit_ids, group)
        .order_by()
        .values("unit_id", "jabatan__competency_standards__competency_id")
        .annotate(employees=Count("pk"), required=Sum("jabatan__competency_standards__required_level"))
    )
    for row in required:
        cell = cells[(row["unit_id"], row["jabatan__competency_standards__competency_id"])]
        cell.employees, cell.required = row["employees"], row["required"] or 0
    standard_level = F("competency__standards__required_level")
    held = (
        _profile_rows(user, unit_ids, group)
        .order_by()
        .values("pegawai__unit_id", "competency_id")
        .annotate(meeting=Count("pk", filter=Q(level__gte=standard_level)), held=Sum(Least("level", standard_level)))
    )
    for row in held:
        key = (row["pegawai__unit_id"], row["competency_id"])
        if key in cells:
            cells[key].meeting, cells[key].held = row["meeting"], row["held"] or 0
    unit_ids_found = {unit_id for unit_id, _competency in cells}
    competency_ids = {competency_id for _unit, competency_id in cells}
    units = list(UnitKerja.objects.filter(pk__in=unit_ids_found).order_by("name", "pk").values_list("pk", "name"))
    competencies = list(Competency.objects.filter(pk__in=competency_ids).order_by("group", "order", "code"))
    return Heatmap(units, competencies, dict(cells))


@dataclass
class UnitBands:
    unit_id: int
    name: str
    distribution: rules.Distribution


def band_distribution(user, *, unit_ids=None):
    """[UnitBands] of every unit of the scope, and the bands (highest first) they are counted in. Each employee's
    match is computed from two sums (levels required by their position, levels held up to it): one aggregate per
    position, one per employee, the employees' (unit, position) once, the bands and the units' names."""
    required = dict(
        JobStandard.objects.filter(
            competency__is_active=True, jabatan_id__in=Subquery(people_of(user, unit_ids).values("jabatan_id"))
        )
        .order_by()
        .values("jabatan_id")
        .annotate(total=Sum("required_level"))
        .values_list("jabatan_id", "total")
    )
    standard_level = F("competency__standards__required_level")
    held = dict(
        _profile_rows(user, unit_ids, "")
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum(Least("level", standard_level)))
        .values_list("pegawai_id", "total")
    )
    by_unit = defaultdict(list)
    instansi_ids = set()
    for pk, unit_id, jabatan_id, instansi_id in people_of(user, unit_ids).values_list(
        "pk", "unit_id", "jabatan_id", "instansi_id"
    ):
        by_unit[unit_id].append((required.get(jabatan_id, 0), held.get(pk, 0)))
        instansi_ids.add(instansi_id)
    me = pegawai_of(user)
    # one instansi's bands (a superadmin looking at several sees them in their own instansi's bands)
    instansi_id = me.instansi_id if me is not None else next(iter(instansi_ids), None)
    bands = bands_for(instansi_id)
    names = dict(UnitKerja.objects.filter(pk__in=by_unit).values_list("pk", "name"))
    units = [
        UnitBands(unit_id, names.get(unit_id, ""), rules.distribute(people, bands))
        for unit_id, people in by_unit.items()
    ]
    return sorted(units, key=lambda row: (row.name, row.unit_id)), bands


def competency_groups():
    return Competency.Group.choices


# --- one unit: competency x employee -----------------------------------------------------------------------------


def unit_people(user, unit):
    return people_of(user, [unit.pk]).select_related("jabatan", "instansi").order_by("nama", "pk")


def unit_competencies(user, unit, group=""):
    """The competencies required by the position of any employee of the unit (one query)."""
    standards = JobStandard.objects.filter(
        competency__is_active=True, jabatan_id__in=Subquery(people_of(user, [unit.pk]).values("jabatan_id"))
    )
    if group:
        standards = standards.filter(competency__group=group)
    return list(Competency.objects.filter(pk__in=standards.values("competency_id")).order_by("group", "order", "code"))


@dataclass(frozen=True)
class GridCell:
    required: int | None
    current: int | None

    @property
    def gap(self):
        return None if self.required is None else rules.competency_rules.gap(self.required, self.current)

    @property
    def tone(self):
        if self.required is None:
            return None
        return 4 if not self.gap else (2 if self.gap == 1 else 0)


def grid(people, competencies):
    """[(pegawai, profile, [GridCell per competency])] for a page of employees: three queries (profiles_of)."""
    profiles = profiles_of(people)
    rows = []
    for pegawai in people:
        profile = profiles[pegawai.pk]
        by_competency = {row.competency.pk: row for row in profile.rows}
        cells = []
        for competency in competencies:
            row = by_competency.get(competency.pk)
            cells.append(GridCell(row.required_level, row.current_level) if row else GridCell(None, None))
        rows.append((pegawai, profile, cells))
    return rows


# --- fits my gaps ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MyGap:
    competency: Competency
    required: int
    current: int | None

    @property
    def gap(self):
        return rules.competency_rules.gap(self.required, self.current)


def my_gaps(pegawai) -> list[MyGap]:
    """The competencies of my position's standard where I fall short, the largest gap first (two queries)."""
    if pegawai is None or pegawai.jabatan_id is None:
        return []
    levels = levels_of(pegawai)
    standards = JobStandard.objects.filter(jabatan_id=pegawai.jabatan_id, competency__is_active=True).select_related(
        "competency"
    )
    gaps = [MyGap(s.competency, s.required_level, levels.get(s.competency_id)) for s in standards]
    return sorted((g for g in gaps if g.gap), key=lambda g: (-g.gap, g.competency.code))


def _targets_q(gaps, prefix=""):
    """Course targets that name one of the gaps (by link, or by code for a target not linked to the dictionary) at
    a level above the one held."""
    condition = Q(pk__in=[])
    for item in gaps:
        above = Q(**{f"{prefix}level__gt": item.current or 0})
        by_link = Q(**{f"{prefix}competency_id": item.competency.pk})
        by_code = Q(**{f"{prefix}competency__isnull": True, f"{prefix}code_upper": item.competency.code.upper()})
        condition |= above & (by_link | by_code)
    return condition


def _targets(gaps):
    return CourseCompetency.objects.annotate(code_upper=Upper("code")).filter(_targets_q(gaps))


def _gap_size(gaps):
    """The size of the gap a target closes, as a SQL expression over CourseCompetency rows."""
    whens = []
    for item in gaps:
        whens.append(When(competency_id=item.competency.pk, then=Value(item.gap)))
        whens.append(When(competency__isnull=True, code_upper=item.competency.code.upper(), then=Value(item.gap)))
    return Case(*whens, default=Value(0), output_field=IntegerField())


def fit_courses(user, courses, now=None):
    """The catalogue's "Sesuai kesenjangan saya": courses with a session open for enrolment that target one of my
    gaps above my level, annotated `gap_fit` (the largest gap they close) for the catalogue to order by. My gaps
    cost two queries; the rest is part of the catalogue's own query."""
    gaps = my_gaps(pegawai_of(user))
    if not gaps:
        return courses.none()
    now = now or timezone.now()
    fitting = _targets(gaps).filter(course_id=OuterRef("pk"))
    largest = fitting.annotate(size=_gap_size(gaps)).order_by("-size").values("size")[:1]
    open_sessions = sessions_user_may_join(user, now).filter(enrol_opens_at__lte=now, course_id=OuterRef("pk"))
    return courses.filter(Exists(fitting), Exists(open_sessions)).annotate(gap_fit=Subquery(largest))


@dataclass(frozen=True)
class Recommendation:
    session: TrainingSession
    gap: MyGap
    target_level: int


def recommendations(user, limit=3, now=None, one_per_course=False, gaps=None) -> list[Recommendation]:
    """Open sessions (enrolment open now) whose course targets one of my gaps above my level, that I am not already
    in: the largest gap first, then the soonest. Four queries whatever the number of courses."""
    me = pegawai_of(user)
    gaps = my_gaps(me) if gaps is None else gaps
    if not gaps:
        return []
    now = now or timezone.now()
    by_pk = {item.competency.pk: item for item in gaps}
    by_code = {item.competency.code.upper(): item for item in gaps}
    best = {}
    for course_id, competency_id, code, level in _targets(gaps).values_list(
        "course_id", "competency_id", "code_upper", "level"
    ):
        item = by_pk.get(competency_id) if competency_id else by_code.get(code.strip())
        if item is None or not rules.fits(level, item.current):
            continue
        if course_id not in best or item.gap > best[course_id][0].gap:
            best[course_id] = (item, level)
    if not best:
        return []
    # a course I am already in (in any of its sessions, or the same course of another instansi) is not offered again
    mine = Enrolment.objects.filter(pegawai=me, session__course__title=OuterRef("course__title")).exclude(
        status__in=training_rules.CLOSED_STATES
    )
    sessions = (
        sessions_user_may_join(user, now)
        .filter(course_id__in=best, enrol_opens_at__lte=now)
        .exclude(Exists(mine))
        .select_related("course__bentuk", "instansi")
    )
    # the largest gap first, then my own instansi's sessions before those open to every instansi, then the soonest
    found = sorted(
        (Recommendation(session, *best[session.course_id]) for session in sessions),
        key=lambda r: (-r.gap.gap, r.session.instansi_id != me.instansi_id, r.session.start_at, r.session.pk),
    )
    if one_per_course:  # the same course published by several instansi counts once
        seen = set()
        found = [r for r in found if r.session.course.title not in seen and not seen.add(r.session.course.title)]
    return found[:limit] if limit else found
