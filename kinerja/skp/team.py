"""Tim saya, column "SKP": each report's SKP of the open period; an SKP waiting for the supervisor links to it."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.team import TeamCell, register_team_column

from . import queries
from .models import Skp

TONES = {Skp.Status.DRAFT: "", Skp.Status.SUBMITTED: "warn", Skp.Status.APPROVED: "ok", Skp.Status.RETURNED: "error"}


def skp_cells(reports):
    """Two queries for the whole team, whatever its size. Without an open period nobody is reminded to write one."""
    found = queries.team_skp(reports)
    open_here = queries.instansi_with_open_period(reports) if len(found) < len(reports) else set()
    cells = {}
    for pegawai in reports:
        skp = found.get(pegawai.pk)
        if skp is None and pegawai.instansi_id not in open_here:
            cells[pegawai.pk] = TeamCell(_("Periode belum dibuka"), "muted")
        elif skp is None:
            cells[pegawai.pk] = TeamCell(_("Belum disusun"), "warn", reminder=_("SKP tahun ini belum disusun"))
        elif skp.status == Skp.Status.SUBMITTED:
            cells[pegawai.pk] = TeamCell(_("Menunggu Anda"), "warn", url=reverse("kinerja:skp_detail", args=[skp.pk]))
        else:
            reminder = "" if skp.status == Skp.Status.APPROVED else _("SKP tahun ini belum diajukan")
            cells[pegawai.pk] = TeamCell(
                skp.get_status_display(), TONES[skp.status], url=reverse("kinerja:skp_detail", args=[skp.pk]),
                reminder=reminder,
            )  # fmt: skip
    return cells


register_team_column("kinerja-skp", gettext_lazy("SKP"), skp_cells, order=50)
