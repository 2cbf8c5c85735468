"""Evaluation: who rates, the predikat from the matrix (never typed), changes until final, realisation and feedback,
and the appeal: its deadline, who decides, and that the decision is final."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinerja.evaluation import services
from kinerja.models import ActingEvaluator, Appeal, Evaluation, EvaluationTransition, PredikatCell


@pytest.fixture
def evaluation(org, period, chain):
    window = period.windows.get(sequence=1)
    assert services.open_evaluations(actor=org.sdm.user, period=period, window=window) == 3
    assert services.open_evaluations(actor=org.sdm.user, period=period, window=window) == 0  # idempotent
    return Evaluation.objects.get(skp=chain.bottom, window=window)


def _rate(org, evaluation, hasil="SESUAI", perilaku="SESUAI", who=None):
    return services.rate(
        actor=(who or org.atasan).user, evaluation=evaluation, rating_hasil_kerja=hasil,
        rating_perilaku_kerja=perilaku, reason="Target tercapai sesuai bukti dukung",
    )  # fmt: skip


def test_only_hr_opens_evaluations(org, period, chain):
    for who in (org.atasan, org.pegawai, org.sdm_malut):
        with pytest.raises(PermissionDenied):
            services.open_evaluations(actor=who.user, period=period)
    assert services.open_evaluations(actor=org.sdm.user, period=period) == 3
    assert Evaluation.objects.filter(kind="annual").count() == 3


@pytest.mark.parametrize("who", ["pegawai", "rekan", "pimpinan", "sdm", "sdm_malut"])
def test_only_the_pejabat_penilai_rates(org, evaluation, who):
    with pytest.raises(PermissionDenied):
        _rate(org, evaluation, who=getattr(org, who))


def test_the_predikat_follows_the_matrix_and_may_change_until_final(org, evaluation):
    assert _rate(org, evaluation, "DI_ATAS", "DI_ATAS").predikat == "SANGAT_BAIK"
    assert _rate(org, evaluation, "DI_BAWAH", "SESUAI").predikat == "BUTUH_PERBAIKAN"
    PredikatCell.objects.create(
        instansi=org.gorontalo, hasil_kerja="DI_BAWAH", perilaku_kerja="SESUAI", predikat="KURANG"
    )
    assert _rate(org, evaluation, "DI_BAWAH", "SESUAI").predikat == "KURANG"  # the instansi's own matrix
    with pytest.raises(ValidationError, match="Di Atas, Sesuai"):
        _rate(org, evaluation, "BAIK", "SESUAI")
    with pytest.raises(ValidationError, match="alasan"):
        services.rate(actor=org.atasan.user, evaluation=evaluation, rating_hasil_kerja="SESUAI",
                      rating_perilaku_kerja="SESUAI", reason="")  # fmt: skip
    services.finalise(actor=org.atasan.user, evaluation=evaluation)
    with pytest.raises(ValidationError, match="sudah final"):
        _rate(org, evaluation, "DI_ATAS", "DI_ATAS")
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.predikat) == ("finalised", "KURANG")
    assert list(evaluation.transitions.values_list("to_status", flat=True)) == [
        "open", "rated", "rated", "rated", "finalised",
    ]  # fmt: skip


def test_finalising_needs_ratings(org, evaluation):
    with pytest.raises(ValidationError, match="sebelum memfinalkan"):
        services.finalise(actor=org.atasan.user, evaluation=evaluation)


def test_a_plh_rates_on_behalf_of_the_evaluator(org, evaluation):
    today = timezone.localdate()
    ActingEvaluator.objects.create(official=org.atasan, acting=org.rekan, kind="plh", starts_on=today, ends_on=today)
    _rate(org, evaluation, who=org.rekan)
    assert evaluation.transitions.get(to_status="rated").on_behalf_of == org.atasan
    evaluation.refresh_from_db()
    assert evaluation.on_behalf_of == org.atasan and evaluation.rated_by == org.rekan.user


def test_realisation_by_the_employee_and_feedback_by_the_evaluator(org, evaluation, chain):
    iki = chain.rhk.iki.get()
    with pytest.raises(PermissionDenied):
        services.save_realisation(actor=org.atasan.user, evaluation=evaluation, iki=iki, text="6 pelatihan")
    services.save_realisation(actor=org.pegawai.user, evaluation=evaluation, iki=iki, text="6 pelatihan, 85 % ASN")
    services.save_realisation(actor=org.pegawai.user, evaluation=evaluation, iki=iki, text="7 pelatihan, 86 % ASN")
    assert evaluation.realisations.get().text == "7 pelatihan, 86 % ASN"
    other_iki = chain.middle.rhk.get().iki.get()
    with pytest.raises(PermissionDenied):
        services.save_realisation(actor=org.pegawai.user, evaluation=evaluation, iki=other_iki, text="x")
    with pytest.raises(PermissionDenied):
        services.save_feedback(actor=org.pegawai.user, evaluation=evaluation, rhk=chain.rhk, text="Bagus")
    services.save_feedback(actor=org.atasan.user, evaluation=evaluation, rhk=chain.rhk, text="Pertahankan")
    assert evaluation.feedback.get().text == "Pertahankan"


def _final(org, evaluation, hasil="DI_BAWAH", perilaku="SESUAI"):
    _rate(org, evaluation, hasil, perilaku)
    return services.finalise(actor=org.atasan.user, evaluation=evaluation)


def test_appeal_goes_to_the_atasan_pejabat_penilai_whose_decision_is_final(org, evaluation):
    with pytest.raises(ValidationError, match="sudah final"):
        services.file_appeal(actor=org.pegawai.user, evaluation=evaluation, reasons="Bukti dukung belum dibaca")
    _final(org, evaluation)
    with pytest.raises(PermissionDenied):
        services.file_appeal(actor=org.atasan.user, evaluation=evaluation, reasons="x")
    appeal = services.file_appeal(actor=org.pegawai.user, evaluation=evaluation, reasons="Bukti dukung belum dibaca")
    assert (appeal.decider, appeal.predikat_before, appeal.status) == (org.pimpinan, "BUTUH_PERBAIKAN", "filed")
    with pytest.raises(ValidationError, match="sudah diajukan"):
        services.file_appeal(actor=org.pegawai.user, evaluation=evaluation, reasons="lagi")
    for who in (org.atasan, org.pegawai, org.sdm):
        with pytest.raises(PermissionDenied):
            services.decide_appeal(actor=who.user, appeal=appeal, grant=False, reason="x")
    with pytest.raises(ValidationError, match="rating"):
        services.decide_appeal(actor=org.pimpinan.user, appeal=appeal, grant=True, reason="Bukti lengkap")
    services.decide_appeal(actor=org.pimpinan.user, appeal=appeal, grant=True, reason="Bukti lengkap",
                           rating_hasil_kerja="SESUAI", rating_perilaku_kerja="SESUAI")  # fmt: skip
    appeal.refresh_from_db()
    evaluation.refresh_from_db()
    assert (appeal.status, appeal.predikat_after, evaluation.predikat) == ("granted", "BAIK", "BAIK")
    with pytest.raises(ValidationError):
        services.decide_appeal(actor=org.pimpinan.user, appeal=appeal, grant=False, reason="Berubah pikiran")


def test_a_rejected_appeal_keeps_the_predikat(org, evaluation):
    _final(org, evaluation)
    appeal = services.file_appeal(actor=org.pegawai.user, evaluation=evaluation, reasons="Tidak setuju")
    services.decide_appeal(actor=org.pimpinan.user, appeal=appeal, grant=False, reason="Penilaian sesuai bukti")
    evaluation.refresh_from_db()
    assert evaluation.predikat == "BUTUH_PERBAIKAN"
    assert Appeal.objects.get().predikat_after == "BUTUH_PERBAIKAN"


@pytest.mark.parametrize(("days_ago", "allowed"), [(0, True), (14, True), (15, False)])
def test_the_appeal_deadline(org, evaluation, days_ago, allowed):
    _final(org, evaluation)
    Evaluation.objects.filter(pk=evaluation.pk).update(finalised_at=timezone.now() - timedelta(days=days_ago))
    if allowed:
        assert services.file_appeal(actor=org.pegawai.user, evaluation=evaluation, reasons="Keberatan").pk
    else:
        with pytest.raises(ValidationError, match="sudah lewat"):
            services.file_appeal(actor=org.pegawai.user, evaluation=evaluation, reasons="Keberatan")


def test_history_records_each_rating_with_its_reason(org, evaluation):
    _rate(org, evaluation)
    row = EvaluationTransition.objects.get(evaluation=evaluation, to_status="rated")
    assert (row.actor, row.reason) == (org.atasan.user, "Target tercapai sesuai bukti dukung")
