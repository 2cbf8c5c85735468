"""The talent pages: the grid, its drill-down and export, the pool, scoping for HR (the instansi), Pimpinan (their
unit and below), employees and supervisors (refused) and another instansi (404), the menu and the profile section,
and constant query counts."""

import csv
import io

import pytest
from django.urls import reverse

from kinerja.talent import services
from kinerja.talent.models import TalentBox
from portal.models import Pegawai
from tests.factories import make_jabatan, make_pegawai

from .conftest import give, place_all

pytestmark = pytest.mark.django_db

GRID = reverse("kinerja:talent_grid")
LIST = reverse("kinerja:talent_list")
POOL = reverse("kinerja:talent_pool")


def counts(response):
    return {
        cell.box.number: cell.count for _potensial, _label, cells in response.context["grid"].rows for cell in cells
    }


def nips(response):
    return {row.pegawai.nip for row in response.context["page"].object_list}


def test_hr_sees_the_whole_instansi_on_the_grid(talent, login):
    org = talent.org
    response = login(org.sdm).get(GRID)
    assert response.status_code == 200
    assert counts(response) == {9: 2, 8: 1, 7: 0, 6: 0, 5: 1, 4: 0, 3: 0, 2: 0, 1: 1}
    grid = response.context["grid"]
    assert (grid.mapped, grid.unmapped) == (5, 3)
    # laid out like the regulation's figure: potensial rows high to low, kinerja columns low to high
    assert [potensial for potensial, _label, _cells in grid.rows] == ["TINGGI", "MENENGAH", "RENDAH"]
    assert [cell.box.number for cell in grid.rows[0][2]] == [6, 8, 9]
    assert [cell.box.number for cell in grid.rows[2][2]] == [1, 2, 4]
    assert grid.rows[0][2][2].share == 40
    body = response.content.decode()
    assert f'{LIST}?kotak=9"' in body and "Dipromosikan dan dipertahankan" in body
    assert "Hitung ulang sekarang" in body


def test_the_unit_picker_includes_sub_units(talent, login):
    org = talent.org
    client = login(org.sdm)
    bkd = client.get(GRID, {"unit": org.bkd.pk})
    assert counts(bkd)[9] == 1 and counts(bkd)[8] == 1  # BKD and its Bidang; not Kominfo
    labels = dict(bkd.context["units"])
    assert labels[org.bidang.pk] == "— Bidang Pengembangan Kompetensi"
    assert client.get(GRID, {"unit": org.malut_unit.pk}).status_code == 404


def test_drill_down_shows_the_people_of_a_box_with_their_evidence(talent, login):
    org = talent.org
    response = login(org.sdm).get(LIST, {"kotak": 9})
    assert nips(response) == {org.pegawai.nip, org.konten.nip}
    body = response.content.decode()
    assert "Sangat Baik" in body and "95.00" in body
    assert reverse("employee_detail", args=[org.pegawai.nip]) in body
    assert 'data-testid="box-actions"' in body and "Penghargaan" in body
    unmapped = login(org.sdm).get(LIST, {"kotak": "belum"})
    assert nips(unmapped) == {org.pimpinan.nip, org.sdm.nip, org.pelatihan.nip}
    assert "Belum ada predikat kinerja tahunan final" in unmapped.content.decode()
    assert len(nips(login(org.sdm).get(LIST))) == 8


def test_the_pool_holds_boxes_7_8_and_9(talent, login):
    org = talent.org
    response = login(org.sdm).get(POOL)
    assert nips(response) == {org.pegawai.nip, org.konten.nip, org.atasan.nip}
    TalentBox.objects.create(instansi=org.gorontalo, kinerja="SESUAI", potensial="MENENGAH", number=5,
                             recommendations="x", in_pool=True)  # fmt: skip
    assert org.rekan.nip in nips(login(org.sdm).get(POOL))


def test_pimpinan_sees_their_unit_and_below_only(talent, login):
    org = talent.org
    client = login(org.pimpinan)
    response = client.get(GRID)
    assert response.status_code == 200
    assert counts(response)[9] == 1  # Siti Pegawai in the BKD's Bidang; Darmawan Konten is in Kominfo
    assert "Hitung ulang sekarang" not in response.content.decode()
    assert org.konten.nip not in nips(client.get(LIST, {"kotak": 9}))
    assert org.kominfo.pk not in dict(response.context["units"])
    assert client.get(GRID, {"unit": org.kominfo.pk}).status_code == 404
    assert org.konten.nip not in nips(client.get(POOL))
    assert client.get(reverse("kinerja:talent_assessments")).status_code == 403
    assert client.post(reverse("kinerja:talent_recompute")).status_code == 403


@pytest.mark.parametrize("who", ["pegawai", "atasan", "konten"])
def test_employees_and_supervisors_are_refused(talent, login, who):
    client = login(getattr(talent.org, who))
    for url in (GRID, LIST, POOL, reverse("kinerja:succession_plans"), reverse("kinerja:talent_assessments")):
        assert client.get(url).status_code == 403, url


def test_another_instansi_sees_its_own_grid_only(talent, login):
    org = talent.org
    client = login(org.sdm_malut)
    response = client.get(LIST)
    assert nips(response) == {org.pegawai_malut.nip, org.sdm_malut.nip}
    assert org.pegawai.nip not in response.content.decode()
    assert client.get(LIST, {"unit": org.bidang.pk}).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_of_the_list_is_formula_safe(talent, login, fmt):
    org = talent.org
    Pegawai.objects.filter(pk=org.konten.pk).update(nama='=HYPERLINK("http://x")')
    response = login(org.sdm).get(LIST, {"kotak": 9, "format": fmt})
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][:5] == ["NIP", "Nama", "Unit kerja", "Jabatan", "Kotak"]
        assert {row[0] for row in rows[1:]} == {org.pegawai.nip, org.konten.nip}
        assert any(row[1].startswith("'=HYPERLINK") for row in rows[1:])
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content)).active
        assert all(isinstance(cell.value, str) for cell in sheet["A"][1:])
        assert {cell.value for cell in sheet["E"][1:]} == {9}
    grid_export = login(org.sdm).get(GRID, {"format": fmt})
    assert grid_export.status_code == 200 and "kotak-talenta" in grid_export["Content-Disposition"]


def test_hr_recomputes_now(talent, login):
    org = talent.org
    give(org.sdm, "BAIK", 95)
    response = login(org.sdm).post(reverse("kinerja:talent_recompute"), follow=True)
    assert counts(response)[8] == 2


def test_menu_entry_for_hr_and_pimpinan_only(talent, login):
    assert GRID in login(talent.org.sdm).get("/").content.decode()
    assert GRID in login(talent.org.pimpinan).get("/").content.decode()
    assert GRID not in login(talent.org.pegawai).get("/").content.decode()


def test_profile_section_for_hr_and_the_pimpinan_of_the_unit_not_the_employee(talent, login):
    org = talent.org
    url = reverse("employee_detail", args=[org.pegawai.nip])
    body = login(org.sdm).get(url).content.decode()
    assert 'data-testid="talent-section"' in body and "Kotak 9" in body
    assert 'data-testid="talent-section"' in login(org.pimpinan).get(url).content.decode()
    assert 'data-testid="talent-section"' not in login(org.pegawai).get(url).content.decode()
    konten = reverse("employee_detail", args=[org.konten.nip])
    assert 'data-testid="talent-section"' not in login(org.pimpinan).get(konten).content.decode()


def _grow(org, count, start):
    for index in range(start, start + count):
        person = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Talenta {index}")
        give(person, "BAIK" if index % 2 else "SANGAT_BAIK", 70 + index)
    place_all(org)


@pytest.mark.parametrize(
    "url", [GRID, LIST, POOL, reverse("kinerja:succession_plans"), reverse("kinerja:talent_assessments")]
)
def test_pages_cost_a_constant_number_of_queries(talent, login, django_assert_max_num_queries, url):
    org = talent.org
    client = login(org.sdm)
    _grow(org, 8, 0)
    client.get(url)  # the frame's caches are warm again after the new accounts
    with django_assert_max_num_queries(30) as first:
        client.get(url)
    baseline = len(first.captured_queries)  # read now: the next request empties the connection's log
    _grow(org, 12, 8)
    client.get(url)
    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    assert response.status_code == 200


def test_pimpinan_pages_cost_a_constant_number_of_queries(talent, login, django_assert_max_num_queries):
    org = talent.org
    client = login(org.pimpinan)
    client.get(LIST)
    with django_assert_max_num_queries(30) as first:
        client.get(LIST)
    baseline = len(first.captured_queries)
    _grow(org, 10, 0)
    client.get(LIST)
    with django_assert_max_num_queries(baseline):
        client.get(LIST)


def test_the_nightly_recompute_costs_a_constant_number_of_queries(talent, django_assert_max_num_queries):
    org = talent.org
    with django_assert_max_num_queries(20) as first:
        services.recompute_instansi(instansi=org.gorontalo)
    baseline = len(first.captured_queries)
    _grow(org, 10, 0)
    with django_assert_max_num_queries(baseline):
        services.recompute_instansi(instansi=org.gorontalo)


def test_a_plan_with_more_candidates_costs_no_more_queries(talent, login, django_assert_max_num_queries):
    org = talent.org
    plan = services.create_plan(
        actor=org.sdm.user, instansi=org.gorontalo, jabatan=make_jabatan(org.gorontalo, "KABID"), unit=org.bidang
    )
    url = reverse("kinerja:succession_plan", args=[plan.pk])
    client = login(org.sdm)
    services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=org.pegawai, readiness="siap_sekarang")
    client.get(url)
    with django_assert_max_num_queries(35) as first:
        client.get(url)
    baseline = len(first.captured_queries)
    _grow(org, 6, 0)
    for person in Pegawai.objects.filter(nama__startswith="Talenta"):
        services.add_candidate(actor=org.sdm.user, plan=plan, pegawai=person, readiness="1_2_tahun",
                               outside_pool_reason="uji")  # fmt: skip
    client.get(url)
    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    assert len(response.context["candidates"]) == 7
