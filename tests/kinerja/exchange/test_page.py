"""The "Pertukaran data SIASN" page of HR: its downloads per period and year, the way to the import, the menu entry,
and who may open it."""

import pytest
from django.urls import reverse

from kinerja.exchange import services

from .conftest import completed_course

pytestmark = pytest.mark.django_db


def test_hr_sees_the_downloads_and_the_import(org, login, results):
    completed_course(org.pegawai, year=2025)
    services.record_imported_result(actor=org.sdm.user, pegawai=org.pegawai, year=2023, predikat="BAIK")
    response = login(org.sdm).get(reverse("kinerja:exchange"))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("kinerja:exchange_results", args=[results.period.pk]) + "?format=xlsx" in body
    assert reverse("kinerja:exchange_plan", args=[results.period.pk]) + "?format=csv" in body
    assert reverse("kinerja:exchange_results", args=[results.malut_period.pk]) not in body
    assert reverse("kinerja:exchange_training") in body and '<option value="2025">' in body
    assert f"{reverse('portal_import:index')}?jenis=riwayat_kinerja" in body
    assert reverse("portal_import:template", kwargs={"kind": "riwayat_kinerja", "fmt": "xlsx"}) in body
    period = next(p for p in response.context["periods"] if p.pk == results.period.pk)
    assert (period.skp_count, period.final_count) == (3, 1)
    assert response.context["imported"] == [(2023, 1)]


def test_the_import_page_offers_the_kind_to_hr(org, login):
    response = login(org.sdm).get(reverse("portal_import:index"), {"jenis": "riwayat_kinerja"})
    assert response.status_code == 200
    assert "riwayat_kinerja" in response.content.decode()


def test_an_empty_instansi_gets_an_empty_page(org, login):
    body = login(org.sdm_malut).get(reverse("kinerja:exchange")).content.decode()
    assert "Belum ada periode kinerja." in body and "Belum ada riwayat kinerja yang diimpor." in body


def test_menu_entry_for_hr_only(org, login):
    url = reverse("kinerja:exchange")
    assert url in login(org.sdm).get("/").content.decode()
    for who in (org.pegawai, org.atasan, org.pimpinan, org.pelatihan):
        assert url not in login(who).get("/").content.decode(), who


def test_other_roles_are_refused(org, login):
    for who in (org.pegawai, org.atasan, org.pimpinan, org.konten, org.pelatihan):
        assert login(who).get(reverse("kinerja:exchange")).status_code == 403, who
    assert login(org.superadmin).get(reverse("kinerja:exchange")).status_code == 403  # belongs to no instansi
