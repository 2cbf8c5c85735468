"""Reading an uploaded CSV or XLSX into a table, refusing what cannot be read safely.

`inspect_upload` runs before anything is stored (form validation): the file type by its content and the
declared size of a workbook, read without loading the sheet. `read_table` then reads the rows, keeping each
row's own spreadsheet number (header is row 1; blank rows are skipped but still counted) so that messages point
at the row the user sees.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

import tablib
from django.conf import settings
from django.utils.translation import gettext as _

CSV_DELIMITERS = ",;"
CSV_SAMPLE = 64 * 1024
# Excel on Windows saves "CSV (Comma delimited)" in the ANSI code page, which is cp1252 for Indonesian
CSV_ENCODINGS = ("utf-8-sig", "cp1252")
# a workbook whose sheets unpack to more than this is a zip bomb, whatever its rows say
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


class ImportFileError(ValueError):
    """The file cannot be read as a table of the expected columns."""


@dataclass
class Table:
    dataset: tablib.Dataset
    row_numbers: list  # spreadsheet row number of each dataset row

    def number_of(self, index):
        """The spreadsheet row of the dataset's `index`-th row (1-based, as django-import-export counts)."""
        if index is None or not 1 <= index <= len(self.row_numbers):
            return None
        return self.row_numbers[index - 1]


def _too_many_rows(count):
    return ImportFileError(
        _("Berkas berisi %(count)s baris; paling banyak %(limit)s baris per berkas. Bagi berkas menjadi beberapa.")
        % {"count": f"{count:,}".replace(",", "."), "limit": f"{settings.IMPORT_MAX_ROWS:,}".replace(",", ".")}
    )


def _not_a_workbook():
    return ImportFileError(_("Berkas ini bukan lembar kerja Excel (.xlsx) yang sah."))


def inspect_upload(fileobj, file_format):
    """Refuse a file whose content is not what its extension says, or whose declared size is over the limit.

    Reads only the zip directory and the sheet's `<dimension>` element, never the rows.
    """
    fileobj.seek(0)
    try:
        if file_format == "xlsx":
            _inspect_xlsx(fileobj)
        else:
            _decode(fileobj.read(CSV_SAMPLE), partial=True)
    finally:
        fileobj.seek(0)


def _inspect_xlsx(fileobj):
    if not zipfile.is_zipfile(fileobj):
        raise _not_a_workbook()
    fileobj.seek(0)
    with zipfile.ZipFile(fileobj) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            raise _not_a_workbook()
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ImportFileError(_("Isi lembar kerja terlalu besar untuk diimpor."))
    fileobj.seek(0)
    from openpyxl import load_workbook

    try:
        # read-only mode reads the declared dimension of the sheet and leaves its rows in the zip
        sheet = load_workbook(fileobj, read_only=True, data_only=True).worksheets[0]
    except Exception:  # openpyxl raises many kinds of errors for a damaged workbook
        raise ImportFileError(_("Berkas XLSX rusak atau bukan lembar kerja Excel.")) from None
    declared = sheet.max_row or 0
    if declared - 1 > settings.IMPORT_MAX_ROWS:
        raise _too_many_rows(declared - 1)


def _decode(raw, partial=False):
    for encoding in CSV_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as error:
            if partial and error.start >= len(raw) - 4:
                # the sample may cut a multi-byte character in two
                return raw[: error.start].decode(encoding)
    raise ImportFileError(_("Berkas CSV tidak dapat dibaca sebagai teks; simpan ulang sebagai CSV UTF-8."))


def _csv_rows(raw):
    content = _decode(raw)
    if "\x00" in content:
        raise ImportFileError(_("Berkas ini bukan teks CSV; simpan ulang sebagai CSV (UTF-8)."))
    first_line = content.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # only the delimiter comes from the sniffer: the standard quoting ("" inside quotes is one ") is always right
    # for files written by Excel or LibreOffice, where the sniffer guesses it from one line
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, quotechar='"', doublequote=True)
    yield from reader


FORMULAS_NAMED = 5


def _xlsx_rows(raw):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        # formulas are read as formulas, not as the value last cached by whatever program saved the file: a
        # formula is refused rather than trusted (a cached value may be stale, or missing altogether)
        sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=False).worksheets[0]
        formulas = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            for column, value in enumerate(row, start=1):
                if isinstance(value, str) and value.startswith("="):
                    formulas.append(f"{get_column_letter(column)}{number}")
            if not formulas:
                yield row
    except ImportFileError:
        raise
    except Exception:  # openpyxl raises many kinds of errors for a damaged workbook
        raise ImportFileError(_("Berkas XLSX rusak atau bukan lembar kerja Excel.")) from None
    if formulas:
        raise ImportFileError(
            _(
                "Sel %(cells)s berisi rumus. Salin kolomnya lalu tempel sebagai nilai (Paste Special > Values) "
                "sebelum mengimpor."
            )
            % {"cells": ", ".join(formulas[:FORMULAS_NAMED]) + ("…" if len(formulas) > FORMULAS_NAMED else "")}
        )


def _is_blank(row):
    return not any(cell is not None and str(cell).strip() != "" for cell in row)


def read_table(fileobj, file_format, headers):
    """The file as a Table with normalised headers; every one of `headers` (the required ones) must be present."""
    raw = fileobj.read()
    rows = _csv_rows(raw) if file_format == "csv" else _xlsx_rows(raw)
    header, numbered = None, []
    try:
        for number, row in enumerate(rows, start=1):
            if _is_blank(row):
                continue
            if header is None:
                header = [str(cell or "").strip().lower() for cell in row]
                continue
            if len(numbered) >= settings.IMPORT_MAX_ROWS:
                raise _too_many_rows(len(numbered) + 1)
            numbered.append((number, list(row)))
    except csv.Error:
        raise ImportFileError(_("Berkas CSV tidak dapat dibaca.")) from None
    if header is None:
        raise ImportFileError(_("Berkas kosong: tidak ada baris judul kolom."))
    missing = [column for column in headers if column not in header]
    if missing:
        raise ImportFileError(
            _("Kolom berikut tidak ada di baris pertama berkas: %(columns)s. Gunakan templat yang disediakan.")
            % {"columns": ", ".join(missing)}
        )
    if not numbered:
        raise ImportFileError(_("Berkas hanya berisi baris judul kolom; tidak ada data untuk diimpor."))
    width = len(header)
    dataset = tablib.Dataset(headers=header)
    for _number, row in numbered:
        row = row[:width]
        dataset.append(row + [None] * (width - len(row)))
    return Table(dataset, [number for number, _row in numbered])
