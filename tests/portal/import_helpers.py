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
