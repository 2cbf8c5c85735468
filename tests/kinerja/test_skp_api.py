"""The SKP API: my SKP of the open period with RHK and IKI, and submit / approve / return, scoped like the pages
(another instansi's SKP is a 404; someone who may see it but not move it gets 403)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinerja.models import ActingEvaluator, Skp

pytestmark = pytest.mark.django_db


def _url(skp, step):
    return f"/api/v1/kinerja/skp/{skp.pk}/{step}/"


def test_me_answers_my_skp_with_rhk_and_iki(org, kinerja, login):
    data = login(org.pegawai).get("/api/v1/kinerja/skp/me/").json()
    assert (data["id"], data["status"], data["year"]) == (kinerja.skp.pk, "draft", kinerja.period.year)
    rhk = data["rhk"][0]
    assert rhk["intervened_id"] == kinerja.parent.pk and rhk["intervened_text"] == kinerja.parent.text
    assert rhk["iki"] == [
        {"id": kinerja.iki.pk, "aspek": "waktu", "text": "Usul selesai tepat waktu", "target": "95 %"}
    ]
    assert len(data["perilaku"]) == 7
    assert login(org.rekan).get("/api/v1/kinerja/skp/me/").status_code == 404  # no SKP yet
    assert login(org.superadmin).get("/api/v1/kinerja/skp/me/").status_code == 404  # no employee record


def test_submit_approve_and_return_answer_the_new_state(org, kinerja, login):
    client = login(org.pegawai)
    assert client.post(_url(kinerja.skp, "approve")).status_code == 403  # the owner sees it but may not approve
    response = client.post(_url(kinerja.skp, "submit"))
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    again = client.post(_url(kinerja.skp, "submit"))
    assert again.status_code == 400 and "tidak dapat diubah" in again.json()["detail"]
    atasan = login(org.atasan)
    response = atasan.post(_url(kinerja.skp, "return"), {"reason": ""})
    assert response.status_code == 400 and "perlu diperbaiki" in response.json()["detail"]
    response = atasan.post(_url(kinerja.skp, "return"), {"reason": "Target kabur"})
    assert response.json()["status"] == "returned"
    login(org.pegawai).post(_url(kinerja.skp, "submit"))
    response = login(org.atasan).post(_url(kinerja.skp, "approve"), {"reason": "Baik"})
    assert response.status_code == 200 and response.json()["status"] == "approved"


@pytest.mark.parametrize(
    "role, status",
    [("rekan", 404), ("cucu", 404), ("konten", 404), ("pimpinan", 403), ("sdm", 403), ("sdm_malut", 404),
     ("pegawai_malut", 404)],
)  # fmt: skip
def test_the_wrong_person_gets_403_or_404(org, kinerja, login, role, status):
    Skp.objects.filter(pk=kinerja.skp.pk).update(status=Skp.Status.SUBMITTED)
    client = login(getattr(org, role))
    for step in ("submit", "approve", "return"):
        assert client.post(_url(kinerja.skp, step), {"reason": "x"}).status_code == status, step
    assert Skp.objects.get(pk=kinerja.skp.pk).status == "submitted"


def test_a_plt_approves_through_the_api(org, kinerja, login):
    Skp.objects.filter(pk=kinerja.skp.pk).update(status=Skp.Status.SUBMITTED)
    today = timezone.localdate()
    # UTC here; Gorontalo (WITA) is a day ahead from 16:00 UTC
    ActingEvaluator.objects.create(official=org.atasan, acting=org.rekan, kind="plt", starts_on=today - timedelta(days=1),
                                   ends_on=today + timedelta(days=1))  # fmt: skip
    assert login(org.rekan).post(_url(kinerja.skp, "approve")).json()["status"] == "approved"
    assert kinerja.skp.transitions.get(to_status="approved").on_behalf_of == org.atasan


def test_the_schema_names_the_skp_endpoints(org, login):
    schema = login(org.pegawai).get("/api/v1/schema/").content.decode()
    for path in ("/api/v1/kinerja/skp/me/", "/api/v1/kinerja/skp/{id}/submit/", "/api/v1/kinerja/skp/{id}/return/"):
        assert path in schema
    assert "SkpStatusEnum" in schema
