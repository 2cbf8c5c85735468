"""Creating and changing training sessions."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal import audit

from ..models import (
    Enrolment,
)
from ..permissions import can_manage_session
from .enrolment import lock_session, promote_waitlist

S = Enrolment.Status
# what an organiser changes on a session, recorded as who changed which field from what to what
SESSION_AUDITED_FIELDS = [
    "name", "start_at", "end_at", "place", "online_url", "capacity", "enrol_opens_at", "enrol_closes_at",
    "organiser_id", "open_to_other_instansi",
]  # fmt: skip


# --- sessions --------------------------------------------------------------------------------------------------


@transaction.atomic
def save_session(actor, session):
    """Create or change a session; more capacity promotes the waitlist, less than the seats taken is refused."""
    course = session.course
    if session.pk is None:
        session.instansi_id = course.instansi_id
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan kursus ini."))
    is_new = session.pk is None
    before = {}
    if not is_new:
        locked = lock_session(session.pk)
        before = audit.snapshot(locked, SESSION_AUDITED_FIELDS)
        session.seats_taken = locked.seats_taken
        if session.capacity < locked.seats_taken:
            raise ValidationError(
                {"capacity": _("Kapasitas tidak boleh lebih kecil dari jumlah peserta terdaftar (%(n)s).")
                 % {"n": locked.seats_taken}}
            )  # fmt: skip
    session.full_clean()
    session.save()
    audit.log_changes(session, before, SESSION_AUDITED_FIELDS, actor=actor, created=is_new)
    if not is_new:
        promote_waitlist(session, actor)
    return session
