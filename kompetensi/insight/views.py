"""The organisation's competency pages for HR and leaders: the heatmap (competency x unit) with the match-band
distribution per unit, and one unit's grid (competency x employee), each exported as XLSX or CSV through the
platform's exporter. Thin: the queries read, `display` shapes what the templates and the exports show."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from portal.db_router import reads_from_replica
from portal.exporting import spreadsheet_response

from ..views.helpers import paginate, query_string_without_page
from . import display, permissions, queries, rules

EXPORT_FORMATS = ("xlsx", "csv")
PAGE_SIZE = 25


def _check(request):
    if not permissions.can_see_organisation(request.user):
        raise PermissionDenied


def _filters(request):
    unit = request.GET.get("unit", "")
    group = request.GET.get("kelompok", "")
    metric = request.GET.get("metrik", "")
    return {
        "unit": int(unit) if unit.isdigit() else None,
        "group": group if group in dict(queries.competency_groups()) else "",
        "metric": metric if metric in rules.METRICS else rules.MEETING,
    }


def _format(request):
    fmt = request.GET.get("format", "")
    return fmt if fmt in EXPORT_FORMATS else None


@reads_from_replica
def organisation(request):
    _check(request)
    filters = _filters(request)
    unit_ids = queries.unit_and_below(request.user, filters["unit"])
    heat = queries.heatmap(request.user, unit_ids=unit_ids, group=filters["group"])
    distribution, bands = queries.band_distribution(request.user, unit_ids=unit_ids)
    fmt = _format(request)
    if fmt:
        sheets = [display.heatmap_sheet(heat), display.bands_sheet(distribution, bands)]
        return spreadsheet_response("peta-kompetensi", *sheets, fmt=fmt)
    metric = filters["metric"]
    return render(
        request,
        "kompetensi/insight/organisation.html",
        {
            "filters": filters,
            "units": queries.units_of(request.user).values_list("pk", "name"),
            "groups": queries.competency_groups(),
            "metrics": display.metric_choices(),
            "heat": heat,
            "rows": heat.rows(metric),
            "legend": display.legend(metric),
            "bars": display.band_bars(distribution, bands),
            "bar_legend": display.band_legend(bands),
            "query_string": query_string_without_page(request),
        },
    )


@reads_from_replica
def unit(request, pk):
    """One unit: every employee against their position's standard; another instansi's unit answers 404."""
    _check(request)
    found = get_object_or_404(queries.units_of(request.user), pk=pk)
    group = _filters(request)["group"]
    competencies = queries.unit_competencies(request.user, found, group)
    people = queries.unit_people(request.user, found)
    fmt = _format(request)
    if fmt:
        rows = queries.grid(list(people), competencies)
        return spreadsheet_response(
            f"peta-kompetensi-{found.code}", display.unit_sheet(found, rows, competencies), fmt=fmt
        )
    page = paginate(request, people, PAGE_SIZE)
    page.object_list = queries.grid(list(page.object_list), competencies)
    return render(
        request,
        "kompetensi/insight/unit.html",
        {
            "unit": found,
            "competencies": competencies,
            "page": page,
            "group": group,
            "groups": queries.competency_groups(),
            "legend": display.grid_legend(),
            "query_string": query_string_without_page(request),
            "title": _("Peta kompetensi %(unit)s") % {"unit": found.name},
        },
    )
