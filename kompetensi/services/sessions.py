"""Creating and changing training sessions."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import (
    Enrolment,
)
from ..permissions import can_manage_session
from .enrolment import lock_session, promote_waitlist

S = Enrolment.Status


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
    if not is_new:
        locked = lock_session(session.pk)
        session.seats_taken = locked.seats_taken
        if session.capacity < locked.seats_taken:
            raise ValidationError(
                {"capacity": _("Kapasitas tidak boleh lebih kecil dari jumlah peserta terdaftar (%(n)s).")
                 % {"n": locked.seats_taken}}
            )  # fmt: skip
    session.full_clean()
    session.save()
    log(session, "wagtail.create" if is_new else "wagtail.edit", user=actor)
    if not is_new:
        promote_waitlist(session, actor)
    return session
