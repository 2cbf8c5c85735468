"""XLSX export of an acknowledgement report. Cell text that a spreadsheet would run as a formula is escaped."""

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def acknowledgement_workbook(requirement, report, acknowledgements):
    book = Workbook()
    summary = book.active
    summary.title = _("Ringkasan")
    summary.append([_("Halaman"), safe(requirement.page.title)])
    summary.append([_("Batas waktu"), requirement.deadline])
    summary.append([_("Putaran konfirmasi"), requirement.generation])
    summary.append([_("Sasaran"), report["total"]])
    summary.append([_("Sudah konfirmasi"), report["done"]])
    summary.append([_("Persentase"), report["percent"]])
    summary.append([])
    summary.append([_("Unit kerja"), _("Sasaran"), _("Sudah"), _("Persentase")])
    for row in report["per_unit"]:
        summary.append([safe(row["unit__name"]), row["total"], row["done_count"], row["percent"]])

    outstanding = book.create_sheet(_("Belum konfirmasi"))
    outstanding.append([_("NIP"), _("Nama"), _("Unit kerja"), _("Jabatan")])
    for pegawai in report["outstanding"]:
        outstanding.append(
            [pegawai.nip, safe(pegawai.full_name), safe(pegawai.unit.name), safe(getattr(pegawai.jabatan, "name", ""))]
        )

    done = book.create_sheet(_("Sudah konfirmasi"))
    done.append([_("NIP"), _("Nama"), _("Unit kerja"), _("Waktu konfirmasi"), _("Revisi"), _("Nilai pemahaman")])
    for ack in acknowledgements:
        done.append(
            [
                ack.pegawai.nip,
                safe(ack.pegawai.full_name),
                safe(ack.pegawai.unit.name),
                timezone.localtime(ack.acknowledged_at).replace(tzinfo=None),
                ack.revision_id,
                ack.quiz_score,
            ]
        )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
