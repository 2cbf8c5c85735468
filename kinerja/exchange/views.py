"""The "Pertukaran data SIASN" page of HR and its downloads: the annual results and the SKP plan of a period, and the
training history of a year, in the national system's columns; and the way to the import of past results."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.exporting import resource_sheet, spreadsheet_response
from portal.scoping import pegawai_of

from ..skp.models import PerformancePeriod
from . import permissions, queries
from .resources import IMPORT_KIND, AnnualResultResource, PlanResource, TrainingResource

FORMATS = ("xlsx", "csv")
# the files go to the national system, whose language is Indonesian, whatever the language of the page
NATIONAL_LANGUAGE = "id"


def _instansi_id(request):
    me = pegawai_of(request.user)
    if me is None or not permissions.can_exchange(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi_id


def _format(request):
    fmt = request.GET.get("format") or FORMATS[0]
    if fmt not in FORMATS:
        raise Http404
    return fmt


def _year(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _download(request, filename, resource, queryset, title):
    fmt = _format(request)
    with translation.override(NATIONAL_LANGUAGE):
        sheet = resource_sheet(resource, queryset, title)
    # NIPs stay text in Excel: 18 digits would otherwise lose the last three
    sheet.text_columns = tuple(index for index, column in enumerate(resource.headers) if "nip" in column.lower())
    return spreadsheet_response(filename, sheet, fmt=fmt)


def _period(request, period_pk):
    return get_object_or_404(PerformancePeriod, pk=period_pk, instansi_id=_instansi_id(request))


def exchange(request):
    instansi_id = _instansi_id(request)
    return render(request, "kinerja/exchange/page.html", {
        "periods": queries.periods(instansi_id), "years": queries.training_years(instansi_id),
        "imported": queries.imported_by_year(instansi_id),
        "import_url": f"{reverse('portal_import:index')}?jenis={IMPORT_KIND}",
        "template_url": reverse("portal_import:template", kwargs={"kind": IMPORT_KIND, "fmt": "xlsx"}),
    })  # fmt: skip


def annual_results(request, period_pk):
    period = _period(request, period_pk)
    return _download(request, f"siasn-riwayat-skp-{period.year}", AnnualResultResource(),
                     queries.annual_results(period), _("Riwayat SKP"))  # fmt: skip


def plan(request, period_pk):
    period = _period(request, period_pk)
    return _download(request, f"ekinerja-rencana-skp-{period.year}", PlanResource(), queries.plan(period),
                     _("Rencana SKP"))  # fmt: skip


def training(request):
    instansi_id = _instansi_id(request)
    year = _year(request.GET.get("tahun"))
    return _download(request, f"siasn-riwayat-kursus-{year or 'semua'}", TrainingResource(),
                     queries.training_history(instansi_id, year), _("Riwayat kursus"))  # fmt: skip
