"""The evaluation API: the team list, rating with the predikat in the answer, finalising, my results hidden until
final, and scoping (another instansi 404, the employee may not rate)."""

import pytest
from rest_framework.test import APIClient

from kinerja.evaluation import services
from kinerja.models import Evaluation


@pytest.fixture
def evaluation(org, period, chain):
    services.open_evaluations(actor=org.sdm.user, period=period, window=period.windows.get(sequence=1))
    return Evaluation.objects.get(skp=chain.bottom)


def api(who):
    client = APIClient()
    client.force_authenticate(getattr(who, "user", who))
    return client


RATE = {"rating_hasil_kerja": "DI_ATAS", "rating_perilaku_kerja": "DI_ATAS", "reason": "Melampaui target"}


def test_team_rate_finalise_and_me(org, evaluation):
    team = api(org.atasan).get("/api/v1/kinerja/evaluations/team/").json()
    assert [(row["nip"], row["status"], row["predikat"]) for row in team] == [(org.pegawai.nip, "open", None)]
    answer = api(org.atasan).post(f"/api/v1/kinerja/evaluations/{evaluation.pk}/rate/", RATE, format="json")
    assert answer.status_code == 200 and answer.json()["predikat"] == "SANGAT_BAIK"
    mine = api(org.pegawai).get("/api/v1/kinerja/evaluations/me/").json()
    assert [(row["status"], row["predikat"], row["rating_hasil_kerja"]) for row in mine] == [("rated", None, None)]
    assert (
        api(org.atasan).post(f"/api/v1/kinerja/evaluations/{evaluation.pk}/finalise/").json()["status"] == "finalised"
    )
    mine = api(org.pegawai).get("/api/v1/kinerja/evaluations/me/").json()
    assert [(row["predikat"], row["rating_hasil_kerja"]) for row in mine] == [("SANGAT_BAIK", "DI_ATAS")]
    again = api(org.atasan).post(f"/api/v1/kinerja/evaluations/{evaluation.pk}/rate/", RATE, format="json")
    assert again.status_code == 400 and "sudah final" in again.json()["detail"]


@pytest.mark.parametrize(("who", "status"), [("pegawai", 403), ("pimpinan", 403), ("rekan", 404), ("sdm_malut", 404)])
def test_only_the_evaluator_rates(org, evaluation, who, status):
    response = api(getattr(org, who)).post(f"/api/v1/kinerja/evaluations/{evaluation.pk}/rate/", RATE, format="json")
    assert response.status_code == status
    evaluation.refresh_from_db()
    assert evaluation.status == "open"


def test_bad_ratings_are_refused(org, evaluation):
    response = api(org.atasan).post(
        f"/api/v1/kinerja/evaluations/{evaluation.pk}/rate/", {**RATE, "rating_hasil_kerja": "BAIK"}, format="json"
    )
    assert response.status_code == 400 and "rating_hasil_kerja" in response.json()


def test_anonymous_gets_nothing(evaluation):
    assert APIClient().get("/api/v1/kinerja/evaluations/team/").status_code in (401, 403)
