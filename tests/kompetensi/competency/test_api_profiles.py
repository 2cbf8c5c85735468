"""The competency profile API: mine, and an employee's in my scope (404 outside it), in the OpenAPI schema."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kompetensi.competency import services
from kompetensi.competency.models import Evidence

ME = "/api/v1/competency/me/"


def _assess(org, competency, level):
    services.record_evidence(
        actor=org.sdm.user, pegawai=org.pegawai, competency=competency, source=Evidence.Source.ASSESSMENT_CENTER,
        level=level, observed_on=timezone.localdate() - timedelta(days=3),
    )  # fmt: skip


@pytest.fixture
def assessed(org, dictionary):
    n = dictionary.national
    _assess(org, n["M.01"], 3)
    _assess(org, n["M.03"], 2)
    _assess(org, n["M.04"], 5)
    _assess(org, dictionary.teknis, 2)
    return dictionary


EXPECTED = {
    "M.01": (3, 3, 0), "M.03": (3, 2, 1), "M.04": (3, 5, 0), "T.SDM.01": (4, 2, 2),
}  # fmt: skip


def _rows(data):
    return {row["code"]: (row["required_level"], row["current_level"], row["gap"]) for row in data["competencies"]}


def test_my_profile(org, assessed, login, django_assert_max_num_queries):
    client = login(org.pegawai)
    client.get(ME)
    with django_assert_max_num_queries(8):
        data = client.get(ME).json()
    assert _rows(data) == EXPECTED
    assert data["match_percent"] == 76.92
    assert data["band"]["code"] == "kurang_optimal" and data["band"]["name"] == "Kurang optimal"
    assert data["pegawai_id"] == org.pegawai.pk and data["jabatan"] == "Analis SDM Aparatur Ahli Muda"
    row = next(r for r in data["competencies"] if r["code"] == "T.SDM.01")
    assert row["name"] == "Manajemen ASN" and row["group"] == "teknis"


def test_no_standard_no_match(org, dictionary, login):
    data = login(org.rekan).get(ME).json()
    assert data == {"pegawai_id": org.rekan.pk, "jabatan": None, "competencies": [], "match_percent": None,
                    "band": None}  # fmt: skip


def test_me_needs_a_pegawai_and_a_login(org, client):
    assert client.get(ME).status_code in (401, 403)
    client.force_login(org.superadmin)
    assert client.get(ME).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("pegawai", 200), ("atasan", 200), ("sdm", 200), ("pimpinan", 200), ("rekan", 404), ("konten", 404),
     ("cucu", 404), ("sdm_malut", 404), ("pegawai_malut", 404)],
)  # fmt: skip
def test_an_employee_profile_in_scope(org, assessed, client, who, status):
    client.force_login(getattr(org, who).user)
    response = client.get(f"/api/v1/competency/employees/{org.pegawai.pk}/")
    assert response.status_code == status
    if status == 200:
        assert _rows(response.json()) == EXPECTED


def test_unknown_employee_is_404(org, login):
    assert login(org.sdm).get("/api/v1/competency/employees/999999/").status_code == 404


def test_schema_lists_the_competency_endpoints(org, login):
    schema = login(org.pegawai).get(reverse("api-schema")).content.decode()
    for path in ["/api/v1/competency/me/", "/api/v1/competency/employees/{id}/"]:
        assert path in schema
    assert "match_percent" in schema and "required_level" in schema
