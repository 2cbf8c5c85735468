"""The lateness report for HR (their instansi) and Pimpinan (their organisation): per unit and per pejabat penilai,
the people behind each count, a period picker and XLSX/CSV through the platform's exporter; and the Atasan Pejabat
Penilai's nudge to an evaluator of theirs. Thin: the queries read, `display` shapes the exports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.db_router import reads_from_replica
from portal.exporting import spreadsheet_response
from portal.models import Pegawai, UnitKerja
from portal.page_helpers import error_text, paginate, query_string_without_page

from . import display, permissions, queries, services

EXPORT_FORMATS = ("xlsx", "csv")


def _reach(request):
    reach = permissions.report_reach(request.user)
    if reach is None:
        raise PermissionDenied
    return reach


def _format(request):
    fmt = request.GET.get("format", "")
    return fmt if fmt in EXPORT_FORMATS else None


def _base(request, reach):
    periods = queries.periods_of(reach.instansi_id)
    return {
        "periods": periods,
        "period": queries.pick_period(periods, request.GET.get("periode", "")),
        "today": timezone.localdate(),
        "subtree": reach.unit_ids is not None,
        "query_string": query_string_without_page(request),
    }


@reads_from_replica
def report(request):
    reach = _reach(request)
    context = _base(request, reach)
    period, today = context["period"], context["today"]
    units = queries.unit_rows(period, today, reach) if period else []
    evaluators = queries.evaluator_rows(period, today, reach) if period else []
    fmt = _format(request)
    if fmt and period is not None:
        people = queries.people(period, today, reach)
        sheets = [display.units_sheet(units), display.evaluators_sheet(evaluators), display.people_sheet(people)]
        return spreadsheet_response(f"keterlambatan-kinerja-{period.year}", *sheets, fmt=fmt)
    return render(request, "kinerja/compliance/report.html", {
        **context, "units": units, "evaluators": paginate(request, evaluators),
        "totals": {"filers": sum(row.filers for row in units), "approvals": sum(row.approvals for row in units),
                   "ratings": sum(row.ratings for row in units)},
        "escalation_days": services.escalation_days(),
    })  # fmt: skip


def _people(request, reach, *, title, filename, unit_id=None, evaluator_id=None):
    context = _base(request, reach)
    period, today = context["period"], context["today"]
    items = queries.people(period, today, reach, unit_id=unit_id, evaluator_id=evaluator_id) if period else []
    fmt = _format(request)
    if fmt and period is not None:
        return spreadsheet_response(f"{filename}-{period.year}", display.people_sheet(items), fmt=fmt)
    return render(request, "kinerja/compliance/people.html", {
        **context, "title": title, "page": paginate(request, items),
        "links": permissions.opens_records(request.user, reach.instansi_id),
    })  # fmt: skip


@reads_from_replica
def unit(request, pk):
    """The people of one unit in the reader's reach; another instansi's unit (or, for Pimpinan, a unit outside their
    organisation) answers 404."""
    reach = _reach(request)
    units = UnitKerja.objects.filter(instansi_id=reach.instansi_id)
    if reach.unit_ids is not None:
        units = units.filter(pk__in=reach.unit_ids)
    found = get_object_or_404(units, pk=pk)
    title = _("Keterlambatan %(unit)s") % {"unit": found.name}
    return _people(request, reach, title=title, filename=f"keterlambatan-{slugify(found.code)}", unit_id=found.pk)


@reads_from_replica
def evaluator(request, pk):
    """The decisions and ratings overdue with one pejabat penilai of the instansi (those in the reader's reach)."""
    reach = _reach(request)
    found = get_object_or_404(Pegawai, pk=pk, instansi_id=reach.instansi_id)
    title = _("Keterlambatan pejabat penilai %(name)s") % {"name": found.full_name}
    return _people(request, reach, title=title, filename=f"keterlambatan-penilai-{found.nip}", evaluator_id=found.pk)


@require_POST
def nudge(request, pk):
    """Someone who is not the evaluator's Atasan Pejabat Penilai gets 404: whether the evaluator exists is not told."""
    try:
        services.nudge(actor=request.user, evaluator_id=pk)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.warning(request, error_text(error))
    else:
        messages.success(request, _("Pengingat terkirim."))
    return redirect("kinerja:queue")
