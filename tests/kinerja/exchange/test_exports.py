"""The exports to SIASN / e-Kinerja BKN: the header row exactly, the values of each column, formula-safety, scoping
to HR of the instansi and a constant number of queries."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from portal.models import Pegawai
from tests.export_helpers import assert_no_formula
from tests.factories import make_pegawai
from tests.kinerja.conftest import approved_skp

from .conftest import approved_external, completed_course

pytestmark = pytest.mark.django_db

RESULT_HEADER = [
    "nipBaru", "nama", "tahun", "bulanMulaiPenilaian", "bulanSelesaiPenilaian", "hasilKinerja", "hasilKinerjaNilai",
    "perilakuKerja", "perilakuKerjaNilai", "kuadranKinerja", "kuadranKinerjaNilai", "penilaiNipNrp", "penilaiNama",
    "penilaiJabatan", "penilaiUnorNama", "statusPenilai", "atasanPenilaiNipNrp", "atasanPenilaiNama",
    "atasanPenilaiJabatan", "atasanPenilaiUnorNama", "statusEvaluasi",
]  # fmt: skip
PLAN_HEADER = [
    "NIP", "NAMA", "TAHUN", "PERIODE", "JENIS RHK", "RENCANA HASIL KERJA",
    "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET", "STATUS SKP",
]  # fmt: skip
TRAINING_HEADER = [
    "nipBaru", "nama", "jenisDiklat", "namaKursus", "institusiPenyelenggara", "tanggalKursus", "tanggalSelesaiKursus",
    "jumlahJam", "nomorSertipikat", "tahunKursus",
]  # fmt: skip


def csv_rows(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def by_nip(rows):
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def results_url(period, fmt="csv"):
    return reverse("kinerja:exchange_results", args=[period.pk]) + f"?format={fmt}"


def plan_url(period, fmt="csv"):
    return reverse("kinerja:exchange_plan", args=[period.pk]) + f"?format={fmt}"


def training_url(fmt="csv", **params):
    query = "&".join(f"{key}={value}" for key, value in {"format": fmt, **params}.items())
    return reverse("kinerja:exchange_training") + "?" + query


def test_annual_results_in_the_siasn_columns(org, login, results):
    rows = csv_rows(login(org.sdm).get(results_url(results.period)))
    assert rows[0] == RESULT_HEADER
    people = by_nip(rows)
    mine = people[org.pegawai.nip]
    year = str(results.period.year)
    assert mine == {
        "nipBaru": org.pegawai.nip, "nama": "Siti Pegawai", "tahun": year, "bulanMulaiPenilaian": "1",
        "bulanSelesaiPenilaian": "12", "hasilKinerja": "SESUAI EKSPEKTASI", "hasilKinerjaNilai": "2",
        "perilakuKerja": "DIATAS EKSPEKTASI", "perilakuKerjaNilai": "1", "kuadranKinerja": "BAIK",
        "kuadranKinerjaNilai": "2", "penilaiNipNrp": org.atasan.nip, "penilaiNama": "Ayu Atasan",
        "penilaiJabatan": results.final.skp.evaluator_position, "penilaiUnorNama": org.bidang.name,
        "statusPenilai": "ASN", "atasanPenilaiNipNrp": org.pimpinan.nip, "atasanPenilaiNama": "Kepala BKD",
        "atasanPenilaiJabatan": org.pimpinan.jabatan.name if org.pimpinan.jabatan_id else "",
        "atasanPenilaiUnorNama": org.bkd.name, "statusEvaluasi": "Final",
    }  # fmt: skip
    # the others' annual evaluations are open: no result yet, and the file says so
    assert people[org.atasan.nip]["statusEvaluasi"] == "Belum dinilai"
    assert (
        people[org.atasan.nip]["kuadranKinerja"] == "" and people[org.atasan.nip]["penilaiNipNrp"] == org.pimpinan.nip
    )
    # the head of the instansi has no pejabat penilai in Lentera
    assert people[org.pimpinan.nip]["statusPenilai"] == "" and people[org.pimpinan.nip]["atasanPenilaiNipNrp"] == ""
    assert org.pegawai_malut.nip not in people


def test_the_files_are_in_indonesian_whatever_the_language_of_the_page(org, login, results):
    client = login(org.sdm)
    client.cookies["django_language"] = "en"
    rows = csv_rows(client.get(results_url(results.period), HTTP_ACCEPT_LANGUAGE="en"))
    assert by_nip(rows)[org.pegawai.nip]["statusEvaluasi"] == "Final"
    assert by_nip(rows)[org.atasan.nip]["statusEvaluasi"] == "Belum dinilai"


def test_skp_plan_one_row_per_iki(org, login, results, chain):
    rows = csv_rows(login(org.sdm).get(plan_url(results.period)))
    assert rows[0] == PLAN_HEADER
    mine = [dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[0] == org.pegawai.nip]
    year = results.period.year
    assert mine == [{
        "NIP": org.pegawai.nip, "NAMA": "Siti Pegawai", "TAHUN": str(year), "PERIODE": f"01-01-{year} s.d. 31-12-{year}",
        "JENIS RHK": "Utama", "RENCANA HASIL KERJA": "Terselenggaranya pelatihan",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI": "Meningkatnya kompetensi ASN", "ASPEK": "Waktu",
        "INDIKATOR KINERJA INDIVIDU": "Persentase usul layanan selesai tepat waktu", "TARGET": "95 %",
        "STATUS SKP": "Disetujui",
    }]  # fmt: skip
    top = next(row for row in rows[1:] if row[0] == org.pimpinan.nip)
    assert top[6] == ""  # the head of the instansi intervenes nobody's RHK
    assert all(row[0] != org.pegawai_malut.nip for row in rows[1:])


def test_training_history_in_the_siasn_columns(org, login):
    course, code = completed_course(org.pegawai, year=2025)
    external = approved_external(org.pegawai, year=2024)
    completed_course(org.pegawai_malut, title="Kursus Maluku Utara", year=2025)
    client = login(org.sdm)
    rows = csv_rows(client.get(training_url()))
    assert rows[0] == TRAINING_HEADER
    found = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert found == [
        {"nipBaru": org.pegawai.nip, "nama": "Siti Pegawai", "jenisDiklat": "Seminar/konferensi/sarasehan",
         "namaKursus": "Seminar Kearsipan Nasional", "institusiPenyelenggara": "ANRI", "tanggalKursus": "20-05-2024",
         "tanggalSelesaiKursus": "21-05-2024", "jumlahJam": "6", "nomorSertipikat": "", "tahunKursus": "2024"},
        {"nipBaru": org.pegawai.nip, "nama": "Siti Pegawai", "jenisDiklat": "Pelatihan teknis",
         "namaKursus": "Pelayanan Publik Prima", "institusiPenyelenggara": "BPSDM Provinsi",
         "tanggalKursus": "03-03-2025", "tanggalSelesaiKursus": "04-03-2025", "jumlahJam": "12",
         "nomorSertipikat": code, "tahunKursus": "2025"},
    ]  # fmt: skip
    assert course.pk and external.pk
    only_2025 = csv_rows(client.get(training_url(tahun=2025)))
    assert [row[3] for row in only_2025[1:]] == ["Pelayanan Publik Prima"]


def test_a_revoked_certificate_is_not_exported(org, login):
    from django.utils import timezone

    from kompetensi.models import Certificate

    completed_course(org.pegawai, year=2025)
    Certificate.objects.update(revoked_at=timezone.now(), revoked_reason="Salah terbit")
    rows = csv_rows(login(org.sdm).get(training_url()))
    assert by_nip(rows)[org.pegawai.nip]["nomorSertipikat"] == ""


@pytest.mark.parametrize("kind", ["results", "plan", "training"])
def test_xlsx_keeps_nip_as_text_and_neutralises_formulas(org, login, results, kind):
    completed_course(org.pegawai, year=results.period.year)
    Pegawai.objects.filter(pk=org.pegawai.pk).update(nama='=HYPERLINK("http://x","klik")')
    url = {"results": results_url(results.period, "xlsx"), "plan": plan_url(results.period, "xlsx"),
           "training": training_url("xlsx")}[kind]  # fmt: skip
    response = login(org.sdm).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    values = assert_no_formula(response.content)
    assert '\'=HYPERLINK("http://x","klik")' in values
    sheet = load_workbook(io.BytesIO(response.content)).active
    nips = [cell.value for cell in sheet["A"][1:]]
    assert org.pegawai.nip in nips and all(isinstance(nip, str) for nip in nips)
    assert sheet["A2"].number_format == "@"


def test_csv_neutralises_formulas_too(org, login, results):
    Pegawai.objects.filter(pk=org.pegawai.pk).update(nama="=1+1")
    rows = csv_rows(login(org.sdm).get(results_url(results.period)))
    assert by_nip(rows)[org.pegawai.nip]["nama"] == "'=1+1"


def test_only_hr_of_the_instansi(org, login, results):
    for who in (org.pegawai, org.atasan, org.pimpinan, org.konten, org.pelatihan):
        client = login(who)
        for url in (reverse("kinerja:exchange"), results_url(results.period), plan_url(results.period), training_url()):
            assert client.get(url).status_code == 403, (who, url)
    other = login(org.sdm_malut)
    assert other.get(results_url(results.period)).status_code == 404
    assert other.get(plan_url(results.period)).status_code == 404
    assert other.get(results_url(results.period, "pdf")).status_code == 404
    own = csv_rows(other.get(results_url(results.malut_period)))
    assert [row[0] for row in own[1:]] == []  # Maluku Utara's SKP has no annual evaluation yet
    assert org.pegawai.nip not in other.get(training_url()).content.decode()


def test_an_unknown_format_is_not_found(org, login, results):
    assert login(org.sdm).get(results_url(results.period, "json")).status_code == 404


def test_exports_cost_a_constant_number_of_queries(org, login, results, django_assert_max_num_queries):
    client = login(org.sdm)
    period = results.period
    urls = [results_url(period), plan_url(period), training_url()]
    completed_course(org.pegawai, year=2025)
    for url in urls:
        client.get(url)  # the site frame's caches are warm
    with django_assert_max_num_queries(12) as few:
        for url in urls:
            client.get(url)
    baseline = len(few)  # read now: the next request empties the connection's query log
    for index in range(8):
        person = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Tambahan {index}")
        approved_skp(person, period, chain_rhk(results), f"RHK tambahan {index}")
        completed_course(person, title=f"Kursus {index}", year=2025)
    from kinerja.evaluation import services as evaluation_services

    evaluation_services.open_evaluations(actor=org.sdm.user, period=period)
    for url in urls:
        client.get(url)
    with django_assert_max_num_queries(baseline):
        for url in urls:
            assert len(csv_rows(client.get(url))) > 8


def chain_rhk(results):
    return results.final.skp.rhk.get().intervened


def test_the_period_must_exist(org, login):
    assert login(org.sdm).get(reverse("kinerja:exchange_results", args=[999999])).status_code == 404
