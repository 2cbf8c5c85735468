"""Tim saya, column "Rencana pengembangan": each report's plan of the year; a plan waiting for the supervisor links
to it, and a missing or returned plan is something to remind the report of."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.team import TeamCell, register_team_column

from ..models import DevelopmentPlan
from . import queries, rules

TONES = {rules.SUBMITTED: "warn", rules.RETURNED: "warn", rules.APPROVED: "ok", rules.IN_PROGRESS: "ok",
         rules.COMPLETED: "ok"}  # fmt: skip


def plan_cells(reports):
    if not reports:
        return {}
    year = timezone.localdate().year
    states = queries.plan_states([p.pk for p in reports], year)
    cells = {}
    for pegawai in reports:
        if pegawai.pk not in states:
            cells[pegawai.pk] = TeamCell(
                _("Belum ada"), "muted", reminder=_("Rencana pengembangan %(year)s belum disusun") % {"year": year}
            )
            continue
        pk, status = states[pegawai.pk]
        url = reverse("kompetensi:plans:detail", args=[pk])
        if status == rules.SUBMITTED:
            cells[pegawai.pk] = TeamCell(_("Menunggu persetujuan Anda"), "warn", url=url)
            continue
        reminder = _("Rencana pengembangan dikembalikan, perlu diperbaiki") if status == rules.RETURNED else ""
        label = DevelopmentPlan.Status(status).label
        cells[pegawai.pk] = TeamCell(str(label), TONES.get(status, ""), url=url, reminder=reminder)
    return cells


register_team_column("kompetensi-plan", gettext_lazy("Rencana pengembangan"), plan_cells, order=35)
