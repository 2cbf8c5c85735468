"""A corpus of malformed (and awkward but valid) uploads: each gets a clear Indonesian message or the right parse,
and none writes a pegawai, unit or jabatan."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.models import ImportJob
from tests.factories import valid_nip

from .import_helpers import (  # noqa: F401
    PEGAWAI_HEADERS,
    csv_upload,
    declared_huge_xlsx,
    pegawai_row,
    role_permissions,
    row_counts,
    xlsx_upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_permissions")]

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def raw_csv(text, encoding="utf-8"):
    return SimpleUploadedFile("pegawai.csv", text.encode(encoding), content_type="text/csv")


def csv_text(rows, delimiter=","):
    lines = [delimiter.join(PEGAWAI_HEADERS)]
    lines += [delimiter.join(str(row.get(header, "")) for header in PEGAWAI_HEADERS) for row in rows]
    return "\r\n".join(lines) + "\r\n"


def not_a_workbook_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile("pegawai.xlsx", buffer.getvalue(), content_type="application/zip")


def formula_xlsx():
    row = pegawai_row(valid_nip(), "=1+1")
    return xlsx_upload([row])


NIP_A, NIP_B = valid_nip(), valid_nip()

# (id, upload factory, expected message, or None when the file must parse cleanly)
REFUSED = [
    ("empty", lambda: SimpleUploadedFile("pegawai.csv", b"", content_type="text/csv"), "kosong"),
    ("header-only", lambda: csv_upload([]), "hanya berisi baris judul kolom"),
    ("wrong-headers", lambda: raw_csv("nomor,nama lengkap\n1,Siti\n"), "Kolom berikut tidak ada"),
    ("png-as-xlsx", lambda: SimpleUploadedFile("pegawai.xlsx", PNG, content_type="image/png"), "tidak sesuai"),
    (
        "png-as-xlsx-octet",
        lambda: SimpleUploadedFile("pegawai.xlsx", PNG, content_type="application/octet-stream"),
        "bukan lembar kerja Excel",
    ),
    ("zip-not-xlsx", not_a_workbook_zip, "bukan lembar kerja Excel"),
    ("formula-cells", formula_xlsx, "berisi rumus"),
    ("numeric-nip", lambda: xlsx_upload([pegawai_row(int(valid_nip()), "Angka")]), "sebagai Teks"),
    ("nip-19-digits", lambda: csv_upload([pegawai_row(valid_nip() + "1", "Panjang")]), "NIP harus 18 digit"),
    (
        "duplicate-nip",
        lambda: csv_upload([pegawai_row(NIP_A, "Satu"), pegawai_row(NIP_A, "Dua")]),
        "sudah ada di baris 2",
    ),
    ("declared-huge", declared_huge_xlsx, "paling banyak 25.000 baris"),
    (
        "binary-csv",
        lambda: SimpleUploadedFile("pegawai.csv", b"nip,nama\x00\x01", content_type="text/csv"),
        "bukan teks CSV",
    ),
]


@pytest.mark.parametrize("make_upload, message", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_malformed_upload_is_refused_with_a_message_and_writes_nothing(org, login, make_upload, message):
    before = row_counts()
    response = login(org.sdm).post(
        reverse("portal_import:index"), {"kind": "pegawai", "file": make_upload()}, follow=True
    )
    assert response.status_code == 200
    assert message in response.text
    assert row_counts() == before
    for job in ImportJob.objects.all():
        assert job.errors and job.status == ImportJob.Status.PREVIEWED


def test_too_many_rows(org, login, settings):
    settings.IMPORT_MAX_ROWS = 5
    before = row_counts()
    upload = csv_upload([pegawai_row(valid_nip(), f"Banyak {i}") for i in range(6)])
    response = login(org.sdm).post(reverse("portal_import:index"), {"kind": "pegawai", "file": upload}, follow=True)
    assert "paling banyak 5 baris" in response.text and row_counts() == before


PARSED = [
    (
        "latin1-accents",
        lambda: raw_csv(csv_text([pegawai_row(NIP_B, "José Ñúñez Çelik")]), "cp1252"),
        "José Ñúñez Çelik",
    ),
    ("semicolon", lambda: raw_csv(csv_text([pegawai_row(NIP_B, "Titik Koma")], ";")), "Titik Koma"),
    (
        "doubled-quotes",
        lambda: raw_csv(csv_text([pegawai_row(NIP_B, '"Siti ""Ani"" Aminah"')])),
        'Siti "Ani" Aminah',
    ),
    (
        "bom-and-blank-rows",
        lambda: raw_csv("\ufeff" + csv_text([{}, pegawai_row(NIP_B, "Setelah Kosong"), {}])),
        "Setelah Kosong",
    ),
]


@pytest.mark.parametrize("make_upload, name", [case[1:] for case in PARSED], ids=[case[0] for case in PARSED])
def test_awkward_but_valid_files_parse_right_and_only_preview(org, login, make_upload, name):
    before = row_counts()
    response = login(org.sdm).post(
        reverse("portal_import:index"), {"kind": "pegawai", "file": make_upload()}, follow=True
    )
    job = ImportJob.objects.get()
    assert job.errors == [], job.errors
    assert job.summary["new"] == 1 and name in job.summary["rows"][0]["object"]
    assert "Konfirmasi dan jalankan impor" in response.text
    assert row_counts() == before
