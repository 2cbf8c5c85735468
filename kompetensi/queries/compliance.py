"""HR's JP compliance per employee and per unit.

An instansi may have 40,000 employees: each query here reads every one of them at most once, with their JP of the
year from the covering index (pegawai, year, jp) and the target written into the query from the rules in force. The
below-target list takes its count from the per-unit figures and reads only the units its page falls in.
"""

import zoneinfo

from django.db import connections, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from portal import rule_tables
from portal.scoping import pegawai_of, scope_for, visible_pegawai

from .. import rules
from ..models import (
    Enrolment,
    JPEntry,
    TargetJP,
)

S = Enrolment.Status
# the list's order; the unit's id after its name keeps two units of the same name apart, as the per-unit rows are
ORDER = ("unit__name", "unit_id", "nama", "pk")


# --- HR compliance ---------------------------------------------------------------------------------------------


def _instansi_ids(user):
    """The instansi whose targets the user's report needs (None: every instansi's)."""
    if scope_for(user).everything:
        return None
    me = pegawai_of(user)
    return [me.instansi_id] if me else []


def jp_targets(user):
    """Each employee's JP target as an expression (one query for the rules in force): a page that asks for
    several of the figures below passes it to each."""
    return rule_tables.rule_case(
        TargetJP, "target", instansi="instansi_id", status="status", instansi_ids=_instansi_ids(user)
    )


def _people(user, year, target=None):
    jp = (
        JPEntry.objects.filter(pegawai_id=OuterRef("pk"), year=year)
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum("jp"))
        .values("total")
    )
    return (
        visible_pegawai(user)
        .filter(is_active=True)
        .annotate(
            jp=Coalesce(Subquery(jp, output_field=IntegerField()), 0),
            target=jp_targets(user) if target is None else target,
        )
    )


def compliance(user, year, unit_id=None, below_only=True, target=None):
    """Active employees the user may see with their JP for the year and their target."""
    people = _people(user, year, target).annotate(shortfall=F("target") - F("jp")).select_related("unit", "instansi")
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if below_only:
        people = people.filter(jp__lt=F("target"))
    return people.order_by(*ORDER)


def compliance_by_unit(user, year, target=None):
    rows = _without_jit(
        _people(user, year, target)
        .order_by()
        .values("unit_id", "unit__name")
        .annotate(total=Count("pk"), below=Count("pk", filter=Q(jp__lt=F("target"))))
        .order_by("unit__name", "unit_id")
    )
    return [
        {
            **row,
            "compliant": row["total"] - row["below"],
            "percent": rules.progress_percent(row["total"] - row["below"], row["total"]),
        }
        for row in rows
    ]


def _without_jit(queryset):
    """The rows, read with PostgreSQL's JIT compilation off. One index probe per employee makes the planner's estimate
    pass jit_above_cost once an instansi has ~22,000 employees, and compiling then costs more than it saves: ~15 ms
    of the per-unit aggregate at 42,000 employees (and 680 ms of the report's former page query, whose estimate also
    passed the thresholds for inlining and optimisation). Off for this transaction only."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return list(queryset)
    with transaction.atomic(using=queryset.db):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        return list(queryset)


class BelowTarget:
    """The employees below target in the list's order, for a Paginator: counted from the per-unit rows
    (`compliance_by_unit`), and a page reads only the units it falls in instead of the whole instansi."""

    def __init__(self, user, year, units, unit_id=None, target=None):
        self.people = compliance(user, year, unit_id, target=target)
        self.units = [(row["unit_id"], row["below"]) for row in units if not unit_id or row["unit_id"] == unit_id]

    def count(self):
        return sum(below for _unit, below in self.units)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("BelowTarget reads pages: slice it")
        start, stop, _step = index.indices(self.count())
        chosen, skipped, passed = [], None, 0
        for unit, below in self.units:
            if below and passed + below > start and passed < stop:
                chosen.append(unit)
                skipped = start - passed if skipped is None else skipped
            passed += below
        if not chosen:
            return []
        return list(self.people.filter(unit_id__in=chosen)[skipped : skipped + stop - start])


def tz_of(session):
    return zoneinfo.ZoneInfo(session.instansi.time_zone)
