"""One exporter for every spreadsheet Lentera writes: a cell that starts like a formula is neutralised.

Every XLSX or CSV a user downloads (participant lists, JP compliance, acknowledgement reports, admin listings,
import templates) goes through `xlsx_bytes` / `csv_bytes` (or the `spreadsheet_response` around them), so a name
typed as "=HYPERLINK(...)" by one user never runs in the spreadsheet of another.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a phone number or a negative number is not a formula, and must stay readable
HARMLESS = re.compile(r"[+-]?[\d\s().-]*")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def escape_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_START) and not HARMLESS.fullmatch(value):
        return "'" + value
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, int | float | bool) or hasattr(value, "isoformat"):
        return value
    if hasattr(value, "as_tuple"):  # Decimal: openpyxl writes it as a number
        return value
    return escape_formula(str(value))


@dataclass
class Sheet:
    """One worksheet: a title, a header row (may be empty) and rows of plain values."""

    title: str
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    text_columns: tuple = ()  # column indexes kept as text in Excel (NIPs, codes with leading zeros)


def resource_sheet(resource, queryset, title="Data"):
    """A django-import-export resource's export as a Sheet (the resource's own rendering, our escaping)."""
    dataset = resource.export(queryset)
    return Sheet(str(title), list(dataset.headers or []), [list(row) for row in dataset])


def xlsx_bytes(*sheets):
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        worksheet = book.create_sheet(str(sheet.title)[:31])
        if sheet.headers:
            worksheet.append([_cell(str(header)) for header in sheet.headers])
            for cell in worksheet[1]:
                cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append([_cell(value) for value in row])
        for index in sheet.text_columns:
            for (cell,) in worksheet.iter_rows(min_col=index + 1, max_col=index + 1):
                cell.number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(sheet):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if sheet.headers:
        writer.writerow([_cell(str(header)) for header in sheet.headers])
    for row in sheet.rows:
        writer.writerow([_cell(value) for value in row])
    # a byte-order mark so that Excel opens the file as UTF-8
    return ("\ufeff" + buffer.getvalue()).encode()


def spreadsheet_response(filename, *sheets, fmt="xlsx"):
    """An attachment download of the sheets; CSV holds only the first."""
    if fmt == "csv":
        response = HttpResponse(csv_bytes(sheets[0]), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(xlsx_bytes(*sheets), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
