"""Check-ins of a plan: the supervisor (or HR) plans one, the supervisor alone records what was said, and the
employee may answer those notes."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.services import notify

from .. import permissions
from ..models import CoachingCheckIn
from .common import display_date, locked, plan_url, require_active


@transaction.atomic
def plan_checkin(*, actor, plan, planned_on, agenda="") -> CoachingCheckIn:
    plan = locked(plan)
    if not permissions.can_write(actor, plan):
        raise PermissionDenied(_("Pertemuan pembinaan dijadwalkan oleh atasan pembina atau Admin SDM."))
    require_active(plan)
    if planned_on is None:
        raise ValidationError({"planned_on": _("Isi tanggal pertemuan.")})
    checkin = CoachingCheckIn.objects.create(
        plan=plan, planned_on=planned_on, agenda=(agenda or "").strip()[:300], created_by=actor
    )
    log(plan, "kinerja.coaching.checkin_planned", user=actor, data={"checkin": checkin.pk})
    notify(plan.pegawai.user, kind="kinerja.coaching_checkin_planned", url=plan_url(plan),
           params={"date": display_date(planned_on), "agenda": checkin.agenda, "plan": plan.pk},
           dedupe_key=f"kinerja:coaching_checkin:{checkin.pk}:planned")  # fmt: skip
    return checkin


def _locked_checkin(checkin):
    plan = locked(checkin.plan)
    return plan, CoachingCheckIn.objects.select_for_update(of=("self",)).get(pk=checkin.pk)


@transaction.atomic
def record_checkin(*, actor, checkin, held_on, notes) -> CoachingCheckIn:
    """The supervisor's notes of a meeting held (they may correct them while the employee has not answered)."""
    plan, checkin = _locked_checkin(checkin)
    if not permissions.can_record_notes(actor, plan):
        raise PermissionDenied(_("Catatan pertemuan ditulis oleh atasan pembina."))
    require_active(plan)
    if checkin.response:
        raise ValidationError(_("Pegawai sudah menanggapi catatan ini; catatan tidak dapat diubah lagi."))
    notes = (notes or "").strip()
    if not notes:
        raise ValidationError({"notes": _("Tuliskan catatan pertemuan.")})
    if held_on is None or held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Isi tanggal pertemuan yang sudah dilaksanakan.")})
    checkin.held_on, checkin.notes, checkin.notes_by = held_on, notes, actor
    checkin.save(update_fields=["held_on", "notes", "notes_by"])
    log(plan, "kinerja.coaching.checkin_held", user=actor, data={"checkin": checkin.pk})
    notify(plan.pegawai.user, kind="kinerja.coaching_checkin_recorded", url=plan_url(plan),
           params={"date": display_date(held_on), "plan": plan.pk},
           dedupe_key=f"kinerja:coaching_checkin:{checkin.pk}:held")  # fmt: skip
    return checkin


@transaction.atomic
def respond_to_checkin(*, actor, checkin, response) -> CoachingCheckIn:
    plan, checkin = _locked_checkin(checkin)
    if not permissions.can_respond(actor, plan):
        raise PermissionDenied(_("Tanggapan ditulis oleh pegawai yang dibina."))
    require_active(plan)
    if not checkin.held:
        raise ValidationError(_("Pertemuan ini belum dilaksanakan; tanggapi setelah atasan mencatatnya."))
    if checkin.response:
        raise ValidationError(_("Anda sudah menanggapi catatan pertemuan ini."))
    response = (response or "").strip()
    if not response:
        raise ValidationError({"response": _("Tuliskan tanggapan Anda.")})
    checkin.response, checkin.responded_at = response, timezone.now()
    checkin.save(update_fields=["response", "responded_at"])
    log(plan, "kinerja.coaching.checkin_answered", user=actor, data={"checkin": checkin.pk})
    return checkin
