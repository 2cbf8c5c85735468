"""Small helpers shared by the import tests."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.resources import IMPORT_COLUMNS
from portal.roles import ensure_role_groups

PEGAWAI_HEADERS = [header for header, _example in IMPORT_COLUMNS["pegawai"]]


def csv_upload(rows, headers=PEGAWAI_HEADERS, name="pegawai.csv", content_type="text/csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in headers])
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type=content_type)


def pegawai_row(nip, nama, unit="BKD-PK", **extra):
    return {"nip": nip, "nama": nama, "status": "PNS", "kode_unit": unit, "golongan": "III/a", **extra}


@pytest.fixture
def role_permissions(db):
    """The org fixture creates the groups by name only; give them their permissions (portal.roles)."""
    ensure_role_groups()


def fresh(who):
    """The user behind a pegawai, loaded anew: role and pegawai lookups are cached on user objects, and the
    org fixture's objects may carry values cached while the fixture was still building them."""
    return get_user_model().objects.get(pk=getattr(who, "user_id", None) or who.pk)


def xlsx_upload(rows, headers=PEGAWAI_HEADERS, name="pegawai.xlsx"):
    """An XLSX upload; cells keep their Python types (an int NIP is a number cell, as Excel would store it)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row if isinstance(row, list) else [row.get(header, "") for header in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def declared_huge_xlsx(ref="A1:Z5000000"):
    """A few KB of XLSX whose sheet declares millions of rows in its <dimension> (a decompression trap)."""
    import re
    import zipfile

    small = xlsx_upload([["199003152015032001", "Satu"]], headers=["nip", "nama"]).read()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(small)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(), data)
                assert ref.encode() in data
            target.writestr(item, data)
    return SimpleUploadedFile("besar.xlsx", out.getvalue(), content_type=XLSX)


def row_counts():
    from portal.models import Jabatan, Pegawai, UnitKerja

    return (Pegawai.objects.count(), UnitKerja.objects.count(), Jabatan.objects.count())
