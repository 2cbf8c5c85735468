"""HR's JP compliance report."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .. import permissions, queries
from .helpers import paginate, query_string_without_page

# --- HR --------------------------------------------------------------------------------------------------------


def compliance(request):
    if not permissions.can_see_compliance(request.user):
        raise PermissionDenied
    year = timezone.localdate().year
    unit_id = request.GET.get("unit", "")
    unit_id = int(unit_id) if unit_id.isdigit() else None
    people = queries.compliance(request.user, year, unit_id)
    if request.GET.get("format") == "xlsx":
        from ..resources import ComplianceResource

        data = ComplianceResource(year=year).export(people).export("xlsx")
        response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="kepatuhan-jp-{year}.xlsx"'
        return response
    return render(
        request,
        "kompetensi/compliance.html",
        {
            "year": year,
            "months_left": 12 - timezone.localdate().month,
            "people": paginate(request, people, 25),
            "units": queries.compliance_by_unit(request.user, year),
            "unit_id": unit_id,
            "query_string": query_string_without_page(request),
        },
    )
