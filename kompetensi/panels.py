"""The training module's home-dashboard panel, registered into the portal's registry."""

from django.utils import timezone

from portal import roles
from portal.dashboard import register_panel
from portal.frame import remember
from portal.permissions import acts_as
from portal.scoping import pegawai_of

from . import permissions, queries
from .models import TrainingCatalogPage


@register_panel("kompetensi-jp", "kompetensi/panels/jp.html", order=30)
def jp_panel(request):
    me = pegawai_of(request.user)
    if me is None:
        return None

    def catalog_url():
        catalog = TrainingCatalogPage.objects.live().filter(instansi_id=me.instansi_id).first()
        return catalog.url if catalog else ""

    return {
        "summary": queries.jp_summary(me, timezone.localdate().year),
        "upcoming": queries.upcoming_for(me),
        "catalog_url": remember(request.user, "training_catalog_url", catalog_url),
    }


@register_panel("kompetensi-approvals", "kompetensi/panels/approvals.html", order=15)
def approvals_panel(request):
    """For supervisors (and HR standing in): the requests waiting for their decision."""
    if not permissions.may_approve_anything(request.user):
        return None
    waiting = queries.pending_approvals(request.user)
    claims = queries.pending_external(request.user).count()
    first = list(waiting[:5])
    if not first and not claims:
        return {"first": [], "total": 0, "claims": 0}
    # the count is asked only when the first five do not already tell it
    return {"first": first, "total": waiting.count() if len(first) == 5 else len(first), "claims": claims}


@register_panel("kompetensi-units", "kompetensi/panels/units.html", order=13)
def jp_per_unit_panel(request):
    """For leaders: JP compliance of the year per unit of their instansi, the least compliant first."""
    me = pegawai_of(request.user)
    if me is None or not acts_as(request.user, roles.PIMPINAN, me.instansi_id):
        return None
    year = timezone.localdate().year
    units = sorted(queries.compliance_by_unit(request.user, year), key=lambda row: (row["percent"], row["unit__name"]))
    total = sum(row["total"] for row in units)
    compliant = sum(row["compliant"] for row in units)
    return {
        "year": year,
        "units": units[:6],
        "more": max(0, len(units) - 6),
        "percent": round(100 * compliant / total) if total else 0,
        "compliant": compliant,
        "total": total,
    }
