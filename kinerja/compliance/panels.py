"""The leader's home panel: what is late in their organisation in the open period, with the way to the report."""

from django.utils import timezone

from portal import roles
from portal.dashboard import register_panel
from portal.navigation import count_together
from portal.permissions import acts_as
from portal.scoping import pegawai_of

from ..skp.models import PerformancePeriod
from . import permissions, queries


@register_panel("kinerja-lateness", "kinerja/compliance/panel.html", order=17)
def lateness_panel(request):
    me = pegawai_of(request.user)
    if me is None or not acts_as(request.user, roles.PIMPINAN, me.instansi_id):
        return None
    period = (
        PerformancePeriod.objects.filter(instansi_id=me.instansi_id, status=PerformancePeriod.Status.OPEN)
        .select_related("instansi")
        .order_by("-year")
        .first()
    )
    reach = permissions.report_reach(request.user)
    if period is None or reach is None:
        return None
    filers, approvals, ratings = count_together(queries.totals(period, timezone.localdate(), reach))
    return {"period": period, "filers": filers, "approvals": approvals, "ratings": ratings}
