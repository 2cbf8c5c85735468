"""What the talent pages and their exports show of a stored placement: the same columns on the page and in the
spreadsheet (through the platform's formula-safe exporter)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from portal.exporting import Sheet


def _evidence(row, key):
    return (row.evidence or {}).get(key) or {}


def _number(value):
    return Decimal(value) if value not in (None, "") else ""


def sheet(rows, title):
    headers = [
        _("NIP"), _("Nama"), _("Unit kerja"), _("Jabatan"), _("Kotak"), _("Kinerja"), _("Predikat"),
        _("Tahun predikat"), _("Potensial"), _("Nilai potensial"), _("Nilai asesmen potensi"), _("Tanggal asesmen"),
        _("Lembaga/asesor"), _("Kesesuaian kompetensi (%)"), _("Alasan belum dipetakan"),
    ]  # fmt: skip
    body = []
    for row in rows:
        person, predikat, assessment = row.pegawai, _evidence(row, "predikat"), _evidence(row, "assessment")
        body.append([
            person.nip, person.full_name, person.unit.name, person.jabatan.name if person.jabatan_id else "",
            row.current_box or "", row.get_kinerja_display(), predikat.get("label", ""), predikat.get("year", ""),
            row.get_potensial_display(), row.score, _number(assessment.get("score")), assessment.get("date", ""),
            assessment.get("lembaga", ""), _number((row.evidence or {}).get("match_percent")), row.reason,
        ])  # fmt: skip
    return Sheet(title, headers, body, text_columns=(0,))
