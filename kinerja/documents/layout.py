"""The shared layout of the performance documents (PermenPANRB 6/2022 annexes): A4 portrait, the instansi heading,
the identity table of the employee and their pejabat penilai, tables that split across pages with their header row
repeated, and the signature block. reportlab's platypus lays them out; the documents only supply the rows."""

import io
from xml.sax.saxutils import escape

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

INK = colors.HexColor("#111827")
HEAD = colors.HexColor("#e5edf6")
WIDTH = A4[0] - 30 * mm

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=8.5, leading=10.5, textColor=INK)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", parent=BOLD, fontSize=11, leading=14, alignment=TA_CENTER)
CENTER = ParagraphStyle("center", parent=BODY, alignment=TA_CENTER)


def p(text, style=BODY):
    """A cell's text, escaped; line breaks kept."""
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def heading(lines):
    return [p(line, TITLE) for line in lines] + [Spacer(1, 4 * mm)]


def grid(rows, widths, header_rows=1, spans=()):
    """A bordered table; the first `header_rows` rows are shaded and repeated on every page."""
    table = Table(rows, colWidths=[WIDTH * w for w in widths], repeatRows=header_rows)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *spans,
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD))
    table.setStyle(TableStyle(style))
    return table


def section(title, span_columns):
    """A full-width row naming a part of a table ("HASIL KERJA", "A. Utama")."""
    return [p(title, BOLD)] + [""] * (span_columns - 1)


def identity(employee, evaluator, extra=None):
    """NAMA, NIP, PANGKAT/GOL, JABATAN, UNIT KERJA of the employee and of the pejabat penilai side by side;
    `extra` adds a third party (the Atasan Pejabat Penilai of an evaluation) below."""
    rows = [
        [
            p(_("NO"), BOLD),
            p(_("PEGAWAI YANG DINILAI"), BOLD),
            "",
            p(_("NO"), BOLD),
            p(_("PEJABAT PENILAI KINERJA"), BOLD),
            "",
        ]
    ]
    labels = [_("NAMA"), _("NIP"), _("PANGKAT/GOL. RUANG"), _("JABATAN"), _("UNIT KERJA")]
    for n, label in enumerate(labels):
        rows.append([p(n + 1), p(label), p(employee[n]), p(n + 1), p(label), p(evaluator[n])])
    spans = [("SPAN", (1, 0), (2, 0)), ("SPAN", (4, 0), (5, 0))]
    blocks = [grid(rows, [0.04, 0.14, 0.32, 0.04, 0.14, 0.32], spans=spans)]
    if extra:
        title, values = extra
        rows = [[p(_("NO"), BOLD), p(title, BOLD), ""]]
        rows += [[p(n + 1), p(label), p(values[n])] for n, label in enumerate(labels)]
        blocks += [Spacer(1, 3 * mm), grid(rows, [0.04, 0.14, 0.82], spans=[("SPAN", (1, 0), (2, 0))])]
    return blocks


def person(pegawai, jabatan="", unit=""):
    """The five identity lines of an employee (the SKP's snapshot wins over today's data for jabatan and unit)."""
    if pegawai is None:
        return ["—"] * 5
    pangkat = pegawai.pangkat
    rank = (str(pangkat) if pangkat.name else pangkat.golongan_ruang) if pangkat else ""
    return [
        pegawai.full_name, pegawai.nip, rank or "—",
        jabatan or (pegawai.jabatan.name if pegawai.jabatan_id else "—"), unit or pegawai.unit.name,
    ]  # fmt: skip


def signatures(place, day, left, right):
    """The place and date, then "Pegawai yang Dinilai" and "Pejabat Penilai Kinerja" with room to sign."""
    where = f"{place}, {date_format(day, 'j F Y')}" if place else date_format(day, "j F Y")
    rows = [
        ["", p(where, CENTER)],
        [p(left[0], CENTER), p(right[0], CENTER)],
        [Spacer(1, 16 * mm), Spacer(1, 16 * mm)],
        [
            p(left[1], ParagraphStyle("sig", parent=CENTER, fontName="Helvetica-Bold")),
            p(right[1], ParagraphStyle("sig2", parent=CENTER, fontName="Helvetica-Bold")),
        ],
        [
            p(_("NIP %(nip)s") % {"nip": left[2]} if left[2] else "", CENTER),
            p(_("NIP %(nip)s") % {"nip": right[2]} if right[2] else "", CENTER),
        ],
    ]
    table = Table(rows, colWidths=[WIDTH / 2, WIDTH / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 6 * mm), table])


def build(story, title) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
        title=title, author="Lentera",
    )  # fmt: skip
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return buffer.getvalue()


def _page_number(canvas, document):
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, _("Halaman %(n)s") % {"n": document.page})
    canvas.restoreState()
