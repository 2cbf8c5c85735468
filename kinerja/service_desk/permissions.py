"""Who may do what at the HR service desk: every active employee files and follows their own requests; the Admin SDM
of the instansi sees all of the instansi's requests, handles them (never their own) and reads the report. Internal
notes are for the HR who may handle the request, never for its requester."""

from portal import roles
from portal.permissions import acts_as

from . import rules


def can_manage(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def owns(user, request) -> bool:
    return request.pegawai.user_id == user.pk


def can_view(user, request) -> bool:
    return owns(user, request) or can_manage(user, request.instansi_id)


def can_handle(user, request) -> bool:
    return can_manage(user, request.instansi_id) and rules.may_handle(
        handler_id=user.pk, subject_user_id=request.pegawai.user_id
    )


def can_see_notes(user, request) -> bool:
    """HR's notes are not for the requester, even when the requester is an Admin SDM themselves."""
    return can_handle(user, request)
