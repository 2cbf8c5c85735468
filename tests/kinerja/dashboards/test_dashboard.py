"""The HR and leaders' dashboard: who sees it, each chart's table from the instansi's own data (never another's),
the exports, the year picker, charts registered by other packages, and a fixed number of queries."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.dashboards.registry import Chart, Table, charts, register_chart
from kinerja.service_desk import demo as service_desk_demo
from kinerja.service_desk.models import ServiceRequest
from kinerja.talent import services as talent_services
from portal.models import Jabatan
from tests.factories import make_jabatan, make_pegawai
from tests.kinerja.decisions.conftest import qualify

pytestmark = pytest.mark.django_db


def _page(client, **params):
    return client.get(reverse("kinerja:dashboard"), params)


def _card(response, key):
    return next(card for card in response.context["cards"] if card["chart"].key == key)


@pytest.mark.parametrize("who, status", [("sdm", 200), ("pimpinan", 200), ("atasan", 403), ("pegawai", 403)])
def test_for_hr_and_pimpinan(org, login, who, status):
    assert _page(login(getattr(org, who))).status_code == status


def test_predikat_tables_count_final_annual_results_of_the_instansi(org, login):
    period_date = qualify(org.pegawai, predikat=("BAIK", "SANGAT_BAIK"))
    qualify(org.rekan, predikat=("BUTUH_PERBAIKAN", "BAIK"))
    qualify(org.pegawai_malut, predikat=("SANGAT_BAIK", "SANGAT_BAIK"))
    year = period_date.year - 1
    response = _page(login(org.sdm), tahun=year)
    assert response.context["year"] == year
    by_unit = _card(response, "predikat-unit")["table"]
    # Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang, total
    assert by_unit.rows == [[org.bidang.name, 0, 1, 1, 0, 0, 2]]
    by_year = _card(response, "predikat-tahun")["table"]
    assert [row[0] for row in by_year.rows] == [year - 1, year]
    assert by_year.rows[-1][1:] == [0, 50, 50, 0, 0, 2]
    body = response.content.decode()
    assert org.malut_unit.name not in body
    assert 'data-series="1,2,3,4,5"' in body and "chart.umd.min.js" in body


def test_default_year_is_the_latest_with_final_results(org, login):
    period_date = qualify(org.pegawai)
    assert _page(login(org.sdm)).context["year"] == period_date.year - 1
    assert _page(login(org.sdm), tahun="abc").context["year"] == period_date.year - 1


def test_export_of_one_chart(org, login):
    period_date = qualify(org.pegawai)
    response = _page(login(org.sdm), tahun=period_date.year - 1, ekspor="predikat-unit", format="csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Unit kerja" and rows[1][0] == org.bidang.name
    assert _page(login(org.sdm), ekspor="tidak-ada", format="csv").status_code == 404
    assert _page(login(org.pegawai), ekspor="predikat-unit", format="csv").status_code == 403


def test_a_package_adds_its_chart(org, login):
    def build(context):
        return Table(headers=["Kotak", "Pegawai"], rows=[["9", 3]], series=(1,))

    register_chart(Chart("uji", "Grafik uji", build), order=999)
    try:
        response = _page(login(org.pimpinan))
        assert _card(response, "uji")["table"].rows == [["9", 3]]
        assert 'data-testid="chart-uji"' in response.content.decode()
    finally:
        charts.remove("uji")


def test_constant_queries(org, login, django_assert_max_num_queries):
    qualify(org.pegawai)
    client = login(org.sdm)
    _page(client)
    with django_assert_max_num_queries(60) as captured:
        _page(client)
    few = len(captured)
    for person in (org.rekan, org.cucu, org.konten):
        qualify(person)
    with django_assert_max_num_queries(few):
        _page(client)


def test_the_9_box_chart_counts_each_box(org, login):
    qualify(org.pegawai, predikat=("SANGAT_BAIK", "SANGAT_BAIK"))
    talent_services.record_assessment(
        actor=org.sdm.user, pegawai=org.pegawai, assessed_on=timezone.localdate(), score=95, lembaga="UPT Asesmen"
    )
    talent_services.recompute_instansi(instansi=org.gorontalo, notify_hr=False)
    table = _card(_page(login(org.sdm)), "kotak-talenta")["table"]
    assert len(table.rows) == 9
    assert sum(row[1] for row in table.rows) == 1 and table.rows[-1][1] == 1  # box 9: above expectations, high


def test_the_service_desk_chart_shows_each_type_against_its_sla(org, login):
    jabatan = make_jabatan(org.gorontalo, "STAF-DEMO", kind=Jabatan.Kind.PELAKSANA)
    for index in range(len(service_desk_demo.CASES)):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=jabatan, nama=f"Demo {index}")
    service_desk_demo.load_service_desk()
    year = ServiceRequest.objects.filter(instansi=org.gorontalo).latest("submitted_on").submitted_on.year
    table = _card(_page(login(org.sdm), tahun=year), "layanan-sla")["table"]
    counts = {row[0]: row[2] for row in table.rows}
    assert (
        sum(counts.values()) == ServiceRequest.objects.filter(instansi=org.gorontalo, submitted_on__year=year).count()
    )
    assert all(0 <= row[1] <= 100 for row in table.rows)
