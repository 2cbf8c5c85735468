"""The level texts loaded by migration, the dictionary / standards / assessment results imports (dry run, row
errors in Indonesian, all-or-nothing, the ledger written only through its service), the downloads in the import's
columns and the dictionary API."""

import importlib
import io
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kompetensi.competency.models import CompetencyLevel, CompetencyProfile, Evidence
from kompetensi.models import Competency, JobStandard
from portal.importing import services as import_services
from portal.importing.registry import get_import
from portal.models import ImportJob

LEVEL_TEXTS = importlib.import_module("kompetensi.migrations.0011_competency_level_texts")
NATIONAL = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]


# --- level texts ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("code", NATIONAL)
def test_every_national_competency_has_five_described_levels(code):
    levels = CompetencyLevel.objects.filter(competency__code=code, competency__instansi__isnull=True)
    assert sorted(levels.values_list("level", flat=True)) == [1, 2, 3, 4, 5]
    for level in levels:
        assert level.description.strip()
        assert 2 <= len(level.indicator_list) <= 4, (code, level.level)


@pytest.mark.django_db
def test_loading_again_fills_empty_texts_and_keeps_what_hr_wrote():
    edited = CompetencyLevel.objects.get(competency__code="M.01", competency__instansi__isnull=True, level=2)
    edited.description, edited.indicators = "Teks instansi", "Indikator instansi"
    edited.save()
    emptied = CompetencyLevel.objects.get(competency__code="M.03", competency__instansi__isnull=True, level=4)
    emptied.description = ""
    emptied.save()
    LEVEL_TEXTS.load_level_texts(apps, None)
    edited.refresh_from_db()
    emptied.refresh_from_db()
    assert (edited.description, edited.indicators) == ("Teks instansi", "Indikator instansi")
    assert emptied.description == LEVEL_TEXTS.LEVELS["M.03"][3][0]
    assert CompetencyLevel.objects.filter(competency__instansi__isnull=True).count() == 45


# --- imports ----------------------------------------------------------------------------------------------------


def _csv(kind, rows, name="data.csv"):
    headers = get_import(kind).headers
    lines = [",".join(headers)]
    for row in rows:
        lines.append(",".join(f'"{row.get(h, "")}"' for h in headers))
    return SimpleUploadedFile(name, "\n".join(lines).encode(), content_type="text/csv")


def _preview(user, kind, rows, instansi):
    return import_services.preview_import(user, kind_key=kind, instansi=instansi, uploaded_file=_csv(kind, rows))


def _run(user, job):
    import_services.confirm_import(user, job)
    import_services.run_import(job.pk)
    job.refresh_from_db()
    return job


def test_dictionary_import_writes_own_technical_entries_with_levels(org, dictionary):
    rows = [
        {"kode": "T.KEU.01", "nama": "Pengelolaan Keuangan", "definisi": "Mengelola keuangan daerah.",
         "level_1": "Memahami dasar keuangan", "indikator_1": "Menjelaskan APBD; Menyebut siklus anggaran",
         "level_3": "Menganalisis laporan keuangan"},
        # an existing entry: its name changes, a blank level cell leaves the level as it is
        {"kode": "T.SDM.01", "nama": "Manajemen ASN Lanjut", "level_2": "Menerapkan manajemen ASN"},
    ]  # fmt: skip
    CompetencyLevel.objects.create(competency=dictionary.teknis, level=1, description="Teks lama")
    job = _preview(org.sdm.user, "kamus_kompetensi", rows, org.gorontalo)
    assert job.errors == [] and job.summary["new"] == 1 and job.summary["update"] == 1
    assert not Competency.objects.filter(code="T.KEU.01").exists()  # the preview wrote nothing
    job = _run(org.sdm.user, job)
    assert job.status == ImportJob.Status.DONE, job.errors
    keuangan = Competency.objects.get(code="T.KEU.01")
    assert (keuangan.instansi, keuangan.group) == (org.gorontalo, "teknis")
    level_1 = keuangan.levels.get(level=1)
    assert level_1.indicator_list == ["Menjelaskan APBD", "Menyebut siklus anggaran"]
    dictionary.teknis.refresh_from_db()
    assert dictionary.teknis.name == "Manajemen ASN Lanjut"
    assert dict(dictionary.teknis.levels.values_list("level", "description")) == {
        1: "Teks lama",
        2: "Menerapkan manajemen ASN",
    }
    assert Competency.objects.get(pk=dictionary.teknis_malut.pk).name == "Manajemen ASN (Malut)"


def test_dictionary_import_refuses_national_codes_and_bad_rows_and_writes_nothing(org, dictionary):
    rows = [
        {"kode": "T.OK.01", "nama": "Baik"},
        {"kode": "M.01", "nama": "Integritas versi instansi"},
        {"kode": "T.X.01", "nama": "Salah kelompok", "kelompok": "manajerial"},
        {"kode": "T.X.02", "nama": "Jabatan lain", "kode_jabatan": "TIDAK-ADA"},
        {"kode": "T.OK.01", "nama": "Dua kali"},
    ]
    job = _preview(org.sdm.user, "kamus_kompetensi", rows, org.gorontalo)
    by_row = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert "kamus nasional" in by_row[(3, "kode")]
    assert "manajerial" in by_row[(4, "kelompok")] and "tidak dikenal" in by_row[(4, "kelompok")]
    assert "tidak ditemukan di instansi ini" in by_row[(5, "kode_jabatan")]
    assert any(row == 6 for row, _column in by_row)
    with pytest.raises(Exception):  # noqa: B017 - a job with errors cannot be confirmed
        import_services.confirm_import(org.sdm.user, job)
    assert not Competency.objects.filter(code="T.OK.01").exists()
    assert Competency.objects.get(code="M.01", instansi__isnull=True).name == "Integritas"


def test_standards_import_creates_and_updates_within_the_instansi(org, dictionary):
    from tests.factories import make_jabatan

    make_jabatan(org.malut, "MALUT-J", "fungsional", "Jabatan Malut")
    rows = [
        {"kode_jabatan": "ANALIS", "kode_kompetensi": "M.01", "level": "4"},  # existing standard: updated
        {"kode_jabatan": "ANALIS", "kode_kompetensi": "m.05", "level": "2"},  # new; codes case-insensitive
    ]
    job = _preview(org.sdm.user, "standar_kompetensi", rows, org.gorontalo)
    assert job.errors == [] and (job.summary["new"], job.summary["update"]) == (1, 1)
    job = _run(org.sdm.user, job)
    assert job.status == ImportJob.Status.DONE, job.errors
    levels = dict(
        JobStandard.objects.filter(jabatan=dictionary.jabatan).values_list("competency__code", "required_level")
    )
    assert levels["M.01"] == 4 and levels["M.05"] == 2 and levels["T.SDM.01"] == 4
    assert (
        JobStandard.objects.get(jabatan=dictionary.jabatan, competency__code="T.SDM.01").competency == dictionary.teknis
    )


def test_standards_import_reports_every_bad_row(org, dictionary):
    rows = [
        {"kode_jabatan": "MALUT-J", "kode_kompetensi": "M.01", "level": "3"},
        {"kode_jabatan": "ANALIS", "kode_kompetensi": "T.TIDAK", "level": "3"},
        {"kode_jabatan": "ANALIS", "kode_kompetensi": "M.02", "level": "7"},
        {"kode_jabatan": "ANALIS", "kode_kompetensi": "M.06", "level": ""},
        {"kode_jabatan": "ANALIS", "kode_kompetensi": "M.07", "level": "2"},
        {"kode_jabatan": "ANALIS", "kode_kompetensi": "M.07", "level": "3"},
    ]
    job = _preview(org.sdm.user, "standar_kompetensi", rows, org.gorontalo)
    messages = {e["row"]: e["message"] for e in job.errors}
    assert "tidak ditemukan di instansi ini" in messages[2]
    assert "tidak ada di kamus kompetensi" in messages[3]
    assert "antara 1 dan 5" in messages[4]
    assert "wajib diisi" in messages[5]
    assert "baris 6" in messages[7]
    assert not JobStandard.objects.filter(competency__code__in=["M.02", "M.06", "M.07"]).exists()


def _results(org, **overrides):
    day = (timezone.localdate() - timedelta(days=10)).isoformat()
    row = {"nip": org.pegawai.nip, "kode_kompetensi": "M.01", "level": "3", "tanggal": day,
           "sumber": "assessment_center", "catatan": ""}  # fmt: skip
    row.update(overrides)
    return row


def test_assessment_results_import_writes_the_ledger_through_its_service(org, dictionary):
    rows = [_results(org, catatan="AC 2026"), _results(org, kode_kompetensi="T.SDM.01", sumber="uji_kompetensi")]
    job = _preview(org.sdm.user, "hasil_asesmen", rows, org.gorontalo)
    assert job.errors == [] and job.summary["new"] == 2
    assert not Evidence.objects.exists()  # dry run
    job = _run(org.sdm.user, job)
    assert job.status == ImportJob.Status.DONE, job.errors
    entries = Evidence.objects.filter(pegawai=org.pegawai)
    assert {(e.competency.code, e.source, e.recorded_by) for e in entries} == {
        ("M.01", "assessment_center", org.sdm.user), ("T.SDM.01", "uji_kompetensi", org.sdm.user)
    }  # fmt: skip
    # the profile follows the ledger, as when the service is called from a page
    assert CompetencyProfile.objects.get(pegawai=org.pegawai, competency__code="M.01").level == 3


def test_assessment_results_import_refuses_bad_rows_and_writes_nothing(org, dictionary):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    rows = [
        _results(org),  # fine, but the file has errors: nothing is written
        _results(org, nip=org.pegawai_malut.nip),  # another instansi's employee
        _results(org, sumber="self"),  # a claim, not an assessment
        _results(org, kode_kompetensi="T.TIDAK"),
        _results(org, level="9", tanggal=(timezone.localdate() - timedelta(days=20)).isoformat()),
        _results(org, tanggal=future),
        _results(org, tanggal="kemarin"),
    ]
    job = _preview(org.sdm.user, "hasil_asesmen", rows, org.gorontalo)
    messages = {e["row"]: e["message"] for e in job.errors}
    assert 2 not in messages
    assert "tidak ditemukan" in messages[3]
    assert "self" in messages[4] and "tidak dikenal" in messages[4]
    assert "tidak ada di kamus" in messages[5]
    assert "antara 1 dan 5" in messages[6]
    assert "masa depan" in messages[7]
    assert "tidak dikenali" in messages[8]
    assert not Evidence.objects.exists()


def test_assessment_results_import_needs_hr(org, dictionary):
    from django.core.exceptions import PermissionDenied

    for person in (org.pegawai, org.atasan):
        with pytest.raises(PermissionDenied):
            _preview(person.user, "hasil_asesmen", [_results(org)], org.gorontalo)
    with pytest.raises(PermissionDenied):  # HR of another instansi
        _preview(org.sdm_malut.user, "hasil_asesmen", [_results(org)], org.gorontalo)


def test_assessment_results_duplicates_are_one_row_error(org, dictionary):
    job = _preview(org.sdm.user, "hasil_asesmen", [_results(org), _results(org)], org.gorontalo)
    assert {e["row"] for e in job.errors} == {3}


# --- downloads ----------------------------------------------------------------------------------------------------


def _sheet(response):
    book = load_workbook(io.BytesIO(response.content))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_dictionary_download_reimports_and_is_formula_safe(org, dictionary, login):
    dictionary.teknis.definition = '=HYPERLINK("http://x")'
    dictionary.teknis.save()
    response = login(org.sdm).get(reverse("competency_dictionary_export"))
    assert response.status_code == 200
    rows = _sheet(response)
    assert rows[0][:5] == ["kode", "nama", "kelompok", "kode_jabatan", "definisi"] and "indikator_5" in rows[0]
    codes = [row[0] for row in rows[1:]]
    assert "M.01" in codes and "T.SDM.01" in codes and codes.count("T.SDM.01") == 1  # not Malut's
    teknis = next(row for row in rows if row[0] == "T.SDM.01")
    assert teknis[4].startswith("'=")
    integritas = next(row for row in rows if row[0] == "M.01")
    assert integritas[rows[0].index("level_1")].startswith("Mampu bertindak")
    assert login(org.pegawai).get(reverse("competency_dictionary_export")).status_code == 403


def test_standards_download_lists_own_standards_in_import_columns(org, dictionary, login):
    response = login(org.sdm).get(reverse("competency_standards_export"))
    rows = _sheet(response)
    assert rows[0] == ["kode_jabatan", "kode_kompetensi", "level"]
    assert sorted(rows[1:]) == sorted([["ANALIS", "M.01", "3"], ["ANALIS", "M.03", "3"], ["ANALIS", "M.04", "3"],
                                       ["ANALIS", "T.SDM.01", "4"]])  # fmt: skip
    assert _sheet(login(org.sdm_malut).get(reverse("competency_standards_export")))[1:] == []


# --- API ----------------------------------------------------------------------------------------------------------

API = "/api/v1/competency/dictionary/"


def test_dictionary_api_is_the_dictionary_in_force_for_my_instansi(org, dictionary, login):
    Competency.objects.create(instansi=org.gorontalo, group="teknis", code="T.OLD", name="Lama", is_active=False)
    body = login(org.pegawai).get(API).json()
    codes = [item["code"] for item in body["results"]]
    assert set(NATIONAL) <= set(codes) and "T.SDM.01" in codes
    assert "T.OLD" not in codes
    teknis = next(item for item in body["results"] if item["code"] == "T.SDM.01")
    assert teknis["name"] == "Manajemen ASN" and teknis["national"] is False  # never Malut's of the same code
    integritas = next(item for item in body["results"] if item["code"] == "M.01")
    assert [level["level"] for level in integritas["levels"]] == [1, 2, 3, 4, 5]
    assert integritas["levels"][0]["indicators"][0].startswith("Bertingkah laku")
    malut = login(org.pegawai_malut).get(API).json()["results"]
    assert next(item for item in malut if item["code"] == "T.SDM.01")["name"] == "Manajemen ASN (Malut)"
    only = login(org.pegawai).get(API, {"group": "teknis"}).json()["results"]
    assert [item["code"] for item in only] == ["T.SDM.01"]


def test_dictionary_api_needs_login_and_is_in_the_schema(org, dictionary, client, login):
    assert client.get(API).status_code in (401, 403)
    schema = login(org.pegawai).get("/api/v1/schema/").content.decode()
    assert "/api/v1/competency/dictionary/" in schema


def test_dictionary_api_costs_the_same_for_more_entries(org, dictionary, login, django_assert_max_num_queries):
    client = login(org.pegawai)
    client.get(API)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(API)
    baseline = len(few.captured_queries)
    for n in range(10):
        competency = Competency.objects.create(instansi=org.gorontalo, group="teknis", code=f"T.A.{n}", name=f"A{n}")
        CompetencyLevel.objects.create(competency=competency, level=1, description="d", indicators="a\nb")
    with django_assert_max_num_queries(baseline):
        assert len(client.get(API).json()["results"]) == 20
