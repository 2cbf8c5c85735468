"""The system's side of coaching: a final annual evaluation with a low predikat proposes a plan for HR to confirm
(once per evaluation, HR told once); a proposal whose predikat an appeal raised to Baik or better before HR
confirmed it is cancelled with that reason. Called by the Evaluation receiver and by the nightly sweep, which
catches whatever the receiver did not see (results written in bulk, a failure)."""

import logging

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import roles
from portal.services import notify

from ...evaluation.models import Evaluation, Predikat
from ...skp.models import Skp
from .. import queries, rules
from ..models import CoachingPlan
from ..state_machines import PLAN
from .common import plan_url

logger = logging.getLogger(__name__)
Status = CoachingPlan.Status


def react_to_result(*, evaluation, today=None):
    """Bring the coaching proposal in line with a final annual result: propose for a low predikat, withdraw a
    proposal for a good one. Anything else (a periodic or unfinished evaluation) is not coaching's business."""
    if evaluation.kind != Evaluation.Kind.ANNUAL or evaluation.status != Evaluation.Status.FINALISED:
        return None
    if rules.needs_coaching(evaluation.predikat):
        return propose_for_evaluation(evaluation=evaluation, today=today)
    if rules.is_good(evaluation.predikat):
        return withdraw_overtaken(evaluation=evaluation)
    return None


def propose_for_evaluation(*, evaluation, today=None) -> CoachingPlan | None:
    """The proposed plan of this low final annual result, made once; None when the result is too old or the
    employee has left."""
    existing = CoachingPlan.objects.filter(evaluation_id=evaluation.pk).first()
    if existing is not None:
        return existing
    skp = Skp.objects.select_related("pegawai__user", "period").get(pk=evaluation.skp_id)
    pegawai, today = skp.pegawai, today or timezone.localdate()
    if not pegawai.is_active or not rules.is_recent(skp.period.year, today):
        return None
    try:
        with transaction.atomic():  # a savepoint: a concurrent proposal for the same evaluation wins cleanly
            plan = CoachingPlan(instansi_id=pegawai.instansi_id, pegawai=pegawai, evaluation_id=evaluation.pk,
                                predikat=evaluation.predikat, status="")  # fmt: skip
            plan.save()
            PLAN.apply(plan, Status.PROPOSED, reason=_("Predikat akhir %(year)s: %(predikat)s.") % {
                "year": skp.period.year, "predikat": Predikat(evaluation.predikat).label})  # fmt: skip
    except IntegrityError:
        return CoachingPlan.objects.filter(evaluation_id=evaluation.pk).first()
    _tell_hr(plan, pegawai, skp.period.year)
    return plan


def _tell_hr(plan, pegawai, year):
    hr = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.ADMIN_SDM, pegawai__instansi_id=plan.instansi_id,
                        pegawai__is_active=True)
        .exclude(pk=pegawai.user_id)
        .distinct()
    )  # fmt: skip
    params = {"name": pegawai.full_name, "year": year, "predikat": str(Predikat(plan.predikat).label), "plan": plan.pk}
    for user in hr:
        notify(user, kind="kinerja.coaching_proposed", params=params, url=plan_url(plan),
               dedupe_key=f"kinerja:coaching:{plan.pk}:proposed")  # fmt: skip


@transaction.atomic
def withdraw_overtaken(*, evaluation) -> CoachingPlan | None:
    """Cancel the proposal of this evaluation when its predikat is now Baik or better; a confirmed plan stays (HR
    decides about a plan already under way)."""
    plan = (
        CoachingPlan.objects.select_for_update(of=("self",))
        .filter(evaluation_id=evaluation.pk, status=Status.PROPOSED)
        .first()
    )
    if plan is None or not rules.is_good(evaluation.predikat):
        return None
    reason = _("Predikat akhir berubah menjadi %(predikat)s melalui keberatan sebelum Admin SDM mengonfirmasi.") % {
        "predikat": Predikat(evaluation.predikat).label
    }
    PLAN.apply(plan, Status.CANCELLED, reason=reason)
    return plan


def sweep(*, today=None, instansi_id=None) -> dict:
    """Nightly: propose for every recent low final result without a plan, withdraw every overtaken proposal.
    Idempotent; each result in a transaction of its own, so one failure does not hold up the rest."""
    today = today or timezone.localdate()
    proposed = withdrawn = 0
    for evaluation in queries.low_results_without_plan(today, instansi_id):
        try:
            with transaction.atomic():
                proposed += propose_for_evaluation(evaluation=evaluation, today=today) is not None
        except Exception:  # one broken record must not stop the night's run; it is logged and tried again
            logger.exception("coaching proposal failed for evaluation %s", evaluation.pk)
    for plan in queries.proposals_overtaken(instansi_id):
        with transaction.atomic():
            withdrawn += withdraw_overtaken(evaluation=plan.evaluation) is not None
    return {"proposed": proposed, "withdrawn": withdrawn}
