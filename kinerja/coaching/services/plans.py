"""A plan's own steps: HR confirms a proposal (or starts a plan by hand) with goals, dates and the supervisor who
coaches (the employee's atasan unless HR names another), the supervisor or HR completes it with its outcome, HR
cancels it with a reason. Each step on the state machine with who, when and why; whoever must know is told."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.services import notify

from .. import permissions, rules
from ..models import CoachingPlan
from ..state_machines import PLAN
from .common import display_date, locked, plan_url, require_active

Status = CoachingPlan.Status


def _date_error(problem):
    if problem == "missing":
        return ValidationError({"starts_on": _("Isi tanggal mulai dan selesai.")})
    return ValidationError({"ends_on": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})


def _clean_terms(pegawai, goals, starts_on, ends_on, supervisor):
    goals = (goals or "").strip()
    if not goals:
        raise ValidationError({"goals": _("Tuliskan sasaran pembinaan.")})
    problem = rules.dates_problem(starts_on, ends_on)
    if problem:
        raise _date_error(problem)
    supervisor = supervisor or pegawai.atasan
    if supervisor is None:
        raise ValidationError({"supervisor_nip": _("Pegawai ini tidak mempunyai atasan; isi NIP atasan pembina.")})
    if supervisor.pk == pegawai.pk:
        raise ValidationError({"supervisor_nip": _("Atasan pembina tidak boleh pegawai yang dibina sendiri.")})
    if not supervisor.is_active or supervisor.instansi_id != pegawai.instansi_id:
        raise ValidationError({"supervisor_nip": _("Atasan pembina harus pegawai aktif instansi yang sama.")})
    return goals, supervisor


@transaction.atomic
def start_plan(*, actor, pegawai, goals, starts_on, ends_on, supervisor=None) -> CoachingPlan:
    """HR starts a plan by hand (without a low result behind it, or before the result is final): running at once."""
    if not permissions.can_manage(actor, pegawai.instansi_id) or pegawai.user_id == actor.pk:
        raise PermissionDenied(_("Hanya Admin SDM instansi pegawai ini yang dapat memulai rencana pembinaan."))
    if not pegawai.is_active:
        raise ValidationError(_("Pegawai ini tidak aktif."))
    goals, supervisor = _clean_terms(pegawai, goals, starts_on, ends_on, supervisor)
    plan = CoachingPlan(
        instansi_id=pegawai.instansi_id, pegawai=pegawai, supervisor=supervisor, goals=goals, starts_on=starts_on,
        ends_on=ends_on, created_by=actor, confirmed_by=actor, confirmed_at=timezone.now(), status="",
    )  # fmt: skip
    plan.save()
    PLAN.apply(plan, Status.ACTIVE, actor=actor)
    _tell_started(plan)
    return plan


@transaction.atomic
def confirm(*, actor, plan, goals, starts_on, ends_on, supervisor=None) -> CoachingPlan:
    plan = locked(plan)
    if not permissions.can_confirm(actor, plan):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat mengonfirmasi rencana pembinaan."))
    PLAN.check(plan, Status.ACTIVE)
    goals, supervisor = _clean_terms(plan.pegawai, goals, starts_on, ends_on, supervisor)
    plan.goals, plan.starts_on, plan.ends_on, plan.supervisor = goals, starts_on, ends_on, supervisor
    plan.confirmed_by, plan.confirmed_at = actor, timezone.now()
    PLAN.apply(plan, Status.ACTIVE, actor=actor,
               extra_fields=["goals", "starts_on", "ends_on", "supervisor", "confirmed_by", "confirmed_at"])  # fmt: skip
    _tell_started(plan)
    return plan


@transaction.atomic
def complete(*, actor, plan, outcome, result) -> CoachingPlan:
    plan = locked(plan)
    if not permissions.can_write(actor, plan):
        raise PermissionDenied(_("Rencana pembinaan diselesaikan oleh atasan pembina atau Admin SDM."))
    require_active(plan)
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError({"outcome": _("Tuliskan hasil pembinaan.")})
    if result not in CoachingPlan.Result.values:
        raise ValidationError({"result": _("Pilih kesimpulan: membaik atau belum membaik.")})
    plan.outcome, plan.result = outcome, result
    PLAN.apply(plan, Status.COMPLETED, actor=actor, reason=CoachingPlan.Result(result).label,
               extra_fields=["outcome", "result"])  # fmt: skip
    notify(plan.pegawai.user, kind="kinerja.coaching_completed", url=plan_url(plan),
           params={"result": str(CoachingPlan.Result(result).label), "plan": plan.pk},
           dedupe_key=f"kinerja:coaching:{plan.pk}:completed")  # fmt: skip
    return plan


@transaction.atomic
def cancel(*, actor, plan, reason) -> CoachingPlan:
    plan = locked(plan)
    if not permissions.can_cancel(actor, plan):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat membatalkan rencana pembinaan."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tuliskan alasan pembatalan.")})
    was_running = plan.status == Status.ACTIVE
    PLAN.apply(plan, Status.CANCELLED, actor=actor, reason=reason)
    if was_running:  # a proposal was never shown to them
        for user in {plan.pegawai.user, plan.supervisor.user if plan.supervisor else None} - {None}:
            notify(user, kind="kinerja.coaching_cancelled", url=plan_url(plan),
                   params={"name": plan.pegawai.full_name, "reason": reason[:300], "plan": plan.pk},
                   dedupe_key=f"kinerja:coaching:{plan.pk}:cancelled")  # fmt: skip
    return plan


def _tell_started(plan):
    dates = {"starts": display_date(plan.starts_on), "ends": display_date(plan.ends_on), "plan": plan.pk}
    notify(plan.pegawai.user, kind="kinerja.coaching_started", url=plan_url(plan),
           params={**dates, "supervisor": plan.supervisor.full_name},
           dedupe_key=f"kinerja:coaching:{plan.pk}:started")  # fmt: skip
    notify(plan.supervisor.user, kind="kinerja.coaching_supervise", url=plan_url(plan),
           params={**dates, "name": plan.pegawai.full_name},
           dedupe_key=f"kinerja:coaching:{plan.pk}:supervise")  # fmt: skip
