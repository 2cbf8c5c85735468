"""Reading uploads: numeric NIPs, CSV quoting and delimiters, spreadsheet row numbers, size and row limits."""

import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.importing import services
from portal.importing.errors import combined
from portal.models import ImportJob, Pegawai, UnitKerja
from tests.factories import valid_nip

from .import_helpers import (  # noqa: F401
    csv_upload,
    declared_huge_xlsx,
    fresh,
    pegawai_row,
    role_permissions,
    row_counts,
    xlsx_upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_permissions")]

INDEX = reverse("portal_import:index")


def preview(org, upload, kind="pegawai"):
    return services.preview_import(fresh(org.sdm), kind_key=kind, instansi=org.gorontalo, uploaded_file=upload)


def test_nip_typed_as_a_number_in_excel_is_refused_not_rounded(org):
    nip, atasan = valid_nip(), valid_nip()
    before = row_counts()
    job = preview(
        org,
        xlsx_upload(
            [
                pegawai_row(int(nip), "Angka"),  # as Excel stores an 18-digit number: already rounded
                pegawai_row(nip, "Atasan Angka", nip_atasan=float(atasan)),
                pegawai_row("1.98501E+17", "Dari CSV Excel"),
            ]
        ),
    )
    assert row_counts() == before
    by_row = {error["row"]: error for error in job.errors}
    assert set(by_row) == {2, 3, 4} and len(job.errors) == 3  # one message per cause, not one per column
    assert by_row[2]["column"] == "nip" and by_row[3]["column"] == "nip_atasan" and by_row[4]["column"] == "nip"
    assert "Format kolom nip sebagai Teks" in by_row[2]["message"]
    assert "Format kolom nip_atasan sebagai Teks" in by_row[3]["message"]
    assert not Pegawai.objects.filter(nama__in=["Angka", "Atasan Angka"]).exists()


def test_nip_as_text_in_xlsx_is_accepted(org):
    job = preview(org, xlsx_upload([pegawai_row(valid_nip(), "Teks")]))
    assert job.errors == [] and job.summary["new"] == 1


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_quoting_and_delimiter(org, delimiter, django_capture_on_commit_callbacks):
    body = delimiter.join(["kode", "nama", "kode_induk"]) + "\r\n"
    body += delimiter.join(["KOMINFO-2", '"Dinas ""Kominfo"""', "BKD"]) + "\r\n"
    body += delimiter.join(["KOMINFO-3", '"Bidang A; B, dan C"', ""]) + "\r\n"
    upload = SimpleUploadedFile("unit.csv", ("\ufeff" + body).encode(), content_type="text/csv")
    job = preview(org, upload, kind="unit_kerja")
    assert job.errors == []
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_import(fresh(org.sdm), job)
    assert UnitKerja.objects.get(code="KOMINFO-2").name == 'Dinas "Kominfo"'
    assert UnitKerja.objects.get(code="KOMINFO-3").name == "Bidang A; B, dan C"


def test_row_numbers_are_the_spreadsheets_own_with_blank_rows_counted(org):
    good, dup = valid_nip(), valid_nip()
    rows = [
        pegawai_row(good, "Baik"),  # row 2
        {},  # row 3: blank
        pegawai_row("123", "NIP Pendek"),  # row 4
        pegawai_row(dup, "Satu"),  # row 5
        {},  # row 6: blank
        pegawai_row(dup, "Dua", kode_unit="TIDAK-ADA"),  # row 7
    ]
    job = preview(org, csv_upload(rows))
    assert job.total_rows == 4
    assert [(e["row"], e["column"]) for e in job.errors] == [(4, "nip"), (7, "kode_unit"), (7, "nip")]
    assert "baris 5" in job.errors[2]["message"]


def test_errors_sorted_and_one_message_per_cause():
    errors = combined(
        [{"row": 9, "column": "b", "message": "sama"}, {"row": 3, "column": "x", "message": "lain"}],
        [{"row": 9, "column": "a", "message": "sama"}, {"row": None, "column": "", "message": "berkas"}],
    )
    assert errors == [
        {"row": None, "column": "", "message": "berkas"},
        {"row": 3, "column": "x", "message": "lain"},
        {"row": 9, "column": "b, a", "message": "sama"},
    ]


def test_declared_huge_sheet_is_refused_quickly_without_reading_it(org, login):
    client = login(org.sdm)
    upload = declared_huge_xlsx()
    assert upload.size < 10_000
    tracemalloc.start()
    started = time.perf_counter()
    response = client.post(INDEX, {"kind": "pegawai", "file": upload})
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "paling banyak 25.000 baris" in response.text and "4.999.999" in response.text
    assert elapsed < 5 and peak < 30 * 1024 * 1024
    assert not ImportJob.objects.exists()


def test_too_many_rows_in_csv_is_refused(org, settings):
    settings.IMPORT_MAX_ROWS = 3
    before = row_counts()
    job = preview(org, csv_upload([pegawai_row(valid_nip(), f"P {i}") for i in range(4)]))
    assert "paling banyak 3 baris" in job.errors[0]["message"] and job.errors[0]["row"] is None
    assert not job.file and row_counts() == before


def test_zip_that_is_not_a_workbook_is_refused(org, login):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("catatan.txt", "bukan excel")
    upload = SimpleUploadedFile("data.xlsx", buffer.getvalue(), content_type="application/zip")
    response = login(org.sdm).post(INDEX, {"kind": "pegawai", "file": upload})
    assert "bukan lembar kerja Excel" in response.text and not ImportJob.objects.exists()
