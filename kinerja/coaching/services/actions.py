"""A plan's actions: the supervisor or HR adds them and marks them done; an action may enrol the employee in a
training session or start a mentoring pair, always through kompetensi's own services, so its rules (who may enrol
someone else, the enrolment window, prerequisites, who may pair whom) decide and its refusal is what the user
reads."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from kompetensi.mentoring.services import pair_up
from kompetensi.services import enrol

from .. import permissions, queries
from ..models import CoachingAction
from .common import locked, require_active


@transaction.atomic
def add_action(*, actor, plan, description, due_on=None) -> CoachingAction:
    plan = locked(plan)
    if not permissions.can_write(actor, plan):
        raise PermissionDenied(_("Tindakan pembinaan ditambahkan oleh atasan pembina atau Admin SDM."))
    require_active(plan)
    description = (description or "").strip()
    if not description:
        raise ValidationError({"description": _("Tuliskan tindakannya.")})
    action = CoachingAction.objects.create(plan=plan, description=description, due_on=due_on, created_by=actor)
    log(plan, "kinerja.coaching.action_added", user=actor, data={"action": action.pk})
    return action


def _locked_action(actor, action, allowed, refusal):
    plan = locked(action.plan)
    action = CoachingAction.objects.select_for_update(of=("self",)).get(pk=action.pk)
    if not allowed(actor, plan):
        raise PermissionDenied(refusal)
    require_active(plan)
    if action.done_on is not None:
        raise ValidationError(_("Tindakan ini sudah selesai."))
    return plan, action


@transaction.atomic
def mark_action_done(*, actor, action, done_on=None) -> CoachingAction:
    plan, action = _locked_action(
        actor, action, permissions.can_write, _("Tindakan ditandai selesai oleh atasan pembina atau Admin SDM.")
    )
    today = timezone.localdate()
    done_on = done_on or today
    if done_on > today:
        raise ValidationError({"done_on": _("Tanggal selesai tidak boleh di masa depan.")})
    action.done_on = done_on
    action.save(update_fields=["done_on"])
    log(plan, "kinerja.coaching.action_done", user=actor, data={"action": action.pk})
    return action


def _unlinked(action):
    if action.linked:
        raise ValidationError(_("Tindakan ini sudah terhubung dengan pendaftaran pelatihan atau mentoring."))


@transaction.atomic
def enrol_in_session(*, actor, action, session_id) -> CoachingAction:
    """Ask kompetensi to enrol the employee in an open session: the employee enrols themselves (the course's
    approval and window apply), an organiser enrols them directly; anyone else gets kompetensi's refusal."""
    plan, action = _locked_action(actor, action, permissions.can_enrol, _("Anda tidak dapat mengubah tindakan ini."))
    _unlinked(action)
    session = queries.joinable_session(plan, session_id)
    if session is None:
        raise ValidationError({"session": _("Pilih angkatan yang masih dibuka pendaftarannya.")})
    note = _("Rencana pembinaan kinerja: %(action)s") % {"action": action.description}
    action.enrolment = enrol(actor, plan.pegawai, session.pk, note=note[:300])
    action.save(update_fields=["enrolment"])
    log(plan, "kinerja.coaching.enrolled", user=actor, data={"action": action.pk, "enrolment": action.enrolment.pk})
    return action


@transaction.atomic
def start_mentoring(*, actor, action, programme, mentor) -> CoachingAction:
    """Pair the employee with a mentor in one of the instansi's programmes through kompetensi's mentoring service
    (HR pairs anyone of the instansi; a supervisor pairs their direct report with themselves or another report)."""
    plan, action = _locked_action(
        actor, action, permissions.can_write, _("Mentoring dimulai oleh atasan pembina atau Admin SDM.")
    )
    _unlinked(action)
    if programme is None or programme.instansi_id != plan.instansi_id:
        raise ValidationError({"programme": _("Pilih program mentoring instansi ini.")})
    if mentor is None:
        raise ValidationError({"mentor_nip": _("Tidak ada pegawai aktif dengan NIP ini di instansi ini.")})
    action.mentoring_pair = pair_up(
        actor=actor, programme=programme, mentor=mentor, mentee=plan.pegawai, goals=action.description
    )
    action.save(update_fields=["mentoring_pair"])
    log(plan, "kinerja.coaching.mentoring", user=actor, data={"action": action.pk, "pair": action.mentoring_pair.pk})
    return action
