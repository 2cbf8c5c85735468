import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ..factories import make_pegawai


@pytest.fixture
def api():
    return APIClient()


def test_me_returns_the_logged_in_employee(org, api):
    api.force_authenticate(org.rekan.user)
    data = api.get("/api/v1/me/").json()
    assert data["nip"] == org.rekan.nip
    assert data["instansi"] == "Pemerintah Provinsi Gorontalo"
    assert data["time_zone"] == "Asia/Makassar"
    assert data["roles"] == ["Pegawai"]
    api.force_authenticate(org.pegawai.user)
    assert api.get("/api/v1/me/").json()["roles"] == ["Atasan", "Pegawai"]


def test_me_without_pegawai_is_404(org, api):
    api.force_authenticate(org.superadmin)
    assert api.get("/api/v1/me/").status_code == 404


def test_anonymous_gets_401_or_403_not_a_redirect(db, api):
    for url in ("/api/v1/me/", "/api/v1/employees/", "/api/v1/schema/", "/api/v1/docs/"):
        assert api.get(url).status_code in (401, 403), url


def test_token_authentication(org, api):
    token = Token.objects.create(user=org.atasan.user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.get("/api/v1/employees/")
    assert response.status_code == 200
    assert {row["nip"] for row in response.json()["results"]} == {org.atasan.nip, org.pegawai.nip, org.rekan.nip}


def test_employees_are_scoped_and_filtered_by_unit(org, api):
    api.force_authenticate(org.sdm.user)
    rows = api.get("/api/v1/employees/").json()["results"]
    assert org.pegawai_malut.nip not in {row["nip"] for row in rows}
    rows = api.get("/api/v1/employees/", {"unit": org.kominfo.pk}).json()["results"]
    assert [row["nip"] for row in rows] == [org.konten.nip]


def test_other_instansi_employee_is_404(org, api):
    api.force_authenticate(org.sdm_malut.user)
    assert api.get(f"/api/v1/employees/{org.pegawai.nip}/").status_code == 404
    assert api.get(f"/api/v1/employees/{org.pegawai_malut.nip}/").status_code == 200


def test_employees_are_paginated_with_constant_queries(org, api, django_assert_max_num_queries):
    api.force_authenticate(org.sdm.user)
    with django_assert_max_num_queries(10) as small:
        api.get("/api/v1/employees/")
    for i in range(60):
        make_pegawai(org.gorontalo, org.bidang, nama=f"Api {i}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        data = api.get("/api/v1/employees/").json()
    assert data["count"] == 68 and len(data["results"]) == 50 and data["next"]


def test_api_is_read_only(org, api):
    api.force_authenticate(org.sdm.user)
    assert api.post("/api/v1/employees/", {"nip": "1"}).status_code == 405


def test_openapi_schema_lists_the_endpoints(org, api):
    api.force_authenticate(org.pegawai.user)
    response = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/me/", "/api/v1/employees/", "/api/v1/employees/{nip}/"} <= set(schema["paths"])
    assert api.get("/api/v1/docs/").status_code == 200
