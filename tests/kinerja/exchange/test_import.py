"""The import of the annual results of the years before Lentera from the national system's riwayat SKP: dry-run
preview and confirm, good and bad rows, the refusal of a year Lentera already holds, and promotion eligibility
reading an imported year."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from kinerja.career import demo, queries, rules
from kinerja.exchange import rules as exchange_rules
from kinerja.exchange import services
from kinerja.models import ImportedAnnualResult
from portal.importing import services as import_services
from portal.models import ImportJob, Pangkat, Pegawai

pytestmark = pytest.mark.django_db

HEADER = "nipBaru,nama,tahun,hasilKinerja,hasilKinerjaNilai,perilakuKerja,perilakuKerjaNilai,kuadranKinerja,kuadranKinerjaNilai,penilaiNipNrp,penilaiNama"


def preview(org, lines, header=HEADER, who=None, name="riwayat.csv"):
    content = "\n".join([header, *lines]) + "\n"
    return import_services.preview_import(
        (who or org.sdm).user, kind_key="riwayat_kinerja", instansi=(who or org.sdm).instansi,
        uploaded_file=SimpleUploadedFile(name, content.encode()),
    )  # fmt: skip


def confirm(org, job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_services.confirm_import(org.sdm.user, job)
    job.refresh_from_db()
    return job


def messages(job):
    return {(error["row"], error["column"]): error["message"] for error in job.errors}


def test_good_rows_are_previewed_then_written_on_confirm(org, django_capture_on_commit_callbacks):
    job = preview(org, [
        f"{org.pegawai.nip},Siti Pegawai,2024,SESUAI EKSPEKTASI,2,DIATAS EKSPEKTASI,1,BAIK,2,{org.atasan.nip},Ayu",
        f"{org.pegawai.nip},Siti Pegawai,2023,Di Atas Ekspektasi,,Sesuai Ekspektasi,,Sangat Baik,,,",
        f"{org.rekan.nip},Budi Rekan,2024,DI_BAWAH,3,SESUAI,2,,3,,",
    ])  # fmt: skip
    assert job.errors == []
    assert job.summary["new"] == 3
    assert not ImportedAnnualResult.objects.exists()  # a dry run writes nothing
    job = confirm(org, job, django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.DONE
    found = {(r.pegawai_id, r.year): r for r in ImportedAnnualResult.objects.all()}
    latest = found[(org.pegawai.pk, 2024)]
    assert (latest.rating_hasil_kerja, latest.rating_perilaku_kerja, latest.predikat) == ("SESUAI", "DI_ATAS", "BAIK")
    assert (latest.evaluator_nip, latest.evaluator_name, latest.source) == (org.atasan.nip, "Ayu", "siasn")
    assert latest.imported_by == org.sdm.user
    assert found[(org.pegawai.pk, 2023)].predikat == "SANGAT_BAIK"
    assert found[(org.rekan.pk, 2024)].predikat == "BUTUH_PERBAIKAN"  # from kuadranKinerjaNilai alone


def test_a_file_imported_again_updates_and_the_preview_says_so(org, django_capture_on_commit_callbacks):
    line = f"{org.pegawai.nip},Siti Pegawai,2024,,,,,BAIK,,,"
    confirm(org, preview(org, [line]), django_capture_on_commit_callbacks)
    job = preview(org, [line.replace("BAIK", "Sangat Baik")])
    assert job.errors == [] and job.summary["update"] == 1
    confirm(org, job, django_capture_on_commit_callbacks)
    assert ImportedAnnualResult.objects.get().predikat == "SANGAT_BAIK"


def test_bad_rows_are_reported_per_cell_and_nothing_is_written(org):
    job = preview(org, [
        f"{org.pegawai.nip},Siti Pegawai,2024,,,,,Luar Biasa,,,",  # row 2: unknown predikat
        f"{org.pegawai_malut.nip},Fadli Malut,2024,,,,,BAIK,,,",  # row 3: another instansi's employee
        f"{org.rekan.nip},Budi Rekan,2024,SESUAI EKSPEKTASI,1,,,BAIK,,,",  # row 4: label and number disagree
        f"{org.rekan.nip},Budi Rekan,2023,,,,,,,,",  # row 5: no predikat
        f"{org.cucu.nip},Cucu Bawahan,1990,,,,,BAIK,,,",  # row 6: a year out of range
        f"{org.cucu.nip},Cucu Bawahan,2024,,,,,BAIK,2,,",  # row 7: fine
        f"{org.cucu.nip},Cucu Bawahan,2024,,,,,BAIK,2,,",  # row 8: the same employee and year again
    ])  # fmt: skip
    found = messages(job)
    assert "Luar Biasa" in found[(2, "kuadrankinerja")]
    assert "tidak ditemukan di antara pegawai instansi ini" in found[(3, "nipbaru")]
    assert "berbeda" in found[(4, "hasilkinerja")]
    assert "wajib diisi" in found[(5, "kuadrankinerja")]
    assert "2000" in found[(6, "tahun")]
    assert not any(row == 7 for row, _column in found)
    assert "sudah ada di baris 7" in found[(8, "nipbaru, tahun")]
    with pytest.raises(PermissionDenied):  # a job with errors is never confirmed
        import_services.confirm_import(org.sdm.user, job)
    assert not ImportedAnnualResult.objects.exists()


def test_a_year_with_a_final_lentera_evaluation_is_refused(org):
    demo._annual(org.pegawai, demo._past_period(org.gorontalo, 2024), "BAIK")
    job = preview(org, [f"{org.pegawai.nip},Siti Pegawai,2024,,,,,SANGAT BAIK,,,"])
    message = messages(job)[(2, "tahun")]
    assert "sudah mempunyai evaluasi kinerja tahunan final 2024 di Lentera" in message
    assert "Siti Pegawai" in message


def test_a_nip_typed_as_a_number_is_refused(org):
    book = Workbook()
    sheet = book.active
    sheet.append(["nipBaru", "tahun", "kuadranKinerja"])
    sheet.append([int(org.pegawai.nip), 2024, "BAIK"])
    buffer = io.BytesIO()
    book.save(buffer)
    job = import_services.preview_import(org.sdm.user, kind_key="riwayat_kinerja", instansi=org.gorontalo,
                                         uploaded_file=SimpleUploadedFile("r.xlsx", buffer.getvalue()))  # fmt: skip
    assert "Teks" in messages(job)[(2, "nipbaru")]


def test_a_file_with_only_nip_year_and_predikat_is_enough(org):
    job = preview(org, [f"{org.pegawai.nip},2024,KURANG/MISCONDUCT"], header="NIPBARU,Tahun,kuadranKinerja")
    assert job.errors == []


def test_a_file_without_nip_or_year_is_refused(org):
    job = preview(org, ["2024,BAIK"], header="tahun,kuadranKinerja")
    assert "nipbaru" in job.errors[0]["message"]


def test_only_hr_may_import(org):
    with pytest.raises(PermissionDenied):
        preview(org, [f"{org.pegawai.nip},2024,BAIK"], header="nipBaru,tahun,kuadranKinerja", who=org.pegawai)
    with pytest.raises(PermissionDenied):
        services.record_imported_result(actor=org.sdm_malut.user, pegawai=org.pegawai, year=2024, predikat="BAIK")


def test_the_template_as_downloaded_passes_its_own_dry_run(org, login):
    response = login(org.sdm).get(reverse("portal_import:template", kwargs={"kind": "riwayat_kinerja", "fmt": "csv"}))
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    assert content.splitlines()[0].startswith("nipbaru,tahun,hasilkinerja")
    job = import_services.preview_import(org.sdm.user, kind_key="riwayat_kinerja", instansi=org.gorontalo,
                                         uploaded_file=SimpleUploadedFile("t.csv", content.encode()))  # fmt: skip
    assert job.errors == []


@pytest.mark.parametrize(
    ("value", "code"),
    [("DI_ATAS", "DI_ATAS"), ("Di Atas Ekspektasi", "DI_ATAS"), ("DIATAS EKSPEKTASI", "DI_ATAS"), ("1", "DI_ATAS"),
     (2.0, "SESUAI"), ("sesuai ekspektasi", "SESUAI"), ("Dibawah Ekspektasi", "DI_BAWAH"), ("3", "DI_BAWAH"), ("", "")],
)  # fmt: skip
def test_ratings_are_read_from_codes_labels_and_siasn_numbers(value, code):
    assert exchange_rules.read_rating(value, "Hasil") == code


@pytest.mark.parametrize(
    ("value", "code"),
    [("SANGAT_BAIK", "SANGAT_BAIK"), ("Sangat Baik", "SANGAT_BAIK"), ("1", "SANGAT_BAIK"), ("BAIK", "BAIK"),
     ("Butuh Perbaikan", "BUTUH_PERBAIKAN"), ("Kurang/Misconduct", "KURANG"), ("KURANG", "KURANG"), ("4", "KURANG"),
     ("sangat kurang", "SANGAT_KURANG"), ("5", "SANGAT_KURANG")],
)  # fmt: skip
def test_predikat_is_read_from_codes_labels_and_siasn_numbers(value, code):
    assert exchange_rules.read_predikat(value, "Kuadran") == code


@pytest.mark.parametrize("value", ["6", "0", "Cukup", "4", "Baik Sekali"])
def test_unknown_ratings_are_refused_with_the_choices(value):
    with pytest.raises(ValueError, match="Di Atas Ekspektasi"):
        exchange_rules.read_rating(value, "Hasil")


def test_the_siasn_codes_are_a_complete_table():
    from kinerja.evaluation.models import Predikat, Rating

    assert {code: exchange_rules.siasn_number(code) for code in Rating.values} == {"DI_ATAS": 1, "SESUAI": 2,
                                                                                  "DI_BAWAH": 3}  # fmt: skip
    assert [exchange_rules.siasn_label(code) for code in Predikat.values] == [
        "SANGAT BAIK", "BAIK", "BUTUH PERBAIKAN", "KURANG", "SANGAT KURANG"]  # fmt: skip
    assert exchange_rules.siasn_number("") is None and exchange_rules.siasn_label("") == ""


# --- promotion eligibility reads imported years ---------------------------------------------------------------


def _ready_for_promotion(person, period_date):
    Pegawai.objects.filter(pk=person.pk).update(
        tmt_pangkat=rules.add_years(period_date, -5),
        pendidikan="S1",
        pangkat=Pangkat.objects.get(golongan_ruang="III/a"),
    )


def _row(org, person, period_date):
    rows, _later = queries.eligibility_list(org.gorontalo.pk, period_date, pegawai_ids=[person.pk])
    return rows[0]


def test_eligibility_counts_imported_years_and_says_they_are_imported(org):
    period_date = queries.next_period(queries.rules_of(org.gorontalo.pk))
    _ready_for_promotion(org.pegawai, period_date)
    assert not _row(org, org.pegawai, period_date).eligible  # no predikat of the last two years yet
    for year in (period_date.year - 1, period_date.year - 2):
        services.record_imported_result(actor=org.sdm.user, pegawai=org.pegawai, year=year, predikat="BAIK")
    row = _row(org, org.pegawai, period_date)
    assert row.eligible
    predikat = [reason for reason in row.reasons if reason.rule == rules.PREDIKAT]
    assert [reason.met for reason in predikat] == [True, True]
    assert all("data impor SIASN BKN" in reason.detail for reason in predikat)
    assert all(reason.evidence["imported"] and reason.evidence["evaluation"] is None for reason in predikat)


def test_a_final_lentera_evaluation_wins_over_an_imported_one(org):
    period_date = queries.next_period(queries.rules_of(org.gorontalo.pk))
    _ready_for_promotion(org.pegawai, period_date)
    last = period_date.year - 1
    services.record_imported_result(actor=org.sdm.user, pegawai=org.pegawai, year=last, predikat="SANGAT_BAIK")
    services.record_imported_result(actor=org.sdm.user, pegawai=org.pegawai, year=last - 1, predikat="BAIK")
    # the year is then evaluated in Lentera too (the import came first): Lentera's own result counts
    demo._annual(org.pegawai, demo._past_period(org.gorontalo, last), "BUTUH_PERBAIKAN")
    row = _row(org, org.pegawai, period_date)
    assert not row.eligible
    reasons = {reason.evidence["year"]: reason for reason in row.reasons if reason.rule == rules.PREDIKAT}
    assert reasons[last].evidence["evaluation"] and "imported" not in reasons[last].evidence
    assert reasons[last].met is False and "impor" not in reasons[last].detail
    assert reasons[last - 1].evidence["imported"] and reasons[last - 1].met


def test_the_promotion_page_marks_imported_evidence(org, login):
    period_date = queries.next_period(queries.rules_of(org.gorontalo.pk))
    _ready_for_promotion(org.pegawai, period_date)
    for year in (period_date.year - 1, period_date.year - 2):
        services.record_imported_result(actor=org.sdm.user, pegawai=org.pegawai, year=year, predikat="BAIK")
    body = login(org.sdm).get(reverse("kinerja:promotion")).content.decode()
    assert 'data-testid="imported-predikat"' in body
