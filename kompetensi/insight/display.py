"""How the insight figures are shown: the legends, the stacked bars of the band distribution, and the sheets of the
exports (plain values; the platform's exporter neutralises formulas)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from portal.exporting import Sheet

from ..competency.display import band_tone
from . import rules


def metric_choices():
    return [(rules.MEETING, _("Persentase pegawai memenuhi standar")), (rules.AVERAGE_GAP, _("Rata-rata kesenjangan"))]


def _number(value):
    return f"{value}".replace(".", ",") if isinstance(value, Decimal) else f"{value}"


def legend(metric):
    """[(tone, text)] from best to worst, in words (the colours only repeat them)."""
    rows = []
    for tone, lower, upper in rules.legend(metric):
        if metric == rules.AVERAGE_GAP:
            if lower is None:
                text = _("Tanpa kesenjangan (0)")
            elif upper is None:
                text = _("Lebih dari %(lower)s level") % {"lower": _number(lower)}
            else:
                text = _("%(lower)s sampai %(upper)s level") % {"lower": _number(lower), "upper": _number(upper)}
        elif upper is None:
            text = _("%(lower)s%% atau lebih memenuhi standar") % {"lower": lower}
        else:
            text = _("%(lower)s%% sampai di bawah %(upper)s%%") % {"lower": lower, "upper": upper}
        rows.append((tone, text))
    return rows


def grid_legend():
    return [(4, _("Memenuhi standar")), (2, _("Kurang 1 level")), (0, _("Kurang 2 level atau lebih"))]


def band_legend(bands):
    return [{"label": band.name, "tone": band_tone(band)} for band in bands] + [
        {"label": _("Belum ada standar"), "tone": "muted"}
    ]


def band_bars(distribution, bands):
    """The stacked bars component's rows: per unit a segment per band (and one for employees without a standard),
    each with its count and share in text."""
    bars = []
    for row in distribution:
        counts = [(band.name, row.distribution.counts.get(band.code, 0), band_tone(band)) for band in bands]
        counts.append((_("Belum ada standar"), row.distribution.no_standard, "muted"))
        total = sum(count for _label, count, _tone in counts)
        segments = [
            {"label": label, "count": count, "tone": tone, "percent": round(100 * count / total) if total else 0}
            for label, count, tone in counts
        ]
        bars.append({"label": row.name, "total": total, "segments": segments})
    return bars


def heatmap_sheet(heat):
    headers = [
        _("Unit kerja"), _("Kode"), _("Kompetensi"), _("Kelompok"), _("Pegawai dengan standar ini"),
        _("Memenuhi standar"), _("Persentase memenuhi"), _("Rata-rata kesenjangan (level)"),
    ]  # fmt: skip
    sheet = Sheet(_("Peta kompetensi"), headers)
    for _unit_id, name, cells in heat.rows(rules.MEETING):
        for competency, cell, _value, _tone in cells:
            if cell is not None:
                sheet.rows.append([
                    name, competency.code, competency.name, competency.get_group_display(), cell.employees,
                    cell.meeting, cell.percent_meeting, cell.average_gap,
                ])  # fmt: skip
    return sheet


def bands_sheet(distribution, bands):
    headers = [_("Unit kerja"), *(band.name for band in bands), _("Belum ada standar"), _("Jumlah pegawai")]
    sheet = Sheet(_("Sebaran kesesuaian"), headers)
    for row in distribution:
        counts = [row.distribution.counts.get(band.code, 0) for band in bands]
        sheet.rows.append([row.name, *counts, row.distribution.no_standard, sum(counts) + row.distribution.no_standard])
    return sheet


def unit_sheet(unit, rows, competencies):
    headers = [
        _("NIP"), _("Nama"), _("Jabatan"), _("Kode"), _("Kompetensi"), _("Level standar"), _("Level saat ini"),
        _("Kesenjangan"), _("Kesesuaian jabatan (%)"), _("Kategori"),
    ]  # fmt: skip
    sheet = Sheet(_("Pegawai"), headers, text_columns=(0,))
    for pegawai, profile, cells in rows:
        for competency, cell in zip(competencies, cells, strict=True):
            if cell.required is None:
                continue
            sheet.rows.append([
                pegawai.nip, pegawai.nama, pegawai.jabatan.name if pegawai.jabatan else "", competency.code,
                competency.name, cell.required, cell.current, cell.gap, profile.match_percent,
                profile.band.name if profile.band else "",
            ])  # fmt: skip
    return sheet
