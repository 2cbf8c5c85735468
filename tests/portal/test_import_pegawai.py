import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal import roles
from portal.importing import services
from portal.models import ImportJob, Pegawai
from tests.factories import make_jabatan, valid_nip

from .import_helpers import PEGAWAI_HEADERS, csv_upload, fresh, pegawai_row, role_permissions  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_permissions")]


def preview(actor, upload, instansi, kind="pegawai"):
    return services.preview_import(actor, kind_key=kind, instansi=instansi, uploaded_file=upload)


def run(job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_import(fresh(job.uploaded_by), job)
    job.refresh_from_db()
    return job


def test_dry_run_with_bad_rows_writes_nothing_and_lists_every_error(org):
    before = (Pegawai.objects.count(), get_user_model().objects.count())
    upload = csv_upload(
        [
            pegawai_row(valid_nip(), "Benar Sekali"),
            pegawai_row("19850101", "NIP Pendek"),
            pegawai_row(valid_nip(), "Unit Salah", unit="TIDAK-ADA"),
            pegawai_row(valid_nip(), "Status Salah", status="Honorer"),
            pegawai_row(valid_nip(), "Atasan Hilang", nip_atasan="199001012015031999"),
        ]
    )
    job = preview(fresh(org.sdm), upload, org.gorontalo)

    assert (Pegawai.objects.count(), get_user_model().objects.count()) == before
    assert job.status == ImportJob.Status.PREVIEWED and job.total_rows == 5
    found = {(error["row"], error["column"]) for error in job.errors}
    assert found == {(3, "nip"), (4, "kode_unit"), (5, "status"), (6, "nip_atasan")}
    messages = {error["column"]: error["message"] for error in job.errors}
    assert messages["nip"] == "NIP harus 18 digit, yang dimasukkan 8 digit."
    assert messages["kode_unit"] == "Kode unit 'TIDAK-ADA' tidak ditemukan di instansi ini."
    assert "PNS, PPPK" in messages["status"]
    assert "tidak ditemukan" in messages["nip_atasan"]


def test_confirm_refuses_a_job_with_errors(org):
    job = preview(fresh(org.sdm), csv_upload([pegawai_row("123", "Salah")]), org.gorontalo)
    with pytest.raises(Exception, match="tidak dapat dijalankan"):
        services.confirm_import(fresh(org.sdm), job)
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.PREVIEWED


def test_good_import_creates_accounts_and_resolves_atasan_later_in_the_file(org, django_capture_on_commit_callbacks):
    make_jabatan(org.gorontalo, "ANALIS", kind="fungsional")
    kepala, staf = valid_nip(), valid_nip()
    upload = csv_upload(
        [
            # the staff member names an atasan that only appears on the next row
            pegawai_row(staf, "Rina Staf", kode_jabatan="ANALIS", nip_atasan=kepala, tmt_pangkat="01/04/2020"),
            pegawai_row(kepala, "Kepala Baru", gelar_depan="Dr.", nip_atasan=org.atasan.nip, email="k@uji.go.id"),
            pegawai_row(org.rekan.nip, "Budi Rekan Diubah", nip_atasan=kepala),
        ]
    )
    job = preview(fresh(org.sdm), upload, org.gorontalo)
    assert job.errors == []
    assert (job.summary["new"], job.summary["update"]) == (2, 1)
    assert not Pegawai.objects.filter(nip__in=[kepala, staf]).exists()

    job = run(job, django_capture_on_commit_callbacks)

    assert job.status == ImportJob.Status.DONE and job.progress_percent == 100
    new_staf = Pegawai.objects.select_related("user", "atasan", "jabatan", "pangkat").get(nip=staf)
    new_kepala = Pegawai.objects.select_related("user").get(nip=kepala)
    assert new_staf.atasan == new_kepala and new_kepala.atasan == org.atasan
    assert new_staf.instansi == org.gorontalo and new_staf.jabatan.code == "ANALIS"
    assert new_staf.pangkat.golongan_ruang == "III/a" and new_staf.tmt_pangkat.isoformat() == "2020-04-01"
    assert new_staf.user.username == staf and not new_staf.user.has_usable_password()
    assert set(new_kepala.user.groups.values_list("name", flat=True)) == {roles.PEGAWAI, roles.ATASAN}
    org.rekan.refresh_from_db()
    assert org.rekan.nama == "Budi Rekan Diubah" and org.rekan.atasan == new_kepala

    actions = ModelLogEntry.objects.filter(user_id=org.sdm.user_id).values_list("action", flat=True)
    assert sorted(actions) == [
        "lentera.import", "lentera.import.create", "lentera.import.create", "lentera.import.job.queued",
        "lentera.import.update",
    ]  # fmt: skip
    steps = list(job.transitions.values_list("from_status", "to_status"))
    assert steps == [("", "previewed"), ("previewed", "queued"), ("queued", "running"), ("running", "done")]
    assert job.transitions.get(to_status="queued").actor == org.sdm.user


def test_cycle_through_rows_of_the_file_is_an_error(org):
    a, b = valid_nip(), valid_nip()
    job = preview(
        fresh(org.sdm),
        csv_upload([pegawai_row(a, "A", nip_atasan=b), pegawai_row(b, "B", nip_atasan=a)]),
        org.gorontalo,
    )
    assert job.errors and all(error["column"] == "nip_atasan" for error in job.errors)
    assert "melingkar" in job.errors[0]["message"]


def test_duplicate_nip_in_file_and_nip_of_another_instansi(org):
    nip = valid_nip()
    job = preview(
        fresh(org.sdm),
        csv_upload([pegawai_row(nip, "Satu"), pegawai_row(nip, "Dua"), pegawai_row(org.pegawai_malut.nip, "Curi")]),
        org.gorontalo,
    )
    assert {(e["row"], e["column"]) for e in job.errors} >= {(3, "nip"), (4, "nip")}
    assert "baris 2" in next(e["message"] for e in job.errors if e["row"] == 3)
    org.pegawai_malut.refresh_from_db()
    assert org.pegawai_malut.nama == "Fadli Malut"


def test_nip_of_another_instansi_is_refused_without_revealing_its_employee(org):
    malut = org.pegawai_malut
    job = preview(fresh(org.sdm), csv_upload([pegawai_row(malut.nip, "Curi", unit="KOMINFO")]), org.gorontalo)
    assert len(job.errors) == 1
    message = job.errors[0]["message"]
    assert (job.errors[0]["row"], job.errors[0]["column"]) == (2, "nip")
    assert "terdaftar di instansi lain" in message and "Admin SDM instansi tersebut atau superadmin" in message
    for secret in (malut.nama, malut.unit.name, malut.unit.code, malut.instansi.name, "Maluku"):
        assert secret not in message
    assert job.summary["new"] == 0 and job.summary["update"] == 0
    malut.refresh_from_db()
    assert malut.nama == "Fadli Malut" and malut.instansi == org.malut


def test_missing_column_is_reported_without_touching_rows(org):
    upload = csv_upload([{"nip": valid_nip()}], headers=["nip", "nama"])
    job = preview(fresh(org.sdm), upload, org.gorontalo)
    assert len(job.errors) == 1 and job.errors[0]["row"] is None
    assert "kode_unit" in job.errors[0]["message"]


def test_async_path_runs_in_a_task_and_reports_progress(org, settings, django_capture_on_commit_callbacks):
    settings.IMPORT_ASYNC_ROW_THRESHOLD = 2
    rows = [pegawai_row(valid_nip(), f"Pegawai Massal {i}") for i in range(4)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = preview(fresh(org.sdm), csv_upload(rows), org.gorontalo)
    # the dry run too is a task: nothing is previewed until it runs
    assert job.status == ImportJob.Status.PREVIEWING and job.summary == {}
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEWED and job.errors == [] and job.summary["new"] == 4
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.confirm_import(fresh(org.sdm), job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.QUEUED and services.progress_of(job) == (0, 0)
    with django_capture_on_commit_callbacks(execute=True):  # eager Celery: the task runs inline
        for callback in callbacks:
            callback()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.progress_percent == 100 and job.processed_rows == 4
    assert Pegawai.objects.filter(nama__startswith="Pegawai Massal").count() == 4
    # a redelivered task does nothing
    assert services.run_import(job.pk) is None


def test_import_that_fails_at_run_time_writes_nothing(org, django_capture_on_commit_callbacks):
    nip = valid_nip()
    job = preview(
        fresh(org.sdm), csv_upload([pegawai_row(valid_nip(), "Lain"), pegawai_row(nip, "Bentrok")]), org.gorontalo
    )
    # someone takes the login name between preview and confirm
    get_user_model().objects.create_user(username=nip)
    job = run(job, django_capture_on_commit_callbacks)
    assert job.status == ImportJob.Status.FAILED
    assert job.errors[0]["row"] == 3 and job.errors[0]["column"] == "nip"
    assert not Pegawai.objects.filter(nama="Lain").exists()


def test_new_employees_get_their_activation_link_once_the_import_is_committed(org, django_capture_on_commit_callbacks):
    from django.core import mail

    nip = valid_nip()
    upload = csv_upload([pegawai_row(nip, "Pegawai Baru", email="baru@uji.go.id"), pegawai_row(org.rekan.nip, "Budi")])
    job = preview(fresh(org.sdm), upload, org.gorontalo)
    mail.outbox.clear()
    run(job, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["baru@uji.go.id"]]  # the new one; not the updated colleague
    assert "/aktifkan-akun/" in mail.outbox[0].body


def test_errors_are_sorted_by_row_with_one_message_per_cause(org):
    nip, other = valid_nip(), valid_nip()
    upload = csv_upload(
        [
            pegawai_row(nip, "Pertama"),
            pegawai_row(other, "Unit Salah", unit="TIDAK-ADA", nip_atasan="199001012015031999"),
            pegawai_row(nip, "Kedua"),  # the same NIP: one message, not also "already exists" or a database error
            pegawai_row(valid_nip(), "Golongan Salah", status="PPPK", golongan="III/a"),
            pegawai_row(nip, "Ketiga"),
        ]
    )
    job = preview(fresh(org.sdm), upload, org.gorontalo)

    assert [error["row"] for error in job.errors] == sorted(error["row"] for error in job.errors)
    causes = [(error["row"], error["message"]) for error in job.errors]
    assert len(causes) == len(set(causes))
    assert [(e["row"], e["column"]) for e in job.errors] == [
        (3, "kode_unit"), (3, "nip_atasan"), (4, "nip"), (5, "golongan"), (6, "nip"),
    ]  # fmt: skip
    assert all("sudah ada di baris 2" in e["message"] for e in job.errors if e["column"] == "nip")


def test_preview_of_a_big_file_pages_its_errors(org, login, django_assert_max_num_queries):
    errors = [{"row": n, "column": "kode_unit", "message": f"Kode unit X{n} tidak ditemukan."} for n in range(2, 20002)]
    job = ImportJob.objects.create(
        kind="pegawai", instansi=org.gorontalo, uploaded_by=org.sdm.user, original_name="besar.xlsx",
        file_format="xlsx", total_rows=20000, status=ImportJob.Status.PREVIEWED, errors=errors,
        summary={"new": 0, "update": 0, "rows": [], "more_rows": 0},
    )  # fmt: skip
    client = login(org.sdm)
    url = reverse("portal_import:job", args=[job.pk])
    client.get(url)
    with django_assert_max_num_queries(25):
        page = client.get(url, {"page": 2})
    assert page.status_code == 200
    assert "Ditemukan 20000 kesalahan" in page.text and "Halaman 2 dari 400" in page.text
    assert page.text.count("<tr><td>") == 50
    assert "X52 " in page.text and "X51 " not in page.text and "X102 " not in page.text


def test_a_file_without_the_newer_optional_columns_still_imports_and_keeps_their_values(
    org, django_capture_on_commit_callbacks
):
    """Files made from the template before pendidikan and angka kredit were added keep working."""
    Pegawai.objects.filter(pk=org.rekan.pk).update(pendidikan="S1")
    old_headers = [h for h in PEGAWAI_HEADERS if h not in ("pendidikan", "angka_kredit")]
    rows = [pegawai_row(org.rekan.nip, "Budi Rekan Baru"), pegawai_row(valid_nip(), "Pegawai Lama Format")]
    job = preview(fresh(org.sdm), csv_upload(rows, headers=old_headers), org.gorontalo)
    assert job.status == ImportJob.Status.PREVIEWED and job.errors == [], job.errors or job.status_message
    run(job, django_capture_on_commit_callbacks)
    rekan = Pegawai.objects.get(pk=org.rekan.pk)
    assert (rekan.nama, rekan.pendidikan) == ("Budi Rekan Baru", "S1")
    assert Pegawai.objects.filter(nama="Pegawai Lama Format").exists()
