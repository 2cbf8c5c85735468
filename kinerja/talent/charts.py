"""The 9-box on the HR dashboard: how many employees sit in each box of the instansi's numbering (the talent page
holds the grid and its people)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..dashboards.registry import Chart, Table, register_chart
from . import queries


def box_counts(context):
    scope = queries.scope_of(context.user)
    if scope is None:
        return None
    grid = queries.grid(scope, queries.rules_of(context.instansi_id))
    if not grid.mapped:
        return None
    cells = sorted(
        (cell for _potensial, _label, row in grid.rows for cell in row if cell.box is not None),
        key=lambda cell: cell.box.number,
    )
    return Table(
        headers=[_("Kotak"), _("Pegawai"), _("Persentase")],
        rows=[
            [cell.box.name or _("Kotak %(box)s") % {"box": cell.box.number}, cell.count, cell.share] for cell in cells
        ],
        series=(1,),
        note=_("%(unmapped)s pegawai belum dapat dipetakan.") % {"unmapped": grid.unmapped} if grid.unmapped else "",
    )


register_chart(
    Chart(
        "kotak-talenta",
        gettext_lazy("Kotak talenta (9-box)"),
        box_counts,
        link=lambda c: reverse("kinerja:talent_grid"),
    ),
    order=45,
)
