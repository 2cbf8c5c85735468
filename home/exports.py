"""XLSX export of an acknowledgement report, written by the one exporter (portal.exporting), which escapes formulas."""

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.exporting import Sheet, xlsx_bytes


def acknowledgement_workbook(requirement, report, acknowledgements):
    summary = Sheet(
        _("Ringkasan"),
        rows=[
            [_("Halaman"), requirement.page.title],
            [_("Batas waktu"), requirement.deadline],
            [_("Putaran konfirmasi"), requirement.generation],
            [_("Sasaran"), report["total"]],
            [_("Sudah konfirmasi"), report["done"]],
            [_("Persentase"), report["percent"]],
            [],
            [_("Unit kerja"), _("Sasaran"), _("Sudah"), _("Persentase")],
            *([row["unit__name"], row["total"], row["done_count"], row["percent"]] for row in report["per_unit"]),
        ],
    )
    outstanding = Sheet(
        _("Belum konfirmasi"),
        [_("NIP"), _("Nama"), _("Unit kerja"), _("Jabatan")],
        [
            [pegawai.nip, pegawai.full_name, pegawai.unit.name, getattr(pegawai.jabatan, "name", "")]
            for pegawai in report["outstanding"]
        ],
        text_columns=(0,),
    )
    done = Sheet(
        _("Sudah konfirmasi"),
        [_("NIP"), _("Nama"), _("Unit kerja"), _("Waktu konfirmasi"), _("Revisi"), _("Nilai pemahaman")],
        [
            [
                ack.pegawai.nip,
                ack.pegawai.full_name,
                ack.pegawai.unit.name,
                timezone.localtime(ack.acknowledged_at).replace(tzinfo=None),
                ack.revision_id,
                ack.quiz_score,
            ]
            for ack in acknowledgements
        ],
        text_columns=(0,),
    )
    return xlsx_bytes(summary, outstanding, done)
