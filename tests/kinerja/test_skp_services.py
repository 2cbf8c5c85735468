"""Writing, submitting and deciding an SKP: who may do each step, the cascade, Plt/Plh acting on behalf of the
evaluator, and the revision after approval."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.models import ActingEvaluator, BerakhlakValue, Skp, SkpTransition
from kinerja.skp import queries, services

from .conftest import approved_skp


def _draft(org, period, parent_rhk):
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    rhk = services.save_rhk(actor=org.pegawai.user, skp=skp, text="Terselenggaranya pelatihan", intervened=parent_rhk)
    services.save_iki(actor=org.pegawai.user, rhk=rhk, text="Pelatihan terselenggara", aspek="kuantitas", target="6")
    return skp


def test_only_hr_of_the_instansi_opens_a_period_with_its_windows(org):
    year = timezone.localdate().year
    for who in (org.pegawai, org.atasan, org.sdm_malut):
        with pytest.raises(PermissionDenied):
            services.open_period(actor=who.user, instansi=org.gorontalo, year=year)
    period = services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=year, cadence="bulanan")
    assert period.windows.count() == 12
    with pytest.raises(ValidationError, match="sudah ada"):
        services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=year)


def test_a_new_skp_keeps_a_snapshot_and_the_seven_values(org, period):
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    assert (skp.status, skp.evaluator, skp.evaluator_name, skp.unit_name) == (
        "draft", org.atasan, org.atasan.full_name, org.bidang.name,
    )  # fmt: skip
    assert skp.perilaku.count() == BerakhlakValue.objects.count() == 7
    assert list(skp.transitions.values_list("to_status", flat=True)) == ["draft"]
    with pytest.raises(PermissionDenied):
        services.start_skp(actor=org.atasan.user, pegawai=org.pegawai, period=period)
    with pytest.raises(ValidationError, match="sudah mempunyai"):
        services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)


def test_the_cascade_points_only_into_the_evaluatorsapproved_skp(org, period):
    atasan_skp = services.start_skp(actor=org.atasan.user, pegawai=org.atasan, period=period)
    atasan_rhk = services.save_rhk(actor=org.atasan.user, skp=atasan_skp, text="RHK atasan")
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    with pytest.raises(ValidationError, match="belum disetujui"):
        services.save_rhk(actor=org.pegawai.user, skp=skp, text="RHK saya", intervened=atasan_rhk)
    assert not queries.intervenable_rhk(skp).exists()

    rekan_skp, rekan_rhk = approved_skp(org.rekan, period, text="RHK rekan")
    with pytest.raises(ValidationError, match="pejabat penilai Anda"):
        services.save_rhk(actor=org.pegawai.user, skp=skp, text="RHK saya", intervened=rekan_rhk)

    Skp.objects.filter(pk=atasan_skp.pk).update(status=Skp.Status.APPROVED)
    assert list(queries.intervenable_rhk(skp)) == [atasan_rhk]
    rhk = services.save_rhk(actor=org.pegawai.user, skp=skp, text="RHK saya", intervened=atasan_rhk)
    assert rhk.intervened == atasan_rhk
    with pytest.raises(ValidationError, match="ajukan revisi"):
        services.delete_rhk(actor=org.atasan.user, rhk=atasan_rhk)
    services.revise_skp(actor=org.atasan.user, skp=atasan_skp, reason="Restrukturisasi")
    with pytest.raises(ValidationError, match="diintervensi oleh RHK bawahan"):
        services.delete_rhk(actor=org.atasan.user, rhk=atasan_rhk)


def test_submission_says_what_is_missing(org, period):
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    with pytest.raises(ValidationError) as missing:
        services.submit_skp(actor=org.pegawai.user, skp=skp)
    assert "RHK utama" in str(missing.value)
    services.save_rhk(actor=org.pegawai.user, skp=skp, text="Terselenggaranya pelatihan")
    with pytest.raises(ValidationError) as missing:
        services.submit_skp(actor=org.pegawai.user, skp=skp)
    assert "indikator" in str(missing.value) and "diintervensi" in str(missing.value)


def test_submit_approve_return_and_revise(org, period):
    _atasan_skp, parent = approved_skp(org.atasan, period)
    skp = _draft(org, period, parent)
    with pytest.raises(PermissionDenied):
        services.submit_skp(actor=org.atasan.user, skp=skp)
    services.submit_skp(actor=org.pegawai.user, skp=skp)
    assert list(queries.to_decide(org.atasan.user)) == [skp]
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.save_rhk(actor=org.pegawai.user, skp=skp, text="Tambahan", kind="tambahan")
    for who in (org.pegawai, org.rekan, org.sdm, org.pimpinan):
        with pytest.raises(PermissionDenied):
            services.approve_skp(actor=who.user, skp=skp)
    with pytest.raises(ValidationError, match="perlu diperbaiki"):
        services.return_skp(actor=org.atasan.user, skp=skp, reason="")
    services.return_skp(actor=org.atasan.user, skp=skp, reason="Target IKI belum terukur")
    services.save_iki(actor=org.pegawai.user, rhk=skp.rhk.get(), text="Peserta lulus", aspek="kualitas", target="90 %")
    services.submit_skp(actor=org.pegawai.user, skp=skp)
    services.approve_skp(actor=org.atasan.user, skp=skp)
    with pytest.raises(ValidationError, match="alasan revisi"):
        services.revise_skp(actor=org.pegawai.user, skp=skp, reason=" ")
    skp = services.revise_skp(actor=org.pegawai.user, skp=skp, reason="Tugas tambahan dari pimpinan")
    assert (skp.status, skp.revision) == ("draft", 1)
    history = list(skp.transitions.values_list("to_status", "actor__username", "reason"))
    assert history == [
        ("draft", "pegawai", ""),
        ("submitted", "pegawai", ""),
        ("returned", "atasan", "Target IKI belum terukur"),
        ("submitted", "pegawai", ""),
        ("approved", "atasan", ""),
        ("draft", "pegawai", "Tugas tambahan dari pimpinan"),
    ]


def test_a_plt_decides_on_behalf_of_the_evaluator_within_the_dates(org, period):
    _atasan_skp, parent = approved_skp(org.atasan, period)
    skp = _draft(org, period, parent)
    services.submit_skp(actor=org.pegawai.user, skp=skp)
    today = timezone.localdate()
    acting = ActingEvaluator.objects.create(
        official=org.atasan, acting=org.rekan, kind="plh", starts_on=today - timedelta(days=10),
        ends_on=today - timedelta(days=1),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.approve_skp(actor=org.rekan.user, skp=skp)  # the assignment has ended
    acting.ends_on = today + timedelta(days=3)
    acting.save()
    assert list(queries.to_decide(org.rekan.user)) == [skp]
    services.approve_skp(actor=org.rekan.user, skp=skp, reason="Plh Kepala Bidang")
    row = SkpTransition.objects.get(skp=skp, to_status="approved")
    assert (row.actor, row.on_behalf_of) == (org.rekan.user, org.atasan)


def test_the_evaluator_sets_a_special_expectation_before_approval(org, period):
    _atasan_skp, parent = approved_skp(org.atasan, period)
    skp = _draft(org, period, parent)
    value = BerakhlakValue.objects.get(code="BERORIENTASI_PELAYANAN")
    with pytest.raises(PermissionDenied):
        services.set_expectation(actor=org.pegawai.user, skp=skp, value=value, text="Melayani cepat")
    services.set_expectation(actor=org.atasan.user, skp=skp, value=value, text="Menjawab permohonan dalam 1 hari")
    assert skp.perilaku.get(value=value).ekspektasi_khusus == "Menjawab permohonan dalam 1 hari"
