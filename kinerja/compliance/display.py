"""The sheets of the lateness exports: plain values (the platform's exporter neutralises formulas)."""

from django.utils.translation import gettext as _

from portal.exporting import Sheet


def units_sheet(rows) -> Sheet:
    headers = [_("Unit kerja"), _("Belum mengajukan SKP"), _("SKP menunggu persetujuan"), _("Evaluasi belum dinilai"),
               _("Terlama terlambat (hari)")]  # fmt: skip
    body = [[row.name, row.filers, row.approvals, row.ratings, row.days] for row in rows]
    return Sheet(_("Per unit"), headers, body)


def evaluators_sheet(rows) -> Sheet:
    headers = [_("NIP"), _("Pejabat penilai"), _("Unit kerja"), _("Atasan pejabat penilai"),
               _("SKP menunggu persetujuan"), _("Evaluasi belum dinilai"), _("Terlama terlambat (hari)")]  # fmt: skip
    body = [
        [row.evaluator.nip, row.evaluator.full_name, row.evaluator.unit.name,
         row.evaluator.atasan.full_name if row.evaluator.atasan_id else "", row.approvals, row.ratings, row.days]
        for row in rows
    ]  # fmt: skip
    return Sheet(_("Per pejabat penilai"), headers, body, text_columns=(0,))


def people_sheet(items) -> Sheet:
    headers = [_("NIP"), _("Nama"), _("Unit kerja"), _("Keterlambatan"), _("Pejabat penilai"), _("Batas"),
               _("Terlambat (hari)")]  # fmt: skip
    body = [
        [item.pegawai.nip, item.pegawai.full_name, item.pegawai.unit.name, item.label,
         item.evaluator.full_name if item.evaluator else "", item.due, item.days]
        for item in items
    ]  # fmt: skip
    return Sheet(_("Daftar pegawai"), headers, body, text_columns=(0,))
