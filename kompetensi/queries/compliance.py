"""HR's JP compliance per employee and per unit."""

import zoneinfo

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from portal.models import Pegawai
from portal.scoping import pegawai_of, visible_pegawai

from .. import rules
from ..models import (
    Enrolment,
    JPEntry,
)
from .learning import pns_target

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
            target=Case(
                When(status=Pegawai.Status.PPPK, then=F("instansi__jp_target_pppk")),
                default=Value(_pns_target_for_user(user)),
                output_field=IntegerField(),
            ),
        )
        .select_related("unit", "instansi")
    )
    people = people.annotate(shortfall=F("target") - F("jp"))
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if below_only:
        people = people.filter(jp__lt=F("target"))
    return people.order_by("unit__name", "nama", "pk")


def _pns_target_for_user(user):
    me = pegawai_of(user)
    return pns_target(me.instansi_id if me else None)


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
