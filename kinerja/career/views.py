"""The promotion eligibility page for HR and Pimpinan of an instansi: a period picked from the calendar, who
qualifies, who will in the next periods, and every employee's reasons with links to their evidence; XLSX/CSV."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.exporting import Sheet, spreadsheet_response
from portal.models import UnitKerja
from portal.page_helpers import paginate, query_string_without_page
from portal.scoping import pegawai_of

from . import permissions, queries

EXPORT_FORMATS = ("xlsx", "csv")
STATUSES = (("ya", gettext_lazy("Memenuhi syarat")), ("tidak", gettext_lazy("Belum memenuhi syarat")), ("nanti", gettext_lazy("Memenuhi pada periode berikutnya")))  # fmt: skip


def _instansi_id(request):
    me = pegawai_of(request.user)
    if me is None or not permissions.can_view_list(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi_id


def _choices(instansi_rules):
    """The period picker: the last 3 promotion dates and the next 12."""
    today = timezone.localdate()
    earlier = instansi_rules.periods(today - datetime.timedelta(days=120), 20)
    past = [day for day in earlier if day < today][-3:]
    return [*past, *instansi_rules.periods(today, 12)]


def _parse(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _export(rows, period_date, fmt):
    headers = [_("NIP"), _("Nama"), _("Unit kerja"), _("Golongan"), _("TMT pangkat"), _("Memenuhi syarat"),
               _("Memenuhi pada"), _("Alasan belum memenuhi"), _("Semua alasan")]  # fmt: skip
    body = []
    for row in rows:
        body.append([
            row.pegawai.nip, row.pegawai.full_name, row.pegawai.unit.name,
            row.pegawai.pangkat.golongan_ruang if row.pegawai.pangkat_id else "", row.pegawai.tmt_pangkat,
            _("Ya") if row.eligible else _("Tidak"), row.qualifies_on,
            "; ".join(reason.detail for reason in row.unmet),
            "; ".join(f"[{'+' if r.met else ('-' if r.met is False else 'i')}] {r.detail}" for r in row.reasons),
        ])  # fmt: skip
    sheet = Sheet(_("Kenaikan pangkat"), headers, body, text_columns=(0,))
    return spreadsheet_response(f"kenaikan-pangkat-{period_date.isoformat()}", sheet, fmt=fmt)


def promotion(request):
    instansi_id = _instansi_id(request)
    instansi_rules = queries.rules_of(instansi_id)
    choices = _choices(instansi_rules)
    period_date = _parse(request.GET.get("periode")) or queries.next_period(instansi_rules)
    if period_date not in choices:
        choices = sorted({*choices, period_date})
    units = list(UnitKerja.objects.filter(instansi_id=instansi_id).order_by("name").values_list("pk", "name"))
    unit = _parse_int(request.GET.get("unit"))
    status = request.GET.get("status", "")
    rows, later = queries.eligibility_list(instansi_id, period_date, instansi_rules=instansi_rules)
    counts = {
        "eligible": sum(row.eligible for row in rows),
        "later": sum(row.qualifies_on is not None for row in rows),
        "total": len(rows),
    }
    if unit:
        rows = [row for row in rows if row.pegawai.unit_id == unit]
    if status == "ya":
        rows = [row for row in rows if row.eligible]
    elif status == "tidak":
        rows = [row for row in rows if not row.eligible]
    elif status == "nanti":
        rows = [row for row in rows if row.qualifies_on is not None]
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        return _export(rows, period_date, fmt)
    return render(request, "kinerja/career/promotion.html", {
        "period_date": period_date, "choices": choices, "later": later, "units": units, "unit": unit,
        "status": status, "statuses": STATUSES, "counts": counts, "page": paginate(request, rows),
        "query_string": query_string_without_page(request), "calendar": instansi_rules.calendar,
        "may_admin": permissions.can_use_api(request.user, instansi_id),
    })  # fmt: skip


def _parse_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
