"""The "Keterlambatan" report: HR sees their instansi per unit and per pejabat penilai, Pimpinan their own unit and
the units below it, another instansi never appears; the people behind each count, the period picker, the exports,
the empty state, and a constant number of queries."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from kinerja.compliance import permissions, queries
from kinerja.compliance.panels import lateness_panel
from kinerja.models import PerformancePeriod
from kinerja.skp import services
from tests.export_helpers import HOSTILE, assert_no_formula
from tests.factories import make_pegawai, make_unit

from .conftest import open_period, submit

URL = reverse("kinerja:lateness")


def _units(reach, late):
    return {row.name: (row.filers, row.approvals, row.ratings, row.days)
            for row in queries.unit_rows(late.period, late.today, reach)}  # fmt: skip


def test_hr_sees_every_unit_of_their_instansi(org, late):
    reach = permissions.report_reach(org.sdm.user)
    assert reach.unit_ids is None
    assert _units(reach, late) == {
        "Bidang Pengembangan Kompetensi": (2, 1, 1, 10),  # Siti and Cucu; Budi's SKP; Ayu's Triwulan I
        "Dinas Kominfo": (1, 0, 0, 10),  # Wati
    }
    evaluators = {row.evaluator.nama: (row.approvals, row.ratings, row.days)
                  for row in queries.evaluator_rows(late.period, late.today, reach)}  # fmt: skip
    assert evaluators == {"Ayu Atasan": (1, 0, 10), "Kepala BKD": (0, 1, 4)}


def test_pimpinan_sees_their_organisation_only(org, late, login):
    reach = permissions.report_reach(org.pimpinan.user)
    assert reach.unit_ids == {org.bkd.pk, org.bidang.pk}
    assert _units(reach, late) == {"Bidang Pengembangan Kompetensi": (2, 1, 1, 10)}  # Kominfo is not under BKD
    client = login(org.pimpinan)
    page = client.get(URL).content.decode()
    assert "Bidang Pengembangan Kompetensi" in page and "Dinas Kominfo" not in page and "Wati Kominfo" not in page
    assert client.get(reverse("kinerja:lateness_unit", args=[org.kominfo.pk])).status_code == 404
    assert client.get(reverse("kinerja:lateness_unit", args=[org.bidang.pk])).status_code == 200


def test_the_page_for_hr_with_the_people_behind_a_unit(org, late, login):
    client = login(org.sdm)
    page = client.get(URL).content.decode()
    assert "Bidang Pengembangan Kompetensi" in page and "Dinas Kominfo" in page and "Ayu Atasan" in page
    assert "Rahasia Malut" not in page and "BKD Maluku Utara" not in page
    drill = client.get(reverse("kinerja:lateness_unit", args=[org.bidang.pk])).content.decode()
    assert [name in drill for name in ("Siti Pegawai", "Cucu Bawahan", "Budi Rekan", "Ayu Atasan")] == [True] * 4
    assert "Wati Kominfo" not in drill
    # each row links to the SKP or the evaluation (HR may open every one of the instansi); Cucu has no SKP yet
    for url in (reverse("kinerja:skp_detail", args=[late.waiting.pk]), reverse("kinerja:skp_detail", args=[late.draft.pk]),
                reverse("kinerja:evaluation", args=[late.evaluation.pk])):  # fmt: skip
        assert url in drill
        assert client.get(url).status_code == 200
    assert "10 hari" in drill and "4 hari" in drill


def test_the_people_of_one_evaluator_are_their_decisions_and_ratings(org, late, login):
    client = login(org.sdm)
    drill = client.get(reverse("kinerja:lateness_evaluator", args=[org.atasan.pk])).content.decode()
    assert "Budi Rekan" in drill and "SKP menunggu persetujuan" in drill
    assert "Siti Pegawai" not in drill  # a late filer is not the evaluator's lateness


@pytest.mark.parametrize("who", ["pegawai", "atasan", "konten", "superadmin"])
def test_others_may_not_open_the_report(org, late, login, who):
    client = login(getattr(org, who))
    assert client.get(URL).status_code == 403
    assert client.get(reverse("kinerja:lateness_unit", args=[org.bidang.pk])).status_code == 403


def test_another_instansi_never_appears(org, late, login):
    client = login(org.sdm_malut)
    page = client.get(URL).content.decode()
    assert "Rahasia Malut Terlambat" in page or "BKD Maluku Utara" in page  # their own late filer
    for name in ("Siti Pegawai", "Budi Rekan", "Ayu Atasan", "Bidang Pengembangan Kompetensi"):
        assert name not in page
    assert client.get(reverse("kinerja:lateness_unit", args=[org.bidang.pk])).status_code == 404
    assert client.get(reverse("kinerja:lateness_evaluator", args=[org.atasan.pk])).status_code == 404
    assert client.get(URL, {"periode": late.period.pk}).content.decode().count("Ayu Atasan") == 0  # not their period
    malut = client.get(reverse("kinerja:lateness_unit", args=[org.malut_unit.pk])).content.decode()
    assert "Rahasia Malut Terlambat" in malut
    assert login(org.sdm).get(reverse("kinerja:lateness_unit", args=[org.malut_unit.pk])).status_code == 404


def test_the_period_picker_shows_an_earlier_year(org, late, login):
    earlier = open_period(org.sdm, org.gorontalo, late.deadline.replace(year=late.deadline.year - 1))
    PerformancePeriod.objects.filter(pk=earlier.pk).update(status=PerformancePeriod.Status.CLOSED)
    client = login(org.sdm)
    assert "Ayu Atasan" in client.get(URL).content.decode()  # the open period by default
    page = client.get(URL, {"periode": earlier.pk}).content.decode()
    # nobody filed in the earlier year: every employee with a supervisor is late there, and nothing waits
    assert f'value="{earlier.pk}" selected' in page and "Budi Rekan" not in page
    assert "Per unit kerja" in page and "Tidak ada keputusan atau penilaian yang terlambat." in page


def test_nothing_late_shows_the_empty_state(org, login):
    open_period(org.sdm, org.gorontalo, timezone.localdate() + timedelta(days=5))  # the deadline is still ahead
    page = login(org.sdm).get(URL).content.decode()
    assert 'data-testid="lateness-empty"' in page and "Tidak ada yang terlambat." in page


def test_no_period_yet(org, login):
    page = login(org.sdm).get(URL).content.decode()
    assert "Belum ada periode kinerja." in page


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_exports_are_formula_safe(org, late, login, fmt):
    for hostile in HOSTILE:
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=hostile)
    client = login(org.sdm)
    response = client.get(URL, {"format": fmt})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="keterlambatan-kinerja-{late.period.year}.{fmt}"'
    if fmt == "xlsx":
        values = assert_no_formula(response.content)
        assert "Siti Pegawai" in values and "Bidang Pengembangan Kompetensi" in values and "Ayu Atasan" in values
        assert "Wati Kominfo" in values and "Rahasia Malut Terlambat" not in values
    else:
        text = response.content.decode("utf-8-sig")
        assert "Bidang Pengembangan Kompetensi" in text and "\n=" not in text and ",=" not in text
    unit = client.get(reverse("kinerja:lateness_unit", args=[org.bidang.pk]), {"format": fmt})
    assert unit.status_code == 200 and "keterlambatan-bkd-pk-" in unit["Content-Disposition"]
    if fmt == "xlsx":
        assert "'=1+1" in assert_no_formula(unit.content)


def test_the_pages_cost_a_constant_number_of_queries(org, late, login, django_assert_max_num_queries):
    client = login(org.sdm)
    drill = reverse("kinerja:lateness_unit", args=[org.bidang.pk])
    client.get(URL)
    client.get(drill)
    with django_assert_max_num_queries(40) as report:
        client.get(URL)
    report = len(report.captured_queries)  # read now: the next request empties the connection's log
    with django_assert_max_num_queries(40) as people:
        client.get(drill)
    people = len(people.captured_queries)
    # more units, more late filers, more evaluators with SKP waiting
    for n in range(4):
        unit = make_unit(org.gorontalo, f"U{n}", f"Unit Tambahan {n}")
        boss = make_pegawai(org.gorontalo, unit, atasan=org.pimpinan, nama=f"Kepala {n}")
        make_pegawai(org.gorontalo, unit, atasan=boss, nama=f"Belum Mengajukan {n}")
        staff = make_pegawai(org.gorontalo, org.bidang, atasan=boss, nama=f"Menunggu {n}")
        submit(
            services.start_skp(actor=staff.user, pegawai=staff, period=late.period), late.deadline - timedelta(days=1)
        )
    client.get(URL)
    with django_assert_max_num_queries(report):
        page = client.get(URL).content.decode()
    assert "Unit Tambahan 3" in page and "Kepala 3" in page
    with django_assert_max_num_queries(people):
        assert "Menunggu 3" in client.get(drill).content.decode()


def test_the_menu_and_the_leaders_panel_lead_to_the_report(org, late, login):
    for who in (org.sdm, org.pimpinan):  # the Kelola menu
        assert f'href="{URL}"' in login(who).get(reverse("kinerja:queue")).content.decode()
    assert f'href="{URL}"' not in login(org.pegawai).get(reverse("kinerja:queue")).content.decode()
    request = RequestFactory().get("/")
    request.user = org.pimpinan.user
    assert lateness_panel(request) | {"period": None} == {"period": None, "filers": 2, "approvals": 1, "ratings": 1}
    request.user = org.sdm.user
    assert lateness_panel(request) is None  # HR reaches it from the Kelola menu
