"""The heatmap, the unit grid and their exports: figures, scoping, permissions and query counts."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kompetensi.insight import queries, rules
from portal.models import UnitKerja
from tests.factories import make_pegawai

from .conftest import assess

ORG_URL = reverse("kompetensi:insight:organisation")


def unit_url(unit, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("kompetensi:insight:unit", args=[unit.pk]) + (f"?{query}" if query else "")


def test_heatmap_cells_count_employees_meeting_and_levels_missing(org, levels):
    heat = queries.heatmap(org.sdm.user)
    m03 = levels.national["M.03"]
    cell = heat.cells[(org.bidang.pk, m03.pk)]
    assert (cell.employees, cell.meeting, cell.required, cell.held) == (2, 1, 6, 4)
    assert cell.percent_meeting == 50
    assert cell.average_gap == Decimal("1.0")
    teknis = heat.cells[(org.bidang.pk, levels.teknis.pk)]
    assert (teknis.employees, teknis.meeting, teknis.required, teknis.held) == (2, 1, 8, 4)
    assert [c.code for c in heat.competencies] == ["T.SDM.01", "M.01", "M.03", "M.04"] or {
        c.code for c in heat.competencies
    } == {"T.SDM.01", "M.01", "M.03", "M.04"}
    assert heat.units == [(org.bidang.pk, org.bidang.name)]


def test_heatmap_filters_by_group_and_by_unit_with_its_sub_units(org, levels):
    managerial = queries.heatmap(org.sdm.user, group="manajerial")
    assert {c.code for c in managerial.competencies} == {"M.01", "M.03", "M.04"}
    # the same figures as without the filter (the group is not joined twice)
    cell = managerial.cells[(org.bidang.pk, levels.national["M.03"].pk)]
    assert (cell.employees, cell.meeting, cell.required, cell.held) == (2, 1, 6, 4)
    below_bkd = queries.heatmap(org.sdm.user, unit_ids=queries.unit_and_below(org.sdm.user, org.bkd.pk))
    assert below_bkd.units == [(org.bidang.pk, org.bidang.name)]
    assert queries.heatmap(org.sdm.user, unit_ids=queries.unit_and_below(org.sdm.user, org.kominfo.pk)).units == []
    # another instansi's unit is no unit at all
    assert queries.unit_and_below(org.sdm.user, org.malut_unit.pk) == set()


def test_band_distribution_per_unit(org, levels):
    units, bands = queries.band_distribution(org.sdm.user)
    bidang = next(row for row in units if row.unit_id == org.bidang.pk)
    # rekan 13/13 optimal; pegawai 6/13 = 46 % kurang optimal; atasan, cucu and pelatihan have no standard
    assert bidang.distribution.counts == {"optimal": 1, "kurang_optimal": 1}
    assert bidang.distribution.no_standard == 3
    assert [band.code for band in bands] == ["optimal", "cukup_optimal", "kurang_optimal"]


@pytest.mark.parametrize("role", ["sdm", "pimpinan"])
def test_hr_and_leaders_open_the_heatmap_and_a_unit(org, levels, login, role):
    client = login(getattr(org, role))
    response = client.get(ORG_URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert org.bidang.name in body and "50%" in body and "Kurang optimal" in body
    assert "Siti Pegawai" not in body  # the organisation view names no one
    response = client.get(unit_url(org.bidang))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Siti Pegawai" in body and "Budi Rekan" in body and "kurang 2" in body


def test_the_gap_metric_shows_average_levels_missing(org, levels, login):
    body = login(org.sdm).get(ORG_URL + "?metrik=kesenjangan").content.decode()
    assert "1.0" in body or "1,0" in body


@pytest.mark.parametrize("role", ["pegawai", "atasan", "konten"])
def test_employees_and_supervisors_are_refused(org, levels, login, role):
    client = login(getattr(org, role))
    assert client.get(ORG_URL).status_code == 403
    assert client.get(unit_url(org.bidang)).status_code == 403


def test_another_instansi_gets_404_for_a_unit_and_sees_none_of_ours(org, levels, login):
    client = login(org.sdm_malut)
    assert client.get(unit_url(org.bidang)).status_code == 404
    assert client.get(unit_url(org.bidang, format="xlsx")).status_code == 404
    body = client.get(ORG_URL + f"?unit={org.bidang.pk}").content.decode()
    assert org.bidang.name not in body
    export = client.get(ORG_URL + "?format=csv").content.decode()
    assert org.bidang.name not in export


def test_anonymous_is_sent_to_login(client, org):
    response = client.get(ORG_URL)
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_exports_xlsx_and_csv_neutralise_formulas(org, levels, login):
    UnitKerja.objects.filter(pk=org.bidang.pk).update(name='=HYPERLINK("http://x")')
    client = login(org.sdm)
    response = client.get(ORG_URL + "?format=xlsx")
    assert response["Content-Disposition"].endswith('peta-kompetensi.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Unit kerja"
    m03 = next(row for row in rows[1:] if row[1] == "M.03")
    assert m03[0].startswith("'=") and m03[4:] == (2, 1, 50, 1)
    assert book.worksheets[1].title == "Sebaran kesesuaian"
    text = client.get(ORG_URL + "?format=csv").content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert all(not line[0].startswith("=") for line in lines)
    unit_csv = client.get(unit_url(org.bidang, format="csv")).content.decode("utf-8-sig")
    unit_rows = list(csv.reader(io.StringIO(unit_csv)))
    siti_m03 = next(row for row in unit_rows if row[1] == "Siti Pegawai" and row[3] == "M.03")
    assert siti_m03[5:8] == ["3", "1", "2"]
    book = load_workbook(io.BytesIO(client.get(unit_url(org.bidang, format="xlsx")).content))
    assert book.worksheets[0].cell(row=2, column=1).number_format == "@"


def _more_people(org, levels, n):
    for i in range(n):
        unit = org.bidang if i % 2 else org.kominfo
        person = make_pegawai(org.gorontalo, unit, nama=f"Pegawai Tambahan {i}", jabatan=levels.jabatan)
        assess(org, person, levels.national["M.03"], 1 + i % 3)


def test_the_heatmap_costs_the_same_for_more_employees(org, levels, login, django_assert_max_num_queries):
    client = login(org.sdm)
    client.get(ORG_URL)  # the frame and the menu are kept after the first request
    with django_assert_max_num_queries(QUERIES) as small:
        assert client.get(ORG_URL).status_code == 200
    count = len(small.captured_queries)
    _more_people(org, levels, 12)
    client.get(ORG_URL)  # adding people renews the kept frames
    with django_assert_max_num_queries(count):
        assert client.get(ORG_URL).status_code == 200
    with django_assert_max_num_queries(count):
        assert client.get(ORG_URL + "?format=xlsx").status_code == 200


def test_the_unit_grid_costs_the_same_for_more_employees(org, levels, login, django_assert_max_num_queries):
    client = login(org.sdm)
    client.get(unit_url(org.bidang))
    with django_assert_max_num_queries(QUERIES) as small:
        assert client.get(unit_url(org.bidang)).status_code == 200
    count = len(small.captured_queries)
    _more_people(org, levels, 60)
    client.get(unit_url(org.bidang))  # adding people renews the kept frames
    with django_assert_max_num_queries(count):
        response = client.get(unit_url(org.bidang))
    assert response.status_code == 200
    assert response.context["page"].paginator.num_pages == 2  # 35 employees in the unit, 25 a page
    with django_assert_max_num_queries(count):
        assert client.get(unit_url(org.bidang, format="csv")).status_code == 200


QUERIES = 30


def test_the_menu_offers_the_map_to_hr_and_leaders_only(org, levels, login):
    assert "Peta kompetensi" in login(org.sdm).get(ORG_URL).content.decode()
    body = login(org.pegawai).get(reverse("kompetensi:my_competency")).content.decode()
    assert ORG_URL not in body


def test_rules_and_queries_agree_on_the_cell_tone(org, levels):
    heat = queries.heatmap(org.sdm.user)
    for _unit, _name, cells in heat.rows(rules.MEETING):
        for _competency, cell, value, tone in cells:
            assert tone == (None if cell is None else rules.tone(value, rules.MEETING))
