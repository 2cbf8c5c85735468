"""HR's JP compliance report."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.db_router import reads_from_replica
from portal.exporting import resource_sheet, spreadsheet_response

from .. import permissions, queries
from ..resources import ComplianceResource
from .helpers import paginate, query_string_without_page

# --- HR --------------------------------------------------------------------------------------------------------


@reads_from_replica
def compliance(request):
    if not permissions.can_see_compliance(request.user):
        raise PermissionDenied
    year = timezone.localdate().year
    unit_id = request.GET.get("unit", "")
    unit_id = int(unit_id) if unit_id.isdigit() else None
    if request.GET.get("format") == "xlsx":
        people = queries.compliance(request.user, year, unit_id)
        sheet = resource_sheet(ComplianceResource(year=year), people, _("Kepatuhan JP"))
        sheet.text_columns = (0,)
        return spreadsheet_response(f"kepatuhan-jp-{year}", sheet)
    target = queries.jp_targets(request.user)
    units = queries.compliance_by_unit(request.user, year, target)
    return render(
        request,
        "kompetensi/compliance.html",
        {
            "year": year,
            "months_left": 12 - timezone.localdate().month,
            "people": paginate(request, queries.BelowTarget(request.user, year, units, unit_id, target), 25),
            "units": units,
            "unit_id": unit_id,
            "query_string": query_string_without_page(request),
        },
    )
