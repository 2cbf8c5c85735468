"""Who may do what in the training module, named once."""

from portal import roles
from portal.scoping import has_role, pegawai_of

from .models import (
    Enrolment,
)

S = Enrolment.Status


# --- who may do what -------------------------------------------------------------------------------------------


def _same_instansi(user, instansi_id):
    me = pegawai_of(user)
    return me is not None and me.instansi_id == instansi_id


def can_manage_session(user, session):
    """Training organisers run the sessions of their own instansi; superadmins run all."""
    if getattr(user, "is_superuser", False):
        return True
    return has_role(user, roles.PENYELENGGARA) and _same_instansi(user, session.instansi_id)


def can_organise(user):
    return getattr(user, "is_superuser", False) or (has_role(user, roles.PENYELENGGARA) and pegawai_of(user))


def is_hr_of(user, instansi_id):
    if getattr(user, "is_superuser", False):
        return True
    return has_role(user, roles.ADMIN_SDM) and _same_instansi(user, instansi_id)


def can_approve_for(user, pegawai):
    """The employee's direct supervisor decides; HR of the instansi stands in (e.g. when there is no supervisor)."""
    if pegawai.user_id == user.pk:
        return False
    me = pegawai_of(user)
    if me is not None and pegawai.atasan_id == me.pk:
        return True
    return is_hr_of(user, pegawai.instansi_id)


def can_view_enrolment(user, enrolment):
    return (
        enrolment.pegawai.user_id == user.pk
        or can_manage_session(user, enrolment.session)
        or can_approve_for(user, enrolment.pegawai)
    )
