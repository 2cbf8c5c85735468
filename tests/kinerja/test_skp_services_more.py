"""The services the SKP pages needed beyond the foundation: starting from the evaluator's RHK, the lampiran, the
Plt/Plh assignment, and the notifications of each step."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.models import ActingEvaluator, Skp
from kinerja.skp import services
from portal.models import Notification

from .conftest import approved_skp


@pytest.fixture
def period(org):
    return services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=timezone.localdate().year)


def test_starting_from_the_evaluators_rhk_cascades_each_of_them(org, period):
    with pytest.raises(ValidationError, match="belum mempunyai SKP yang disetujui"):
        services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period, from_evaluator=True)
    assert not Skp.objects.filter(pegawai=org.pegawai).exists()  # all or nothing
    _atasan_skp, parent = approved_skp(org.atasan, period)
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period, from_evaluator=True)
    assert list(skp.rhk.values_list("text", "intervened", "kind")) == [(parent.text, parent.pk, "utama")]


def test_starting_from_last_years_skp_copies_rhk_and_iki_without_the_cascade(org, period):
    last_year = services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=period.year - 1)
    old, _rhk = approved_skp(org.pegawai, last_year, text="RHK tahun lalu")
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period, copy_from=old)
    rhk = skp.rhk.get()
    assert (rhk.text, rhk.intervened_id, rhk.iki.get().target) == ("RHK tahun lalu", None, "95 %")


def test_lampiran_and_approach_are_written_by_the_employee_on_a_draft_only(org, period):
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    with pytest.raises(PermissionDenied):
        services.save_details(actor=org.atasan.user, skp=skp, approach="kualitatif")
    with pytest.raises(ValidationError, match="Pilih pendekatan"):
        services.save_details(actor=org.pegawai.user, skp=skp, approach="bebas")
    services.save_details(actor=org.pegawai.user, skp=skp, approach="kualitatif", konsekuensi="  Tunjangan  ")
    skp.refresh_from_db()
    assert (skp.approach, skp.konsekuensi) == ("kualitatif", "Tunjangan")
    Skp.objects.filter(pk=skp.pk).update(status=Skp.Status.SUBMITTED)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.save_details(actor=org.pegawai.user, skp=skp, approach="kuantitatif")


def test_only_hr_of_the_instansi_assigns_a_plt_within_the_rules(org):
    today = timezone.localdate()
    ok = {"official": org.atasan, "acting": org.rekan, "kind": "plt", "starts_on": today, "ends_on": today}
    for who in (org.pegawai, org.atasan, org.pimpinan, org.sdm_malut):
        with pytest.raises(PermissionDenied):
            services.assign_acting_evaluator(actor=who.user, **ok)
    for change, message in [
        ({"acting": org.pegawai_malut}, "instansi yang sama"),
        ({"acting": org.atasan}, "dirinya sendiri"),
        ({"kind": "pj"}, "Plt atau Plh"),
        ({"ends_on": today - timedelta(days=1)}, "sebelum tanggal mulai"),
    ]:
        with pytest.raises(ValidationError, match=message):
            services.assign_acting_evaluator(actor=org.sdm.user, **{**ok, **change})
    made = services.assign_acting_evaluator(actor=org.sdm.user, **ok, note="SK Gubernur 800/12")
    assert (made.created_by, made.note) == (org.sdm.user, "SK Gubernur 800/12")
    with pytest.raises(ValidationError, match="sudah mempunyai Plt/Plh"):
        services.assign_acting_evaluator(actor=org.sdm.user, **{**ok, "acting": org.cucu})
    assert ActingEvaluator.objects.count() == 1


def test_each_step_tells_who_must_know(org, kinerja):
    today = timezone.localdate()
    services.assign_acting_evaluator(
        actor=org.sdm.user, official=org.atasan, acting=org.rekan, kind="plh", starts_on=today, ends_on=today
    )
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    asked = Notification.objects.filter(kind="kinerja.skp_submitted")
    assert set(asked.values_list("recipient__username", flat=True)) == {"atasan", "rekan"}
    assert "Siti Pegawai" in asked.first().title
    services.return_skp(actor=org.rekan.user, skp=kinerja.skp, reason="Target belum terukur")
    returned = Notification.objects.get(recipient=org.pegawai.user, kind="kinerja.skp_returned")
    assert "dikembalikan" in returned.title and "Target belum terukur" in returned.body
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    assert Notification.objects.filter(kind="kinerja.skp_submitted").count() == 4  # asked again after the return
    services.approve_skp(actor=org.atasan.user, skp=kinerja.skp)
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kinerja.skp_approved").exists()
