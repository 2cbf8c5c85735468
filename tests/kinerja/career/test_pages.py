"""Promotion eligibility over the database: the list page, its scoping, filters and export, the API, the profile
section, the nightly snapshots with HR's notice, the admin and import of sanctions, and the demo."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.career import demo, queries, rules, tasks
from kinerja.career.models import EligibilitySnapshot, PromotionRule
from portal.models import HukumanDisiplin, Jabatan, Notification, Pangkat, Pegawai
from tests.factories import make_jabatan, make_pegawai

pytestmark = pytest.mark.django_db


def _next(org):
    return queries.next_period(queries.rules_of(org.gorontalo.pk))


def _qualify(person, period_date, *, years=5, predikat=("BAIK", "BAIK"), golongan="III/a", pendidikan="S1"):
    Pegawai.objects.filter(pk=person.pk).update(
        tmt_pangkat=rules.add_years(period_date, -years), pendidikan=pendidikan,
        pangkat=Pangkat.objects.get(golongan_ruang=golongan),
    )  # fmt: skip
    person.refresh_from_db()
    for year, value in zip((period_date.year - 1, period_date.year - 2), predikat, strict=True):
        demo._annual(person, demo._past_period(person.instansi, year), value)


@pytest.fixture
def promo(org):
    period_date = _next(org)
    _qualify(org.pegawai, period_date)
    _qualify(org.rekan, period_date, years=2)
    return period_date


def _page(client, **params):
    return client.get(reverse("kinerja:promotion"), params)


def test_hr_sees_who_qualifies_and_why(org, login, promo):
    response = _page(login(org.sdm))
    assert response.status_code == 200
    rows = {row.pegawai.pk: row for row in response.context["page"].object_list}
    assert rows[org.pegawai.pk].eligible and not rows[org.rekan.pk].eligible
    assert [r.rule for r in rows[org.rekan.pk].unmet] == [rules.YEARS_IN_RANK]
    body = response.content.decode()
    evaluation = rows[org.pegawai.pk].reasons[1].evidence["evaluation"]
    assert reverse("kinerja:evaluation", args=[evaluation]) in body
    assert reverse("employee_detail", args=[org.rekan.nip]) in body
    assert response.context["period_date"] == promo


def test_filters_by_status_unit_and_period(org, login, promo):
    client = login(org.sdm)
    eligible = _page(client, status="ya").context["page"].object_list
    assert [row.pegawai.pk for row in eligible] == [org.pegawai.pk]
    other_unit = _page(client, unit=org.bidang.parent_id).context["page"].object_list
    assert org.pegawai.pk not in [row.pegawai.pk for row in other_unit]
    later = rules.add_years(promo, 3)
    response = _page(client, periode=later.isoformat())
    assert response.context["period_date"] == later
    rekan = next(row for row in response.context["page"].object_list if row.pegawai.pk == org.rekan.pk)
    # in rank long enough by then; the predikat of those later years is not known yet
    assert {reason.rule for reason in rekan.unmet} == {rules.PREDIKAT}


def test_who_qualifies_in_the_next_periods(org, login, promo):
    rules_ = queries.rules_of(org.gorontalo.pk)
    second = rules_.periods(promo + datetime.timedelta(days=1), 1)[0]
    Pegawai.objects.filter(pk=org.rekan.pk).update(tmt_pangkat=rules.add_years(second, -4))
    rows = _page(login(org.sdm), status="nanti").context["page"].object_list
    assert [(row.pegawai.pk, row.qualifies_on) for row in rows] == [(org.rekan.pk, second)]


def test_the_list_costs_a_constant_number_of_queries(org, login, promo, django_assert_max_num_queries):
    client = login(org.sdm)
    _page(client)
    for index in range(12):
        person = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Tambahan {index}")
        _qualify(person, promo)
        HukumanDisiplin.objects.create(pegawai=person, level="ringan", kind="teguran_lisan", starts_on=promo,
                                       ends_on=promo, sk_number=f"SK/{index}")  # fmt: skip
    _page(client)  # the frame's caches are warm again after the new accounts
    # the site frame's queries plus a fixed few of the list, for 16 employees and for 24
    with django_assert_max_num_queries(40):
        _page(client)
    for index in range(12, 20):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Tambahan {index}")
    _page(client)
    with django_assert_max_num_queries(40):
        response = _page(client)
    assert response.context["counts"]["total"] >= 16


def test_pimpinan_may_view_employees_and_other_instansi_may_not(org, login, promo):
    assert _page(login(org.pimpinan)).status_code == 200
    assert _page(login(org.pegawai)).status_code == 403
    response = _page(login(org.sdm_malut))
    assert response.status_code == 200
    assert org.pegawai.nip not in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_keeps_nip_as_text_and_neutralises_formulas(org, login, promo, fmt):
    Pegawai.objects.filter(pk=org.rekan.pk).update(nama='=HYPERLINK("http://x")')
    response = _page(login(org.sdm), format=fmt)
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][0] == "NIP"
        assert org.pegawai.nip in [row[0] for row in rows]
        assert any(row[1].startswith("'=HYPERLINK") for row in rows[1:])
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content)).active
        nips = [cell.value for cell in sheet["A"][1:]]
        assert org.pegawai.nip in nips and all(isinstance(nip, str) for nip in nips)


def test_api_lists_eligibility_for_hr_only(org, login, promo):
    url = "/api/v1/karier/eligibility/"
    client = login(org.sdm)
    data = client.get(url, {"period": promo.isoformat()}).json()
    mine = next(row for row in data if row["nip"] == org.pegawai.nip)
    assert mine["eligible"] is True
    assert {"rule", "met", "detail"} <= set(mine["reasons"][0])
    assert client.get(url, {"period": "kemarin"}).status_code == 400
    assert login(org.pegawai).get(url).status_code == 403
    assert login(org.pimpinan).get(url).status_code == 403
    other = login(org.sdm_malut).get(url)
    assert other.status_code == 200 and org.pegawai.nip not in other.content.decode()


def test_api_is_in_the_schema(org, login):
    response = login(org.sdm).get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert "/api/v1/karier/eligibility/" in response.json()["paths"]


def test_employee_sees_own_eligibility_on_the_profile(org, login, promo):
    body = login(org.pegawai).get(reverse("employee_detail", args=[org.pegawai.nip])).content.decode()
    assert 'data-testid="promotion-section"' in body and "Memenuhi syarat" in body
    supervisor = login(org.atasan).get(reverse("employee_detail", args=[org.pegawai.nip])).content.decode()
    assert 'data-testid="promotion-section"' not in supervisor


def test_menu_entry_for_hr_and_pimpinan_only(org, login, promo):
    url = reverse("kinerja:promotion")
    assert url in login(org.sdm).get("/").content.decode()
    assert url in login(org.pimpinan).get("/").content.decode()
    assert url not in login(org.pegawai).get("/").content.decode()


def test_nightly_task_stores_snapshots_and_tells_hr_of_changes(org, promo):
    result = tasks.recompute_eligibility()
    assert result["gorontalo"] == 0
    snapshot = EligibilitySnapshot.objects.get(pegawai=org.pegawai, period_date=promo)
    assert snapshot.eligible and {r["rule"] for r in snapshot.reasons} >= {rules.YEARS_IN_RANK, rules.SANCTION}
    assert not Notification.objects.filter(kind="kinerja.eligibility_changed").exists()
    HukumanDisiplin.objects.create(pegawai=org.pegawai, level="berat", kind="turun_jabatan",
                                   starts_on=promo - datetime.timedelta(days=10), sk_number="800/1")  # fmt: skip
    assert tasks.recompute_eligibility()["gorontalo"] == 1
    snapshot.refresh_from_db()
    assert not snapshot.eligible
    notice = Notification.objects.get(kind="kinerja.eligibility_changed")
    assert notice.recipient == org.sdm.user and "Siti Pegawai" in notice.body
    assert EligibilitySnapshot.objects.filter(pegawai=org.pegawai).count() == 1
    # idempotent: nothing changed, nobody told again
    assert tasks.recompute_eligibility()["gorontalo"] == 0


def test_the_nightly_job_is_on_the_beat_schedule():
    from portal.beat import schedule_dict

    assert schedule_dict()["kinerja-eligibility-nightly"]["task"] == "kinerja.career.tasks.recompute_eligibility"


def test_instansi_rule_overrides_the_default_calendar(org):
    PromotionRule.objects.create(instansi=org.malut, calendar="enam_periode_2023", years_in_rank=5)
    assert queries.rules_of(org.malut.pk).rules.years_in_rank == 5
    assert [day.month % 2 for day in queries.rules_of(org.malut.pk).periods(datetime.date(2026, 1, 2), 6)] == [0] * 6
    assert queries.rules_of(org.gorontalo.pk).rules.years_in_rank == 4
    assert len(queries.rules_of(org.gorontalo.pk).days) == 12


def test_sanctions_in_the_admin_are_scoped(org, login):
    sanction = HukumanDisiplin.objects.create(pegawai=org.pegawai, level="ringan", kind="teguran_tertulis",
                                              starts_on=datetime.date(2026, 1, 5), sk_number="800/RAHASIA")  # fmt: skip
    client = login(org.sdm)
    assert "800/RAHASIA" in client.get(reverse("wagtailsnippets_portal_hukumandisiplin:list")).content.decode()
    edit = reverse("wagtailsnippets_portal_hukumandisiplin:edit", args=[sanction.pk])
    assert client.get(edit).status_code == 200
    other = login(org.sdm_malut)
    assert other.get(edit).status_code == 404
    assert "800/RAHASIA" not in other.get(reverse("wagtailsnippets_portal_hukumandisiplin:list")).content.decode()


def test_sanctions_are_imported_and_updated_by_nip_and_sk(org, django_capture_on_commit_callbacks):
    from portal.importing import services as import_services

    def run(rows):
        content = "nip,tingkat,jenis,mulai,sampai,nomor_sk\n" + "".join(f"{row}\n" for row in rows)
        job = import_services.preview_import(org.sdm.user, kind_key="hukuman_disiplin", instansi=org.gorontalo,
                                             uploaded_file=SimpleUploadedFile("h.csv", content.encode()))  # fmt: skip
        assert job.errors == [], job.errors
        with django_capture_on_commit_callbacks(execute=True):
            import_services.confirm_import(org.sdm.user, job)

    run([f"{org.pegawai.nip},sedang,potong_tukin_6,2026-01-01,2026-06-30,800/1"])
    run([f"{org.pegawai.nip},sedang,potong_tukin_9,2026-01-01,2026-09-30,800/1"])
    sanction = HukumanDisiplin.objects.get(pegawai=org.pegawai)
    assert sanction.kind == "potong_tukin_9" and sanction.ends_on == datetime.date(2026, 9, 30)


def test_demo_sets_up_each_reason_idempotently(org):
    jabatan = make_jabatan(org.gorontalo, "STAF-DEMO", kind=Jabatan.Kind.PELAKSANA)
    for index in range(6):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=jabatan, nama=f"Demo {index}")
    demo.load_promotion()
    demo.load_promotion()
    period_date = _next(org)
    rows, _later = queries.eligibility_list(org.gorontalo.pk, period_date)
    unmet = {rule for row in rows for rule in (r.rule for r in row.unmet)}
    assert {rules.YEARS_IN_RANK, rules.PREDIKAT, rules.SANCTION, rules.EDUCATION_CAP} <= unmet
    assert any(row.eligible for row in rows) and any(row.qualifies_on for row in rows)
    assert HukumanDisiplin.objects.filter(pegawai__instansi=org.gorontalo).count() == 1
