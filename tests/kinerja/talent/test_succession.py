"""Succession plans and their candidates (HR adds them, from the pool unless they give a reason), potential
assessments entered on the page, imported, corrected and deleted, and the demo."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja.talent import demo, services
from kinerja.talent.models import PotentialAssessment, SuccessionCandidate, SuccessionPlan, TalentPlacement
from portal.models import Jabatan
from tests.factories import make_jabatan, make_pegawai, make_unit

pytestmark = pytest.mark.django_db

PLANS = reverse("kinerja:succession_plans")
ASSESSMENTS = reverse("kinerja:talent_assessments")


@pytest.fixture
def plan(talent):
    org = talent.org
    jabatan = make_jabatan(org.gorontalo, "KABID-PK", kind="administrator", name="Kepala Bidang PK")
    return services.create_plan(actor=org.sdm.user, instansi=org.gorontalo, jabatan=jabatan, unit=org.bidang)


def add(client, plan, person, **data):
    return client.post(
        reverse("kinerja:succession_plan", args=[plan.pk]), {"nip": person.nip, "readiness": "siap_sekarang", **data}
    )


def test_hr_creates_a_plan_for_a_key_position(talent, login):
    org = talent.org
    jabatan = make_jabatan(org.gorontalo, "KEPALA-BKD", kind="jpt", name="Kepala Badan Kepegawaian")
    client = login(org.sdm)
    response = client.post(PLANS, {"jabatan": jabatan.pk, "unit": org.bkd.pk, "note": "Pensiun 2027"})
    created = SuccessionPlan.objects.get(jabatan=jabatan)
    assert response.status_code == 302 and response["Location"] == reverse("kinerja:succession_plan", args=[created.pk])
    again = client.post(PLANS, {"jabatan": jabatan.pk, "unit": org.bkd.pk})
    assert "sudah ada" in again.content.decode() and SuccessionPlan.objects.filter(jabatan=jabatan).count() == 1
    foreign = make_jabatan(org.malut, "KEPALA-BKD")
    refused = client.post(PLANS, {"jabatan": foreign.pk})
    assert refused.status_code == 200 and not SuccessionPlan.objects.filter(jabatan=foreign).exists()


def test_a_candidate_from_the_pool_is_added(talent, plan, login):
    org = talent.org
    response = add(login(org.sdm), plan, org.pegawai, note="Siap memimpin bidang")
    assert response.status_code == 302
    candidate = SuccessionCandidate.objects.get(plan=plan)
    assert (candidate.pegawai, candidate.box, candidate.outside_pool_reason) == (org.pegawai, 9, "")
    body = login(org.sdm).get(reverse("kinerja:succession_plan", args=[plan.pk])).content.decode()
    assert "Siti Pegawai" in body and "Siap sekarang" in body


def test_a_candidate_outside_the_pool_needs_hrs_reason(talent, plan, login):
    org = talent.org
    client = login(org.sdm)
    response = add(client, plan, org.cucu)
    assert response.status_code == 200 and not plan.candidates.exists()
    message = response.context["form"].errors["outside_pool_reason"][0]
    assert "Cucu Bawahan berada di kotak 1" in message and "kotak 9, 8, 7" in message and "alasan" in message
    add(client, plan, org.cucu, readiness="lebih_2_tahun", outside_pool_reason="Satu-satunya pejabat bersertifikat")
    candidate = plan.candidates.get()
    assert candidate.box == 1 and candidate.outside_pool_reason == "Satu-satunya pejabat bersertifikat"


def test_someone_not_mapped_yet_is_outside_the_pool(talent, plan):
    org = talent.org
    with pytest.raises(services.OutsidePool, match="belum dapat dipetakan"):
        services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.pelatihan, readiness="1_2_tahun")


def test_candidate_rules_of_the_service(talent, plan):
    org = talent.org
    services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.atasan, readiness="1_2_tahun")
    with pytest.raises(ValidationError, match="sudah menjadi kandidat"):
        services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.atasan, readiness="1_2_tahun")
    with pytest.raises(ValidationError, match="pegawai aktif instansi Anda"):
        services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.pegawai_malut, readiness="1_2_tahun")
    with pytest.raises(ValidationError, match="kesiapan"):
        services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.pegawai, readiness="besok")
    with pytest.raises(PermissionDenied):
        services.add_candidate(actor=org.pimpinan.user, plan=plan, pegawai=org.pegawai, readiness="1_2_tahun")
    with pytest.raises(PermissionDenied):
        services.add_candidate(actor=org.sdm_malut.user, plan=plan, pegawai=org.pegawai, readiness="1_2_tahun")


def test_hr_removes_a_candidate_and_a_plan(talent, plan, login):
    org = talent.org
    candidate = services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.pegawai, readiness="1_2_tahun")
    client = login(org.sdm)
    assert client.post(reverse("kinerja:succession_candidate_remove", args=[candidate.pk])).status_code == 302
    assert not plan.candidates.exists()
    assert client.post(reverse("kinerja:succession_plan_delete", args=[plan.pk])).status_code == 302
    assert not SuccessionPlan.objects.filter(pk=plan.pk).exists()


def test_pimpinan_reads_the_plans_of_their_units_and_cannot_change_them(talent, plan, login):
    org = talent.org
    candidate = services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.pegawai, readiness="1_2_tahun")
    elsewhere = services.create_plan(
        actor=org.sdm.user, instansi=org.gorontalo, jabatan=make_jabatan(org.gorontalo, "KADIS-KOMINFO"),
        unit=org.kominfo,
    )  # fmt: skip
    client = login(org.pimpinan)
    listed = client.get(PLANS)
    assert [p.pk for p in listed.context["page"].object_list] == [plan.pk]
    detail = client.get(reverse("kinerja:succession_plan", args=[plan.pk]))
    assert detail.status_code == 200 and "Siti Pegawai" in detail.content.decode()
    assert 'name="readiness"' not in detail.content.decode()
    assert client.get(reverse("kinerja:succession_plan", args=[elsewhere.pk])).status_code == 404
    assert add(client, plan, org.atasan).status_code == 403
    assert client.post(PLANS, {"jabatan": plan.jabatan_id}).status_code == 403
    assert client.post(reverse("kinerja:succession_candidate_remove", args=[candidate.pk])).status_code == 404
    assert client.post(reverse("kinerja:succession_plan_delete", args=[plan.pk])).status_code == 403


def test_a_plan_of_the_whole_instansi_is_seen_from_the_top(talent, login):
    org = talent.org
    whole = services.create_plan(
        actor=org.sdm.user, instansi=org.gorontalo, jabatan=make_jabatan(org.gorontalo, "SEKDA")
    )
    # the Pimpinan heads the BKD, a unit at the top of its tree in this organisation
    assert login(org.pimpinan).get(reverse("kinerja:succession_plan", args=[whole.pk])).status_code == 200
    below = make_pegawai(org.gorontalo, org.bidang, roles_=["Pimpinan"], nama="Kepala Bidang")
    assert login(below).get(reverse("kinerja:succession_plan", args=[whole.pk])).status_code == 404


def test_another_instansi_gets_404_for_plans_candidates_and_assessments(talent, plan, login):
    org = talent.org
    candidate = services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.pegawai, readiness="1_2_tahun")
    assessment = PotentialAssessment.objects.filter(pegawai=org.pegawai).first()
    client = login(org.sdm_malut)
    assert client.get(reverse("kinerja:succession_plan", args=[plan.pk])).status_code == 404
    assert client.post(reverse("kinerja:succession_plan_delete", args=[plan.pk])).status_code == 404
    assert client.post(reverse("kinerja:succession_candidate_remove", args=[candidate.pk])).status_code == 404
    assert client.post(reverse("kinerja:talent_assessment_delete", args=[assessment.pk])).status_code == 404
    assert "Kepala Bidang PK" not in client.get(PLANS).content.decode()
    assert SuccessionCandidate.objects.filter(pk=candidate.pk).exists()


# --- potential assessments -----------------------------------------------------------------------------------------


def test_hr_records_an_assessment_and_the_box_follows_at_once(talent, login):
    org = talent.org
    today = timezone.localdate()
    response = login(org.sdm).post(ASSESSMENTS, {"nip": org.rekan.nip, "assessed_on": today.isoformat(),
                                                 "score": "96", "lembaga": "Assessment center BKN"})  # fmt: skip
    assert response.status_code == 302
    row = PotentialAssessment.objects.get(pegawai=org.rekan, assessed_on=today)
    assert row.recorded_by == org.sdm.user and row.lembaga == "Assessment center BKN"
    assert TalentPlacement.objects.get(pegawai=org.rekan).box == 8
    listed = login(org.sdm).get(ASSESSMENTS, {"q": "Budi"})
    assert [a.pk for a in listed.context["page"].object_list][0] == row.pk


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"score": "120"}, "0 sampai 100"),
        ({"score": "abc"}, "harus berupa angka"),
        ({"nip": "199001012015011001"}, "Tidak ada pegawai aktif dengan NIP ini"),
        ({"assessed_on": "2999-01-01"}, "tidak boleh di masa depan"),
    ],
)
def test_bad_assessment_input_gets_a_clear_message(talent, login, data, message):
    org = talent.org
    before = PotentialAssessment.objects.count()
    response = login(org.sdm).post(
        ASSESSMENTS, {"nip": org.rekan.nip, "assessed_on": "2026-01-05", "score": "80", **data}
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert PotentialAssessment.objects.count() == before


def test_an_assessment_of_another_instansi_is_refused(talent):
    org = talent.org
    with pytest.raises(PermissionDenied):
        services.record_assessment(actor=org.sdm.user, pegawai=org.pegawai_malut, assessed_on=datetime.date(2026, 1, 5),
                                   score=90)  # fmt: skip


def test_deleting_an_assessment_replaces_the_box(talent, login):
    org = talent.org
    row = PotentialAssessment.objects.get(pegawai=org.cucu)
    assert login(org.sdm).post(reverse("kinerja:talent_assessment_delete", args=[row.pk])).status_code == 302
    placement = TalentPlacement.objects.get(pegawai=org.cucu)
    assert placement.box is None and "asesmen potensi" in placement.reason


def test_assessments_are_imported_and_corrected_by_nip_and_date(talent, django_capture_on_commit_callbacks):
    from portal.importing import services as import_services

    org = talent.org

    def run(rows):
        content = "nip,tanggal,nilai,lembaga,catatan\n" + "".join(f"{row}\n" for row in rows)
        job = import_services.preview_import(org.sdm.user, kind_key="asesmen_potensi", instansi=org.gorontalo,
                                             uploaded_file=SimpleUploadedFile("a.csv", content.encode()))  # fmt: skip
        if job.errors:
            return job.errors
        with django_capture_on_commit_callbacks(execute=True):
            import_services.confirm_import(org.sdm.user, job)
        return []

    assert run([f"{org.rekan.nip},2026-01-05,96,UPT,ok", f'{org.cucu.nip},05-01-2026,"91,5",UPT,']) == []
    assert TalentPlacement.objects.get(pegawai=org.rekan).box == 8
    assert TalentPlacement.objects.get(pegawai=org.cucu).box == 6
    assert run([f"{org.rekan.nip},2026-01-05,70,UPT,koreksi"]) == []
    assert PotentialAssessment.objects.get(pegawai=org.rekan, assessed_on=datetime.date(2026, 1, 5)).score == 70
    assert TalentPlacement.objects.get(pegawai=org.rekan).box == 2
    errors = run([f"{org.pegawai_malut.nip},2026-01-05,80,,", f"{org.rekan.nip},2026-01-06,101,,"])
    text = str(errors)
    assert "tidak ditemukan" in text and "0 sampai 100" in text


# --- demo ----------------------------------------------------------------------------------------------------------


def test_demo_fills_the_grid_and_a_succession_plan_idempotently(org):
    jabatan = make_jabatan(org.gorontalo, "STAF-DEMO", kind=Jabatan.Kind.PELAKSANA)
    make_jabatan(org.gorontalo, demo.KEY_POSITION[0], kind=Jabatan.Kind.ADMINISTRATOR, name="Kepala Bidang Mutasi")
    make_unit(org.gorontalo, demo.KEY_POSITION[1], "Bidang Mutasi dan Promosi", parent=org.bkd)
    for index in range(18):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=jabatan, nama=f"Demo {index}")
    demo.load_talent()
    placements = dict(TalentPlacement.objects.filter(pegawai__instansi=org.gorontalo).values_list("pegawai_id", "box"))
    assessments = PotentialAssessment.objects.count()
    candidates = SuccessionCandidate.objects.count()
    demo.load_talent()
    assert (
        dict(TalentPlacement.objects.filter(pegawai__instansi=org.gorontalo).values_list("pegawai_id", "box"))
        == placements
    )
    assert (PotentialAssessment.objects.count(), SuccessionCandidate.objects.count()) == (assessments, candidates)
    assert set(placements.values()) == set(range(1, 10))  # a filled 9-box
    plan = SuccessionPlan.objects.get(instansi=org.gorontalo)
    assert plan.candidates.count() >= 1 and all(c.box in (7, 8, 9) for c in plan.candidates.all())
