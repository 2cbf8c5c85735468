"""Tim saya, column "Pembinaan": a report's running coaching plan that this supervisor coaches, linked."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.team import TeamCell, register_team_column

from . import queries


def coaching_cells(reports):
    if not reports:
        return {}
    found = queries.team_plans([p.pk for p in reports])
    return {
        pegawai_id: TeamCell(_("Berjalan sampai %(date)s") % {"date": plan.ends_on.strftime("%d-%m-%Y")}, "warn",
                             url=reverse("kinerja:coaching_plan", args=[plan.pk]))
        for pegawai_id, plan in found.items()
    }  # fmt: skip


register_team_column("kinerja-coaching", gettext_lazy("Pembinaan"), coaching_cells, order=55)
