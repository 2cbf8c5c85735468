"""HR's JP compliance per employee and per unit."""

import zoneinfo

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from portal import rule_tables
from portal.scoping import visible_pegawai

from .. import rules
from ..models import (
    Enrolment,
    JPEntry,
    TargetJP,
)

S = Enrolment.Status


# --- HR compliance ---------------------------------------------------------------------------------------------


def compliance(user, year, unit_id=None, below_only=True):
    """Active employees the user may see with their JP for the year and their target."""
    jp = (
        JPEntry.objects.filter(pegawai_id=OuterRef("pk"), year=year)
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum("jp"))
        .values("total")
    )
    people = (
        visible_pegawai(user)
        .filter(is_active=True)
        .annotate(
            jp=Coalesce(Subquery(jp, output_field=IntegerField()), 0),
            target=rule_tables.rule_value(TargetJP, "target", instansi="instansi_id", status="status"),
        )
        .select_related("unit", "instansi")
    )
    people = people.annotate(shortfall=F("target") - F("jp"))
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if below_only:
        people = people.filter(jp__lt=F("target"))
    return people.order_by("unit__name", "nama", "pk")


def compliance_by_unit(user, year):
    rows = (
        compliance(user, year, below_only=False)
        .order_by()
        .values("unit_id", "unit__name")
        .annotate(total=Count("pk"), below=Count("pk", filter=Q(jp__lt=F("target"))))
        .order_by("unit__name")
    )
    return [
        {
            **row,
            "compliant": row["total"] - row["below"],
            "percent": rules.progress_percent(row["total"] - row["below"], row["total"]),
        }
        for row in rows
    ]


def tz_of(session):
    return zoneinfo.ZoneInfo(session.instansi.time_zone)
