"""The yearly JP ledger: sums per year from completed courses and approved external learning, targets for
PNS and PPPK, and the HR compliance figures."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from kompetensi import queries, services
from kompetensi.models import BentukPengembangan, ExternalLearning, JPEntry, TargetJP
from portal.models import Notification
from tests.factories import make_pegawai


def _external(pegawai, code="seminar", units=2, claimed=10, end=None):
    end = end or timezone.localdate() - timedelta(days=1)
    item = ExternalLearning(
        bentuk=BentukPengembangan.objects.get(code=code), title=f"Kegiatan {code}", start_date=end - timedelta(days=units - 1),
        end_date=end, units=units, jp_claimed=claimed,
    )  # fmt: skip
    item.evidence.save("bukti.pdf", ContentFile(b"%PDF-1.4"), save=False)
    return services.submit_external_learning(pegawai.user, item)


def _entry(pegawai, year, jp, title="Kursus"):
    from kompetensi.models import Enrolment

    from .conftest import make_catalog, make_course, make_session

    course = make_course(make_catalog(pegawai.instansi), title, jp=jp)
    session = make_session(course, start_in=timedelta(days=300 + jp))
    enrolment = Enrolment.objects.create(session=session, pegawai=pegawai, status="completed")
    return JPEntry.objects.create(
        pegawai=pegawai, year=year, day=date(year, 6, 1), jp=jp, source="course", title=title, enrolment=enrolment
    )


def test_year_sum_counts_courses_and_approved_external_only(org, training):
    year = timezone.localdate().year
    _entry(org.pegawai, year, 12)
    _entry(org.pegawai, year - 1, 30, "Tahun lalu")
    approved = _external(org.pegawai, "seminar", units=2, claimed=10)
    services.approve_external_learning(org.atasan.user, approved.pk)  # 4 JP per hari x 2 = 8
    pending = _external(org.pegawai, "workshop", units=1, claimed=5, end=timezone.localdate() - timedelta(days=20))
    summary = queries.jp_summary(org.pegawai, year)
    assert summary == {"year": year, "jp": 20, "target": 20, "percent": 100, "remaining": 0}
    assert queries.jp_summary(org.pegawai, year - 1)["jp"] == 30
    services.reject_external_learning(org.atasan.user, pending.pk, "Bukti kurang")
    assert queries.jp_summary(org.pegawai, year)["jp"] == 20


def test_targets_pns_default_instansi_override_and_pppk(org):
    assert queries.target_for(org.pegawai) == 20
    TargetJP.objects.create(status="PNS", instansi=org.gorontalo, target=30)
    assert queries.target_for(org.pegawai) == 30
    assert queries.target_for(org.pegawai_malut) == 20
    pppk = make_pegawai(org.gorontalo, org.bidang, status="PPPK")
    assert queries.target_for(pppk) == 24  # the regulation default row for PPPK
    TargetJP.objects.create(status="PPPK", instansi=org.gorontalo, target=16)
    assert queries.target_for(pppk) == 16
    pppk_malut = make_pegawai(org.malut, org.malut_unit, status="PPPK")
    assert queries.target_for(pppk_malut) == 24


def test_compliance_measures_each_employee_against_their_own_instansi_and_status(org):
    """The superadmin's report spans instansi: each row carries its own instansi's target for its status."""
    year = timezone.localdate().year
    TargetJP.objects.create(status="PNS", instansi=org.malut, target=40)
    TargetJP.objects.create(status="PPPK", instansi=org.gorontalo, target=12)
    pppk = make_pegawai(org.gorontalo, org.bidang, status="PPPK")
    people = {p.pk: p.target for p in queries.compliance(org.superadmin, year, below_only=False)}
    assert people[org.pegawai.pk] == 20
    assert people[org.pegawai_malut.pk] == 40
    assert people[pppk.pk] == 12


def test_external_learning_rules(org, training):
    # five days inside one month, whatever today is (the cap is per month: a range across two would double it)
    end = timezone.localdate().replace(day=1) - timedelta(days=10)
    item = _external(org.pegawai, "coaching", units=5, claimed=10, end=end)  # 2 JP per sesi, 2 sesi per bulan
    assert services.suggested_jp(item) == 4
    assert Notification.objects.filter(recipient=org.atasan.user, kind="kompetensi.external_requested").count() == 1
    with pytest.raises(PermissionDenied):
        services.approve_external_learning(org.pegawai.user, item.pk)  # not their own
    with pytest.raises(PermissionDenied):
        services.approve_external_learning(org.rekan.user, item.pk)
    with pytest.raises(ValidationError):
        services.approve_external_learning(org.atasan.user, item.pk, jp_approved=11)
    services.approve_external_learning(org.sdm.user, item.pk, jp_approved=6, note="HR")
    with pytest.raises(ValidationError):
        services.approve_external_learning(org.atasan.user, item.pk)
    assert JPEntry.objects.get(external=item).jp == 6
    future = ExternalLearning(
        bentuk=BentukPengembangan.objects.get(code="seminar"), title="Nanti", start_date=timezone.localdate(),
        end_date=timezone.localdate() + timedelta(days=3), units=1, jp_claimed=4,
    )  # fmt: skip
    future.evidence.save("b.pdf", ContentFile(b"%PDF"), save=False)
    with pytest.raises(ValidationError):
        services.submit_external_learning(org.pegawai.user, future)


def test_compliance_figures(org, training):
    year = timezone.localdate().year
    _entry(org.pegawai, year, 20)
    _entry(org.rekan, year, 8)
    rows = {r["unit__name"]: r for r in queries.compliance_by_unit(org.sdm.user, year)}
    bidang = rows["Bidang Pengembangan Kompetensi"]
    assert bidang["total"] == 5 and bidang["compliant"] == 1 and bidang["below"] == 4
    below = {p.nama: (p.jp, p.target, p.shortfall) for p in queries.compliance(org.sdm.user, year)}
    assert "Siti Pegawai" not in below and below["Budi Rekan"] == (8, 20, 12)
    assert all(p.instansi_id == org.gorontalo.pk for p in queries.compliance(org.sdm.user, year))


def test_beat_entry_names_the_task():
    from celery.schedules import crontab

    from kompetensi import tasks
    from portal.celery import app

    app.finalize()
    entry = app.conf.beat_schedule["kompetensi-session-reminders"]
    assert entry["task"] == tasks.send_session_reminders.name
    assert entry["schedule"] == crontab(hour=1, minute=0)


@pytest.mark.parametrize(
    ("units", "claimed", "expected"),
    [
        (2, 10, 8),  # seminar: 4 JP per hari x 2 = 8, under the claim
        (3, 10, 10),  # 12 by the rule, but never more than was claimed
        (1, 3, 3),
    ],
)
def test_empty_jp_field_applies_the_conversion_rule(org, training, units, claimed, expected):
    item = _external(org.pegawai, "seminar", units=units, claimed=claimed)
    (shown,) = services.with_suggested_jp([item])
    assert shown.suggested_jp == expected
    services.approve_external_learning(org.atasan.user, item.pk, None)
    item.refresh_from_db()
    assert item.jp_approved == expected


def test_a_rule_that_counts_nothing_asks_for_the_jp(org, training):
    item = _external(org.pegawai, "seminar", units=2, claimed=10)
    ExternalLearning.objects.filter(pk=item.pk).update(units=0)  # 4 JP per hari x 0
    with pytest.raises(ValidationError, match="isi JP yang disetujui"):
        services.approve_external_learning(org.atasan.user, item.pk, None)


def test_supervisor_and_employee_see_the_suggested_jp(org, training, login):
    from django.urls import reverse

    _external(org.pegawai, "seminar", units=2, claimed=10)
    assert "Saran aturan konversi: 8 JP" in login(org.atasan).get(reverse("kompetensi:approvals")).content.decode()
    html = login(org.pegawai).get(reverse("kompetensi:my_learning")).content.decode()
    assert "saran aturan konversi: 8 JP" in html


def test_below_target_pages_follow_the_list_reading_only_their_units(org, training, django_assert_max_num_queries):
    """The below-target list counts from the per-unit rows and reads a page from the units it falls in: page by page
    it is the whole list, in its order, also across two units of the same name."""
    from django.core.paginator import Paginator

    from tests.factories import make_unit

    year = timezone.localdate().year
    twin = make_unit(org.gorontalo, "KOMINFO-2", "Dinas Kominfo")  # the same name as org.kominfo
    for n, unit in enumerate([org.kominfo, twin, org.bidang, twin, org.kominfo, org.bkd, twin]):
        person = make_pegawai(org.gorontalo, unit, nama=f"Baru {n % 3}")
        if n % 2:
            _entry(person, year, 6 + n, f"Kursus {n}")
    _entry(org.rekan, year, 25)  # over the target: not listed
    user = org.sdm.user
    expected = [p.pk for p in queries.compliance(user, year)]
    target = queries.jp_targets(user)
    units = queries.compliance_by_unit(user, year, target)
    assert sum(row["below"] for row in units) == len(expected) and org.rekan.pk not in expected
    for size in (1, 2, 3, 5, 25):
        paginator = Paginator(queries.BelowTarget(user, year, units, target=target), size)
        assert paginator.count == len(expected)
        pages = []
        for number in paginator.page_range:
            with django_assert_max_num_queries(1):
                pages += [p.pk for p in paginator.page(number)]
        assert pages == expected
    only_twin = Paginator(queries.BelowTarget(user, year, units, twin.pk, target), 2)
    assert [p.pk for n in only_twin.page_range for p in only_twin.page(n)] == [
        p.pk for p in queries.compliance(user, year, twin.pk)
    ]
    assert only_twin.count == 3
