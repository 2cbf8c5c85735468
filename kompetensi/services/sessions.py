"""Creating and changing training sessions."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import audit

from ..models import (
    Enrolment,
    SessionMaterial,
    TrainingSession,
)
from ..permissions import can_manage_session
from .enrolment import fill_free_seats_after_commit, lock_session, promote_waitlist

S = Enrolment.Status
# what an organiser changes on a session, recorded as who changed which field from what to what
SESSION_AUDITED_FIELDS = [
    "name", "start_at", "end_at", "place", "online_url", "capacity", "enrol_opens_at", "enrol_closes_at",
    "organiser_id", "open_to_other_instansi", "kind", "facilitators", "expected_outputs",
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
        # the row lock makes concurrent seat-taking UPDATEs wait for the new capacity, so the check below holds
        locked = lock_session(session.pk)
        before = audit.snapshot(locked, SESSION_AUDITED_FIELDS)
        session.seats_taken = locked.seats_taken
    else:
        session.seats_taken = 0
    session.full_clean()  # TrainingSession.clean refuses a capacity below the seats taken, as a form error
    session.save()
    audit.log_changes(session, before, SESSION_AUDITED_FIELDS, actor=actor, created=is_new)
    if not is_new and session.capacity > locked.seats_taken:
        promote_waitlist(session, actor)
        fill_free_seats_after_commit(session.pk)
    return session


# --- materials -------------------------------------------------------------------------------------------------


@transaction.atomic
def add_material(*, actor, session: TrainingSession, material: SessionMaterial) -> SessionMaterial:
    """A file or link for the session's participants (the workshop's hand-outs, templates, slides)."""
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan ini."))
    material.session = session
    material.full_clean()
    material.save()
    log(session, "kompetensi.session.material_added", user=actor, data={"title": material.title})
    return material


@transaction.atomic
def remove_material(*, actor, material: SessionMaterial) -> None:
    session = material.session
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan ini."))
    if material.file:
        material.file.delete(save=False)
    material.delete()
    log(session, "kompetensi.session.material_removed", user=actor, data={"title": material.title})
