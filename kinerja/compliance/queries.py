"""Reads of lateness, each a constant number of queries whatever the size of the organisation: the late filers, the
decisions and the ratings overdue (each row with the day it fell due, worked out in SQL), their counts per unit and
per pejabat penilai, the list of people behind a count, and the overdue items of an Atasan Pejabat Penilai's
subordinates."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, DateField, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils.translation import gettext as _

from portal.models import Pegawai, UnitKerja

from ..evaluation.models import Evaluation
from ..skp.models import PerformancePeriod, Skp
from .rules import APPROVE, PLAN, RATE, days_late

OPEN = PerformancePeriod.Status.OPEN


def tz_of(instansi) -> ZoneInfo:
    return ZoneInfo(instansi.time_zone)


def _start_of(day: date, tz) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)


# --- what is late ---------------------------------------------------------------------------------------------


def late_filers(period, today: date, at_least: int = 1):
    """Active employees with a supervisor and no submitted or approved SKP, `at_least` days after the planning
    deadline (the same people the reminder went to before it)."""
    if period.planning_deadline + timedelta(days=at_least) > today:
        return Pegawai.objects.none()
    done = Skp.objects.filter(period=period, status__in=[Skp.Status.SUBMITTED, Skp.Status.APPROVED]).values("pegawai")
    return Pegawai.objects.filter(instansi_id=period.instansi_id, is_active=True, atasan__isnull=False).exclude(
        pk__in=done
    )


def late_approvals(today: date, tz, at_least: int = 1, **where):
    """SKP waiting for a decision `at_least` days after it fell due (`rules.approval_due`), with `due` annotated;
    `where` narrows them (a period, the evaluators)."""
    last_due = today - timedelta(days=at_least)
    return Skp.objects.filter(
        status=Skp.Status.SUBMITTED,
        evaluator__isnull=False,
        period__planning_deadline__lte=last_due,
        status_changed_at__lt=_start_of(last_due + timedelta(days=1), tz),
        **where,
    ).annotate(
        due=Greatest("period__planning_deadline", TruncDate("status_changed_at", tzinfo=tz), output_field=DateField())
    )


def late_ratings(today: date, at_least: int = 1, **where):
    """Evaluations not rated `at_least` days after their window's deadline (the annual one: the period's), with
    `due` annotated."""
    return (
        Evaluation.objects.filter(status=Evaluation.Status.OPEN, skp__evaluator__isnull=False, **where)
        .annotate(due=Coalesce("window__deadline", "skp__period__annual_deadline", output_field=DateField()))
        .filter(due__lte=today - timedelta(days=at_least))
    )


def _within(queryset, unit_path, reach):
    return queryset if reach.unit_ids is None else queryset.filter(**{f"{unit_path}__in": reach.unit_ids})


def _grouped(queryset, key):
    """{key: (count, earliest due)} in one aggregate query."""
    rows = queryset.order_by().values(key).annotate(n=Count("pk"), first=Min("due"))
    return {row[key]: (row["n"], row["first"]) for row in rows}


# --- the report -------------------------------------------------------------------------------------------------


def periods_of(instansi_id) -> list:
    return list(PerformancePeriod.objects.filter(instansi_id=instansi_id).select_related("instansi").order_by("-year"))


def pick_period(periods, value):
    """The period asked for by its id, else the open one, else the latest; None when the instansi has none."""
    for period in periods:
        if str(period.pk) == value:
            return period
    return next((period for period in periods if period.status == OPEN), periods[0] if periods else None)


@dataclass
class UnitRow:
    pk: int
    name: str
    filers: int = 0
    approvals: int = 0
    ratings: int = 0
    days: int = 0  # the oldest item's days overdue

    @property
    def total(self):
        return self.filers + self.approvals + self.ratings


@dataclass
class EvaluatorRow:
    evaluator: Pegawai
    approvals: int = 0
    ratings: int = 0
    days: int = 0


def _oldest(row, first, today):
    if first is not None:
        row.days = max(row.days, days_late(first, today))


def unit_rows(period, today, reach) -> list[UnitRow]:
    """Per unit (of the employee whose step it is): late filers, decisions and ratings overdue, and the oldest
    item's days; the units with most first. Four queries."""
    tz = tz_of(period.instansi)
    filers = _within(late_filers(period, today), "unit_id", reach).order_by().values("unit_id").annotate(n=Count("pk"))
    approvals = _grouped(
        _within(late_approvals(today, tz, period=period), "pegawai__unit_id", reach), "pegawai__unit_id"
    )
    ratings = _grouped(_within(late_ratings(today, skp__period=period), "skp__pegawai__unit_id", reach),
                       "skp__pegawai__unit_id")  # fmt: skip
    found = {row["unit_id"]: row["n"] for row in filers}
    ids = set(found) | set(approvals) | set(ratings)
    rows = []
    for pk, name in UnitKerja.objects.filter(pk__in=ids).values_list("pk", "name"):
        row = UnitRow(pk, name, filers=found.get(pk, 0))
        if row.filers:
            row.days = days_late(period.planning_deadline, today)
        row.approvals, first = approvals.get(pk, (0, None))
        _oldest(row, first, today)
        row.ratings, first = ratings.get(pk, (0, None))
        _oldest(row, first, today)
        rows.append(row)
    return sorted(rows, key=lambda row: (-row.total, row.name, row.pk))


def evaluator_rows(period, today, reach) -> list[EvaluatorRow]:
    """Per pejabat penilai: decisions and ratings overdue of employees in the reach, and the oldest one's days; the
    latest first. Three queries."""
    tz = tz_of(period.instansi)
    approvals = _grouped(_within(late_approvals(today, tz, period=period), "pegawai__unit_id", reach), "evaluator_id")
    ratings = _grouped(_within(late_ratings(today, skp__period=period), "skp__pegawai__unit_id", reach),
                       "skp__evaluator_id")  # fmt: skip
    evaluators = Pegawai.objects.filter(pk__in=set(approvals) | set(ratings)).select_related(
        "unit", "jabatan", "atasan"
    )
    rows = []
    for evaluator in evaluators:
        row = EvaluatorRow(evaluator)
        row.approvals, first = approvals.get(evaluator.pk, (0, None))
        _oldest(row, first, today)
        row.ratings, first = ratings.get(evaluator.pk, (0, None))
        _oldest(row, first, today)
        rows.append(row)
    return sorted(
        rows, key=lambda row: (-row.days, -(row.approvals + row.ratings), row.evaluator.nama, row.evaluator.pk)
    )


# --- the people behind a count -----------------------------------------------------------------------------------


@dataclass
class LateItem:
    kind: str  # rules.PLAN, APPROVE or RATE
    pegawai: Pegawai
    evaluator: Pegawai | None
    label: str
    due: date
    days: int
    skp_id: int | None = None
    evaluation_id: int | None = None


def _filer_items(period, today, people) -> list[LateItem]:
    latest = Skp.objects.filter(period=period, pegawai=OuterRef("pk")).order_by("-valid_from")
    people = people.select_related("unit", "atasan").annotate(
        skp_pk=Subquery(latest.values("pk")[:1]), skp_status=Subquery(latest.values("status")[:1])
    )
    days = days_late(period.planning_deadline, today)
    items = []
    for person in people:
        state = Skp.Status(person.skp_status).label if person.skp_status else _("Belum disusun")
        label = _("SKP belum diajukan (%(state)s)") % {"state": state}
        items.append(LateItem(PLAN, person, person.atasan, label, period.planning_deadline, days, person.skp_pk))
    return items


def _approval_items(today, skps) -> list[LateItem]:
    return [
        LateItem(APPROVE, skp.pegawai, skp.evaluator, _("SKP menunggu persetujuan"), skp.due, days_late(skp.due, today),
                 skp.pk)
        for skp in skps.select_related("pegawai__unit", "evaluator")
    ]  # fmt: skip


def _rating_items(today, evaluations) -> list[LateItem]:
    items = []
    for evaluation in evaluations.select_related("skp__pegawai__unit", "skp__evaluator", "window"):
        label = _("Evaluasi %(label)s belum dinilai") % {"label": evaluation.label}
        items.append(LateItem(RATE, evaluation.skp.pegawai, evaluation.skp.evaluator, label, evaluation.due,
                              days_late(evaluation.due, today), evaluation.skp_id, evaluation.pk))  # fmt: skip
    return items


def _ordered(items):
    return sorted(items, key=lambda item: (-item.days, item.pegawai.nama, item.pegawai.pk, item.kind))


def people(period, today, reach, unit_id=None, evaluator_id=None) -> list[LateItem]:
    """Everyone behind the counts, the longest overdue first: of one unit, of one pejabat penilai (their decisions
    and ratings only), or of the whole reach. Three queries."""
    tz = tz_of(period.instansi)
    filers = _within(late_filers(period, today), "unit_id", reach)
    approvals = _within(late_approvals(today, tz, period=period), "pegawai__unit_id", reach)
    ratings = _within(late_ratings(today, skp__period=period), "skp__pegawai__unit_id", reach)
    if unit_id is not None:
        filers = filers.filter(unit_id=unit_id)
        approvals = approvals.filter(pegawai__unit_id=unit_id)
        ratings = ratings.filter(skp__pegawai__unit_id=unit_id)
    items = []
    if evaluator_id is None:
        items += _filer_items(period, today, filers)
    else:
        approvals = approvals.filter(evaluator_id=evaluator_id)
        ratings = ratings.filter(skp__evaluator_id=evaluator_id)
    return _ordered(items + _approval_items(today, approvals) + _rating_items(today, ratings))


def totals(period, today, reach) -> list:
    """[late filers, decisions overdue, ratings overdue] as querysets, for one counting round trip."""
    tz = tz_of(period.instansi)
    return [
        _within(late_filers(period, today), "unit_id", reach),
        _within(late_approvals(today, tz, period=period), "pegawai__unit_id", reach),
        _within(late_ratings(today, skp__period=period), "skp__pegawai__unit_id", reach),
    ]


# --- the Atasan Pejabat Penilai's view of their subordinates -------------------------------------------------------


@dataclass
class Subordinate:
    evaluator: Pegawai
    items: list = field(default_factory=list)

    @property
    def approvals(self):
        return sum(1 for item in self.items if item.kind == APPROVE)

    @property
    def ratings(self):
        return sum(1 for item in self.items if item.kind == RATE)

    @property
    def days(self):
        return max((item.days for item in self.items), default=0)


def subordinates_overdue(me, today) -> list[Subordinate]:
    """The direct reports of `me` who evaluate, with their decisions and ratings overdue in the open periods, the
    longest overdue first. Two queries (the reports come with the items)."""
    tz = tz_of(me.instansi)
    mine = {"atasan_id": me.pk, "is_active": True}
    approvals = late_approvals(today, tz, period__status=OPEN, **{f"evaluator__{k}": v for k, v in mine.items()})
    ratings = late_ratings(today, skp__period__status=OPEN, **{f"skp__evaluator__{k}": v for k, v in mine.items()})
    by_evaluator = {}
    for item in _approval_items(today, approvals) + _rating_items(today, ratings):
        by_evaluator.setdefault(item.evaluator.pk, Subordinate(item.evaluator)).items.append(item)
    found = list(by_evaluator.values())
    for subordinate in found:
        subordinate.items = _ordered(subordinate.items)
    return sorted(found, key=lambda s: (-s.days, s.evaluator.nama, s.evaluator.pk))


def overdue_counts(evaluator, today) -> tuple[int, int]:
    """(decisions, ratings) overdue with one pejabat penilai in the open periods."""
    tz = tz_of(evaluator.instansi)
    return (
        late_approvals(today, tz, period__status=OPEN, evaluator=evaluator).count(),
        late_ratings(today, skp__period__status=OPEN, skp__evaluator=evaluator).count(),
    )
