"""The dashboard of HR and Pimpinan: every registered chart for their instansi and a chosen year, each drawn from
its table and exportable."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from portal.exporting import Sheet, spreadsheet_response
from portal.scoping import pegawai_of

from ..evaluation.queries import latest_final_year
from . import permissions
from .registry import Context, charts

EXPORT_FORMATS = ("xlsx", "csv")


def _context(request):
    me = pegawai_of(request.user)
    if me is None or not permissions.can_view(request.user, me.instansi_id):
        raise PermissionDenied
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("tahun", ""))
    except ValueError:
        year = None
    if year is None or not this_year - 10 <= year <= this_year:
        year = latest_final_year(me.instansi_id) or this_year - 1
    return Context(user=request.user, instansi_id=me.instansi_id, year=year)


def dashboard(request):
    context = _context(request)
    export, fmt = request.GET.get("ekspor"), request.GET.get("format")
    if export:
        chart = charts.get(export)
        if chart is None or fmt not in EXPORT_FORMATS:
            raise Http404
        table = chart.build(context)
        sheet = Sheet(str(chart.title)[:31], table.headers if table else [], table.rows if table else [])
        return spreadsheet_response(f"dasbor-{chart.key}-{context.year}", sheet, fmt=fmt)
    cards = []
    for chart in charts:
        table = chart.build(context)
        cards.append({"chart": chart, "table": table, "link": chart.link(context) if chart.link else None})
    this_year = timezone.localdate().year
    return render(request, "kinerja/dashboards/dashboard.html", {
        "cards": cards, "year": context.year, "years": list(range(this_year, this_year - 6, -1)),
    })  # fmt: skip
