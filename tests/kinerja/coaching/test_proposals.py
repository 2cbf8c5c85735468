"""The system's proposals: a final annual evaluation with a low predikat proposes one plan for HR to confirm (HR told
once), nothing for Baik or better, nothing for periodic or unfinished or old results; an appeal that raises the
predikat before HR confirms cancels the proposal; the nightly sweep catches results written without signals."""

import pytest
from django.utils import timezone

from kinerja.coaching import services
from kinerja.coaching.models import CoachingPlan
from kinerja.evaluation import services as evaluation_services
from kinerja.evaluation.models import Appeal, Evaluation
from portal import roles
from portal.models import Notification
from tests.factories import make_pegawai

from .conftest import final_annual, terms

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "predikat, proposed",
    [("BUTUH_PERBAIKAN", True), ("KURANG", True), ("SANGAT_KURANG", True), ("BAIK", False), ("SANGAT_BAIK", False)],
)
def test_a_low_final_annual_predikat_proposes_a_plan(org, predikat, proposed):
    evaluation = final_annual(org.pegawai, predikat)
    plans = CoachingPlan.objects.filter(pegawai=org.pegawai)
    assert plans.exists() is proposed
    if proposed:
        plan = plans.get()
        assert (plan.status, plan.evaluation, plan.predikat, plan.instansi) == (
            "proposed", evaluation, predikat, org.gorontalo,
        )  # fmt: skip
        assert plan.supervisor is None and plan.created_by is None and not plan.confirmed
        assert list(plan.history.values_list("from_status", "to_status", "actor")) == [("", "proposed", None)]


def test_hr_of_the_instansi_is_told_once(org):
    other_hr = make_pegawai(org.gorontalo, org.bkd, roles_=[roles.ADMIN_SDM], username="sdm2", nama="SDM Dua")
    evaluation = final_annual(org.pegawai, "KURANG")
    plan = CoachingPlan.objects.get()
    told = Notification.objects.filter(kind="kinerja.coaching_proposed")
    assert set(told.values_list("recipient", flat=True)) == {org.sdm.user.pk, other_hr.user.pk}  # not sdm_malut
    assert told.first().url == f"/karier/pembinaan/{plan.pk}/"
    evaluation.reason = "Diperbaiki."
    evaluation.save()  # saved again: still one plan, nobody told twice
    services.sweep()
    assert CoachingPlan.objects.count() == 1 and told.count() == 2


def test_one_plan_per_evaluation_even_after_hr_cancelled_it(org):
    evaluation = final_annual(org.pegawai, "BUTUH_PERBAIKAN")
    plan = CoachingPlan.objects.get()
    services.cancel(actor=org.sdm.user, plan=plan, reason="Sudah dibina melalui rencana lain.")
    evaluation.save()
    assert services.sweep() == {"proposed": 0, "withdrawn": 0}
    assert CoachingPlan.objects.count() == 1
    assert services.propose_for_evaluation(evaluation=evaluation) == plan


def test_no_proposal_for_an_unfinished_old_or_periodic_result(org):
    final_annual(org.pegawai, "KURANG", status=Evaluation.Status.RATED)
    final_annual(org.rekan, "KURANG", year=timezone.localdate().year - 2)
    periodic = Evaluation(kind=Evaluation.Kind.PERIODIC, status=Evaluation.Status.FINALISED, predikat="KURANG")
    assert services.react_to_result(evaluation=periodic) is None
    services.sweep()
    assert not CoachingPlan.objects.exists()


def test_the_sweep_proposes_for_results_written_without_signals(org):
    evaluation = final_annual(org.pegawai, "BAIK")
    Evaluation.objects.filter(pk=evaluation.pk).update(predikat="SANGAT_KURANG")  # no signal
    assert not CoachingPlan.objects.exists()
    assert services.sweep() == {"proposed": 1, "withdrawn": 0}
    assert services.sweep() == {"proposed": 0, "withdrawn": 0}
    assert CoachingPlan.objects.get().predikat == "SANGAT_KURANG"


def test_an_inactive_employee_gets_no_proposal(org):
    org.rekan.is_active = False
    org.rekan.save(update_fields=["is_active"])
    final_annual(org.rekan, "KURANG")
    assert not CoachingPlan.objects.exists()


# --- through the evaluation's own services -------------------------------------------------------------------------


@pytest.fixture
def annual(org, chain, period):
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period)
    return chain.bottom.evaluations.get(kind=Evaluation.Kind.ANNUAL)


def _finalise_low(org, evaluation):
    evaluation_services.rate(actor=org.atasan.user, evaluation=evaluation, rating_hasil_kerja="DI_BAWAH",
                             rating_perilaku_kerja="SESUAI", reason="Target IKI tidak tercapai.")  # fmt: skip
    assert not CoachingPlan.objects.exists()  # rated is not final
    evaluation_services.finalise(actor=org.atasan.user, evaluation=evaluation)
    return CoachingPlan.objects.get(evaluation=evaluation)


def _grant(org, evaluation, hasil="SESUAI", perilaku="SESUAI"):
    appeal = evaluation_services.file_appeal(
        actor=org.pegawai.user, evaluation=evaluation, reasons="Bukti belum dinilai."
    )
    return evaluation_services.decide_appeal(actor=org.pimpinan.user, appeal=appeal, grant=True, reason="Bukti sah.",
                                             rating_hasil_kerja=hasil, rating_perilaku_kerja=perilaku)  # fmt: skip


def test_finalising_a_low_annual_result_proposes(org, annual):
    plan = _finalise_low(org, annual)
    assert plan.status == "proposed" and plan.predikat == "BUTUH_PERBAIKAN"


def test_an_appeal_raising_the_predikat_cancels_the_proposal(org, annual):
    plan = _finalise_low(org, annual)
    appeal = _grant(org, annual)
    assert appeal.status == Appeal.Status.GRANTED and appeal.predikat_after == "BAIK"
    plan.refresh_from_db()
    assert plan.status == "cancelled"
    step = plan.history.order_by("pk").last()
    assert (step.from_status, step.to_status, step.actor) == ("proposed", "cancelled", None)
    assert "Baik" in step.reason and "keberatan" in step.reason


def test_an_appeal_that_keeps_it_low_keeps_the_proposal(org, annual):
    plan = _finalise_low(org, annual)
    _grant(org, annual, hasil="SESUAI", perilaku="DI_BAWAH")  # Kurang -> still low
    plan.refresh_from_db()
    assert plan.status == "proposed"


def test_a_confirmed_plan_stays_when_an_appeal_raises_the_predikat(org, annual, login):
    plan = _finalise_low(org, annual)
    services.confirm(actor=org.sdm.user, plan=plan, **terms())
    _grant(org, annual)
    plan.refresh_from_db()
    assert plan.status == "active"
    page = login(org.sdm).get(f"/karier/pembinaan/{plan.pk}/").content.decode()
    assert 'data-testid="predikat-changed"' in page


def test_the_sweep_withdraws_a_proposal_overtaken_without_signals(org):
    evaluation = final_annual(org.pegawai, "KURANG")
    Evaluation.objects.filter(pk=evaluation.pk).update(predikat="BAIK")
    assert services.sweep() == {"proposed": 0, "withdrawn": 1}
    assert CoachingPlan.objects.get().status == "cancelled"
