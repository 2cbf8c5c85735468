"""The training API: same rules and scoping as the pages."""

from datetime import timedelta

from django.urls import reverse

from kompetensi import services
from kompetensi.models import Enrolment

from .conftest import make_session


def test_sessions_list_scoped_and_filtered(org, training, login, malut_catalog):
    client = login(org.pegawai)
    data = client.get("/api/v1/training/sessions/").json()
    names = {row["id"] for row in data["results"]}
    assert names == {training.session.pk, training.approval_session.pk}
    row = next(r for r in data["results"] if r["id"] == training.approval_session.pk)
    assert row["requires_approval"] is True and row["seats_left"] == 5 and row["jp"] == 20
    data = client.get("/api/v1/training/sessions/", {"bentuk": "pelatihan_kepemimpinan"}).json()
    assert [r["id"] for r in data["results"]] == [training.approval_session.pk]
    assert login(org.pegawai_malut).get("/api/v1/training/sessions/").json()["count"] == 0
    training.session.open_to_other_instansi = True
    training.session.save()
    assert login(org.pegawai_malut).get("/api/v1/training/sessions/").json()["count"] == 1


def test_sessions_list_constant_queries(org, training, login, django_assert_max_num_queries):
    client = login(org.pegawai)
    client.get("/api/v1/training/sessions/")
    with django_assert_max_num_queries(12) as few:
        client.get("/api/v1/training/sessions/")
    for n in range(10):
        make_session(training.course, start_in=timedelta(days=40 + n * 3))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/api/v1/training/sessions/").json()["count"] == 12


def test_enrol_answers_the_state(org, training, login):
    client = login(org.pegawai)
    response = client.post(f"/api/v1/training/sessions/{training.approval_session.pk}/enrol/", {"note": "perlu"})
    assert response.status_code == 201 and response.json()["status"] == "pending_approval"
    response = client.post(f"/api/v1/training/sessions/{training.approval_session.pk}/enrol/")
    assert response.status_code == 400 and "sudah terdaftar" in response.json()["detail"]
    response = client.post(f"/api/v1/training/sessions/{training.session.pk}/enrol/")
    assert response.json()["status"] == "confirmed"
    assert login(org.pegawai_malut).post(f"/api/v1/training/sessions/{training.session.pk}/enrol/").status_code == 404


def test_cancel_answers_the_state_and_promotes(org, training, login):
    first = services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)
    waiting = services.enrol(org.cucu.user, org.cucu, training.session.pk)
    assert login(org.rekan).post(f"/api/v1/training/enrolments/{first.pk}/cancel/").status_code == 404
    response = login(org.pegawai).post(f"/api/v1/training/enrolments/{first.pk}/cancel/", {"reason": "sakit"})
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.CONFIRMED
    again = login(org.pegawai).post(f"/api/v1/training/enrolments/{first.pk}/cancel/")
    assert again.status_code == 400


def test_me(org, training, login):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    data = login(org.pegawai).get("/api/v1/training/me/").json()
    assert data["jp"]["target"] == 20 and data["jp"]["jp"] == 0
    assert [e["status"] for e in data["enrolments"]] == ["confirmed"]
    assert login(org.superadmin).get("/api/v1/training/me/").status_code == 404


def test_api_needs_login(client, training):
    for method, url in [("get", "/api/v1/training/sessions/"), ("get", "/api/v1/training/me/"),
                        ("post", f"/api/v1/training/sessions/{training.session.pk}/enrol/")]:  # fmt: skip
        assert getattr(client, method)(url).status_code in (401, 403)


def test_schema_lists_training_endpoints(org, login):
    schema = login(org.pegawai).get(reverse("api-schema")).content.decode()
    for path in ["/api/v1/training/sessions/", "/api/v1/training/sessions/{id}/enrol/",
                 "/api/v1/training/enrolments/{id}/cancel/", "/api/v1/training/me/"]:  # fmt: skip
        assert path in schema
