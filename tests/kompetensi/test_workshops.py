"""Workshops: a session type with facilitators, expected outputs and materials, enrolled like any session, counting
JP per day by the participant's instansi's conversion rule for workshops."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kompetensi import services
from kompetensi.models import BentukPengembangan, JPEntry, KonversiJP, SessionMaterial, TrainingSession
from kompetensi.services.session_time import local_time

from .conftest import make_course, make_session, running_session

W = TrainingSession.Kind.WORKSHOP


def _workshop(course, **fields):
    return make_session(
        course, kind=W, facilitators="Dra. Rahmawati (BKD)\nAgus Salim", expected_outputs="Rencana aksi unit", **fields
    )


@pytest.mark.parametrize(
    ("kind", "days", "override", "expected"),
    [
        ("pelatihan", 2, None, 12),  # any other session: the course's JP
        (W, 1, None, 5),  # the regulation's example: 5 JP a day
        (W, 2, None, 10),
        (W, 2, ("hari", 3, False), 6),  # the instansi's own rule
        (W, 2, ("hari", 4, True), 8),  # an upper bound: at most 4 a day, never more than the course's 12
        (W, 4, ("hari", 4, True), 12),
        (W, 2, ("kegiatan", 7, False), 7),  # per activity: one unit whatever the days
        (W, 2, ("kurikulum", 0, False), 12),  # by the curriculum: the course's JP
    ],
)
def test_completion_counts_workshop_jp_by_the_conversion_rule(org, training, kind, days, override, expected):
    if override:
        unit, jp, is_max = override
        KonversiJP.objects.create(
            instansi=org.gorontalo, bentuk=BentukPengembangan.objects.get(code="workshop"), unit=unit, jp_per_unit=jp,
            max_jp_per_unit=is_max,
        )  # fmt: skip
    session, enrolments = running_session(org, training, [org.pegawai], kind=kind)
    # days are counted in the instansi's time zone: start at 08:00 there so that 6 hours never cross midnight
    start = local_time(session.start_at, session).replace(hour=8, minute=0, second=0)
    if start > timezone.now():  # after 16:00 UTC it is already the next day in WITA: yesterday's 08:00 has begun
        start -= timedelta(days=1)
    TrainingSession.objects.filter(pk=session.pk).update(
        start_at=start, end_at=start + timedelta(days=days - 1, hours=6)
    )
    session.refresh_from_db()
    services.record_results(org.pelatihan.user, session.pk, {enrolments[0].pk: (True, None)})
    assert JPEntry.objects.get(enrolment=enrolments[0]).jp == expected


def test_the_session_form_takes_workshop_details(org, training, login):
    client = login(org.pelatihan)
    session = make_session(training.course)
    data = {
        "name": session.name, "kind": W, "start_at": "2031-01-05T08:00", "end_at": "2031-01-06T16:00",
        "place": "Aula", "capacity": 20, "enrol_opens_at": "2030-12-01T08:00", "enrol_closes_at": "2031-01-04T08:00",
        "facilitators": "", "expected_outputs": "",
    }  # fmt: skip
    response = client.post(reverse("kompetensi:session_edit", args=[session.pk]), data)
    assert "Isi paling sedikit satu fasilitator" in response.content.decode()
    data["facilitators"] = "Dra. Rahmawati (BKD)"
    data["expected_outputs"] = "Rencana aksi\nDaftar perilaku"
    assert client.post(reverse("kompetensi:session_edit", args=[session.pk]), data).status_code == 302
    session.refresh_from_db()
    assert session.is_workshop and session.output_list == ["Rencana aksi", "Daftar perilaku"]
    page = client.get(reverse("kompetensi:session_manage", args=[session.pk])).content.decode()
    assert "Dra. Rahmawati (BKD)" in page and "Daftar perilaku" in page


def test_materials_are_added_shown_and_served_in_scope(org, training, login):
    session = _workshop(training.course)
    client = login(org.pelatihan)
    add = reverse("kompetensi:session_material_add", args=[session.pk])
    client.post(add, {"title": "Templat rencana aksi", "file": SimpleUploadedFile("templat.pdf", b"%PDF-1.4 uji")})
    client.post(add, {"title": "Slide pembuka", "link": "https://drive.example.go.id/slide"})
    response = client.post(
        add, {"title": "Palsu", "file": SimpleUploadedFile("palsu.pdf", b"MZ bukan pdf")}, follow=True
    )
    assert "tidak sesuai dengan jenisnya" in response.content.decode()
    response = client.post(add, {"title": "Kosong"}, follow=True)
    assert "salah satu saja" in response.content.decode()
    assert list(SessionMaterial.objects.values_list("title", flat=True)) == ["Templat rencana aksi", "Slide pembuka"]
    material = SessionMaterial.objects.get(title="Templat rencana aksi")
    download = reverse("kompetensi:session_material", args=[material.pk])
    course_page = login(org.pegawai).get(training.course.url).content.decode()
    assert "Workshop" in course_page and "Dra. Rahmawati (BKD)" in course_page and download in course_page
    assert "https://drive.example.go.id/slide" in course_page
    body = login(org.pegawai).get(download)
    assert body.status_code == 200 and b"".join(body.streaming_content) == b"%PDF-1.4 uji"
    assert login(org.pegawai_malut).get(download).status_code == 404
    assert login(org.pegawai).post(reverse("kompetensi:session_material_remove", args=[material.pk])).status_code == 403
    assert (
        login(org.sdm_malut).post(reverse("kompetensi:session_material_remove", args=[material.pk])).status_code == 404
    )
    login(org.pelatihan).post(reverse("kompetensi:session_material_remove", args=[material.pk]))
    assert not SessionMaterial.objects.filter(pk=material.pk).exists()


def test_the_catalogue_filters_by_session_type(org, training, login):
    workshop_course = make_course(training.catalog, "Lokakarya Rencana Aksi", bentuk="workshop", jp=5)
    _workshop(workshop_course)
    client = login(org.pegawai)
    page = client.get(training.catalog.url, {"jenis": "workshop"}).content.decode()
    assert "Lokakarya Rencana Aksi" in page and training.course.title not in page
    page = client.get(training.catalog.url, {"jenis": "pelatihan"}).content.decode()
    assert "Lokakarya Rencana Aksi" not in page and training.course.title in page
    page = client.get(training.catalog.url, {"jenis": "ngawur"}).content.decode()
    assert "Lokakarya Rencana Aksi" in page and training.course.title in page


def test_the_api_says_the_session_type(org, training, login):
    _workshop(training.course)
    kinds = {row["kind"] for row in login(org.pegawai).get("/api/v1/training/sessions/").json()["results"]}
    assert kinds == {"pelatihan", "workshop"}


def test_material_files_are_private(org, training):
    session = _workshop(training.course)
    material = services.add_material(
        actor=org.pelatihan.user, session=session,
        material=SessionMaterial(title="Berkas", file=SimpleUploadedFile("b.pdf", io.BytesIO(b"%PDF").read())),
    )  # fmt: skip
    assert material.file.name.startswith("kompetensi/materi/") and "b.pdf" not in material.file.name
    with pytest.raises(PermissionDenied):
        services.add_material(
            actor=org.pegawai.user, session=session, material=SessionMaterial(title="x", link="https://x.id")
        )
