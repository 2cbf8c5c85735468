"""The one exporter: every spreadsheet cell that a spreadsheet would evaluate is neutralised."""

import csv
import io
from decimal import Decimal

import pytest

from portal.exporting import Sheet, csv_bytes, escape_formula, resource_sheet, spreadsheet_response, xlsx_bytes
from tests.export_helpers import HOSTILE, assert_no_formula


@pytest.mark.parametrize("value", HOSTILE + ["\r=x", '=HYPERLINK("http://x")'])
def test_formula_starts_are_escaped(value):
    assert escape_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["-5", "+62 812-3456", "(0435) 123", "Siti", "", 12, None])
def test_numbers_phones_and_plain_text_stay_readable(value):
    assert escape_formula(value) == value


def test_xlsx_has_no_formula_in_headers_rows_or_several_sheets():
    first = Sheet("Satu", ["=kolom", "nilai"], [[text, 3] for text in HOSTILE], text_columns=(0,))
    second = Sheet("Dua", rows=[[text, Decimal("1.5"), -5] for text in HOSTILE])
    values = assert_no_formula(xlsx_bytes(first, second))
    assert "'=1+1" in values and "'\t=x" in values and -5 in values


def test_csv_escapes_too():
    body = csv_bytes(Sheet("x", ["nama"], [[text] for text in HOSTILE] + [["+62 812"]])).decode("utf-8-sig")
    values = [row[0] for row in csv.reader(io.StringIO(body))]
    assert values == ["nama", *("'" + text for text in HOSTILE), "+62 812"]


def test_resource_export_goes_through_the_escaping(org):
    from portal.resources import PegawaiResource

    org.pegawai.nama = "=1+1"
    org.pegawai.save()
    sheet = resource_sheet(PegawaiResource(instansi=org.gorontalo), None)
    response = spreadsheet_response("pegawai", sheet)
    assert response["Content-Disposition"] == 'attachment; filename="pegawai.xlsx"'
    assert "'=1+1" in assert_no_formula(response.content)
