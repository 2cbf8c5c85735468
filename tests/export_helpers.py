"""Hostile cell text and the check that an exported spreadsheet runs none of it."""

from io import BytesIO

from openpyxl import load_workbook

HOSTILE = ["=1+1", "@SUM(A1)", "+cmd", "-2+3", "\t=x"]


def assert_no_formula(content):
    """Every cell of every sheet is inert: no formula cell, no text a spreadsheet would evaluate."""
    book = load_workbook(BytesIO(content))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert cells
    for cell in cells:
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            assert not cell.value.startswith("="), (cell.coordinate, cell.value)
            assert cell.value not in HOSTILE, (cell.coordinate, cell.value)
    return [cell.value for cell in cells]
