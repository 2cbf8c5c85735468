"""The import pages in the Wagtail admin: upload validation, templates, preview, confirm, progress, scoping."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from portal.models import ImportJob, Pegawai, UnitKerja
from portal.resources import IMPORT_COLUMNS, IMPORT_MORE_EXAMPLES
from tests.factories import valid_nip

from .import_helpers import csv_upload, pegawai_row, role_permissions  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_permissions")]

INDEX = reverse("portal_import:index")


def upload(client, file, kind="pegawai", **extra):
    return client.post(INDEX, {"kind": kind, "file": file, **extra})


def test_index_lists_kinds_and_is_closed_to_plain_employees(org, login):
    page = login(org.sdm).get(INDEX)
    assert page.status_code == 200
    for label in ("Pegawai", "Unit kerja", "Jabatan"):
        assert label in page.text
    assert login(org.pegawai).get(INDEX).status_code in (302, 403)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_templates_have_the_header_and_an_example_row(org, login, fmt):
    response = login(org.sdm).get(reverse("portal_import:template", args=["pegawai", fmt]))
    assert response.status_code == 200
    headers, example = (list(column) for column in zip(*IMPORT_COLUMNS["pegawai"], strict=True))
    more = [[extra.get(header, "") for header in headers] for extra in IMPORT_MORE_EXAMPLES["pegawai"]]
    # the fixture's instansi has unit BKD-PK but no jabatan yet: the sample's jabatan code is left blank
    example[headers.index("kode_jabatan")] = ""
    expected = [headers, example, *more]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        rows = [
            [cell or "" for cell in row]
            for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
        ]
    assert rows == expected


def test_wrong_type_and_too_big_are_refused(org, login, settings):
    client = login(org.sdm)
    before = ImportJob.objects.count()
    response = upload(client, SimpleUploadedFile("data.txt", b"nip,nama\n", content_type="text/plain"))
    assert "Hanya berkas .xlsx atau .csv" in response.text
    response = upload(client, SimpleUploadedFile("data.xlsx", b"nip,nama\n1,2\n", content_type="text/csv"))
    assert "tidak sesuai dengan ekstensi" in response.text
    response = upload(client, SimpleUploadedFile("data.xlsx", b"not a zip", content_type="application/octet-stream"))
    assert "bukan lembar kerja Excel" in response.text
    response = upload(client, SimpleUploadedFile("data.csv", b"PK\x03\x04zipped", content_type="text/csv"))
    assert "bukan teks CSV" in response.text
    settings.IMPORT_MAX_UPLOAD_SIZE = 50
    response = upload(client, csv_upload([pegawai_row(valid_nip(), "Nama Panjang Sekali")]))
    assert "Berkas terlalu besar" in response.text
    assert ImportJob.objects.count() == before


def test_preview_confirm_and_summary_through_the_pages(org, login, django_capture_on_commit_callbacks):
    client = login(org.sdm)
    nip = valid_nip()
    response = upload(client, csv_upload([pegawai_row("12345", "Salah"), pegawai_row(nip, "Benar")]))
    job = ImportJob.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == reverse("portal_import:job", args=[job.pk])
    page = client.get(response["Location"])
    assert "NIP harus 18 digit" in page.text and "Konfirmasi" not in page.text
    assert client.post(reverse("portal_import:confirm", args=[job.pk])).status_code == 302
    assert not Pegawai.objects.filter(nip=nip).exists()

    response = upload(client, csv_upload([pegawai_row(nip, "Benar")]))
    job = ImportJob.objects.latest("pk")
    page = client.get(response["Location"])
    assert "1 data baru" in page.text and "Konfirmasi dan jalankan impor" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("portal_import:confirm", args=[job.pk]))
    page = client.get(reverse("portal_import:job", args=[job.pk]))
    assert "Impor selesai: 1 data baru" in page.text
    status = client.get(reverse("portal_import:status", args=[job.pk])).json()
    assert status["finished"] and status["percent"] == 100
    assert Pegawai.objects.get(nip=nip).instansi == org.gorontalo


def test_xlsx_unit_import_with_parent_later_in_the_file(org, login, django_capture_on_commit_callbacks):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["kode", "nama", "kode_induk"])
    sheet.append(["SUB-1", "Subbidang Satu", "BID-BARU"])
    sheet.append(["BID-BARU", "Bidang Baru", "BKD"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = login(org.sdm)
    file = SimpleUploadedFile("unit.xlsx", buffer.getvalue(), content_type="application/octet-stream")
    response = upload(client, file, kind="unit_kerja")
    job = ImportJob.objects.latest("pk")
    assert job.errors == [] and job.summary["new"] == 2, job.errors
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("portal_import:confirm", args=[job.pk]))
    sub = UnitKerja.objects.select_related("parent__parent").get(instansi=org.gorontalo, code="SUB-1")
    assert sub.parent.code == "BID-BARU" and sub.parent.parent == org.bkd
    assert response.status_code == 302


def test_jabatan_import_validates_kind_and_kelas(org, login):
    client = login(org.sdm)
    file = csv_upload(
        [{"kode": "A", "nama": "A", "jenis": "raja", "kelas": "99"}, {"kode": "B", "nama": "B", "jenis": "pelaksana"}],
        headers=["kode", "nama", "jenis", "jenjang", "kelas"],
        name="jabatan.csv",
    )
    upload(client, file, kind="jabatan")
    job = ImportJob.objects.latest("pk")
    assert {(e["row"], e["column"]) for e in job.errors} == {(2, "jenis"), (2, "kelas")}
    assert "antara 1 dan 17" in next(e["message"] for e in job.errors if e["column"] == "kelas")


def test_jobs_of_another_instansi_answer_404(org, login):
    upload(login(org.sdm), csv_upload([pegawai_row(valid_nip(), "Rahasia")]))
    job = ImportJob.objects.latest("pk")
    client = login(org.sdm_malut)
    for name in ("job", "status"):
        assert client.get(reverse(f"portal_import:{name}", args=[job.pk])).status_code == 404
    assert client.post(reverse("portal_import:confirm", args=[job.pk])).status_code == 404
    assert "Rahasia" not in client.get(INDEX).text


def test_admin_sdm_cannot_import_into_another_instansi(org, login):
    client = login(org.sdm_malut)
    upload(client, csv_upload([pegawai_row(valid_nip(), "Masuk Malut", unit="BKD")]), instansi=org.gorontalo.pk)
    job = ImportJob.objects.latest("pk")
    assert job.instansi == org.malut and job.errors == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_template_as_downloaded_passes_its_own_dry_run(org, login, fmt, django_capture_on_commit_callbacks):
    """In a new instansi, the templates imported in order (each sample refers to the previous ones) preview clean."""
    from portal.importing import services
    from tests.factories import make_instansi

    instansi = make_instansi("baru", "Pemerintah Kabupaten Baru")
    client = login(org.superadmin)
    for kind in ("unit_kerja", "jabatan", "pegawai", "hukuman_disiplin"):
        content = client.get(reverse("portal_import:template", args=[kind, fmt])).content
        upload = SimpleUploadedFile(f"templat.{fmt}", content)
        job = services.preview_import(org.superadmin, kind_key=kind, instansi=instansi, uploaded_file=upload)
        assert job.errors == [], (kind, job.errors)
        assert job.summary["new"] >= 1
        with django_capture_on_commit_callbacks(execute=True):
            services.confirm_import(org.superadmin, job)
        job.refresh_from_db()
        assert job.status == ImportJob.Status.DONE, (kind, job.errors)
    siti = Pegawai.objects.get(nip=IMPORT_COLUMNS["pegawai"][0][1])
    assert siti.instansi == instansi and siti.atasan.nama == "Ahmad Hidayat" and siti.jabatan.code == "ANALIS-SDM"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_pegawai_template_downloaded_into_an_existing_instansi_passes_its_own_dry_run(org, login, fmt):
    """An Admin SDM downloads only the employee template: its samples name a unit and jabatan of their own instansi
    (not the codes of the other templates) and NIPs nobody holds, so the file as downloaded previews clean."""
    from portal.importing import services
    from tests.factories import make_jabatan, make_pegawai

    make_jabatan(org.gorontalo, "ANALIS-KEPEGAWAIAN", kind="fungsional")
    # the sample's own NIP is already someone's (in another instansi): the template offers a free one
    make_pegawai(org.malut, org.malut_unit, nip=IMPORT_COLUMNS["pegawai"][0][1])
    client = login(org.sdm)
    content = client.get(reverse("portal_import:template", args=["pegawai", fmt])).content
    job = services.preview_import(
        org.sdm.user, kind_key="pegawai", instansi=org.gorontalo, uploaded_file=SimpleUploadedFile(f"t.{fmt}", content)
    )
    assert job.errors == [], job.errors
    assert job.summary["new"] == 1 + len(IMPORT_MORE_EXAMPLES["pegawai"])
    assert [row["object"].split(" (")[0] for row in job.summary["rows"]] == [
        "Siti Aminah, S.E., M.M.",
        "Ahmad Hidayat",
        "Dewi Lestari",
    ]
