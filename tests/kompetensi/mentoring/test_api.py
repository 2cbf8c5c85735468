"""The mentoring API: confirm (and dispute) a session as the mentee; others are refused as the pages refuse them."""

from django.utils import timezone

from kompetensi.models import JPEntry, MentoringSession

from .conftest import log


def test_the_mentee_confirms_through_the_api(org, mentoring, login):
    session = log(mentoring.pair, timezone.localdate())
    response = login(org.pegawai).post(f"/api/v1/mentoring/sessions/{session.pk}/confirm/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "confirmed" and data["jp"] == 2 and data["mentor"] == org.atasan.nama
    assert JPEntry.objects.filter(mentoring_session=session, jp=2).exists()
    again = login(org.pegawai).post(f"/api/v1/mentoring/sessions/{session.pk}/confirm/")
    assert again.status_code == 400 and "Status tidak dapat diubah" in again.json()["detail"]


def test_others_are_refused(org, mentoring, login):
    session = log(mentoring.pair, timezone.localdate())
    path = f"/api/v1/mentoring/sessions/{session.pk}/confirm/"
    assert login(org.atasan).post(path).status_code == 403  # sees it, is not the mentee
    assert login(org.sdm).post(path).status_code == 403
    for who in (org.rekan, org.konten, org.sdm_malut, org.pegawai_malut):
        assert login(who).post(path).status_code == 404
    session.refresh_from_db()
    assert session.status == MentoringSession.Status.LOGGED


def test_dispute_needs_a_reason(org, mentoring, login):
    session = log(mentoring.pair, timezone.localdate())
    path = f"/api/v1/mentoring/sessions/{session.pk}/dispute/"
    assert login(org.pegawai).post(path).status_code == 400
    response = login(org.pegawai).post(path, {"reason": "Sesi tidak terjadi"})
    assert response.status_code == 200 and response.json()["status"] == "disputed"


def test_the_list_is_scoped(org, mentoring, login):
    session = log(mentoring.pair, timezone.localdate())
    assert [r["id"] for r in login(org.pegawai).get("/api/v1/mentoring/sessions/").json()["results"]] == [session.pk]
    assert login(org.rekan).get("/api/v1/mentoring/sessions/").json()["count"] == 0
    assert login(org.sdm_malut).get("/api/v1/mentoring/sessions/").json()["count"] == 0
    assert login(org.sdm_malut).get(f"/api/v1/mentoring/sessions/{session.pk}/").status_code == 404


def test_the_schema_lists_the_confirm_endpoint(org, login):
    schema = login(org.pegawai).get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert "/api/v1/mentoring/sessions/{id}/confirm/" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/mentoring/sessions/{id}/confirm/"]
