"""Who may do what with career decisions: HR of the instansi writes and proposes, a Pimpinan of the instansi
decides (never about themselves, never their own proposal), both see every decision of the instansi; the employee
sees the decisions taken about them once decided."""

from portal import roles
from portal.permissions import acts_as

from . import rules


def can_manage(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def can_view_list(user, instansi_id) -> bool:
    return acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), instansi_id)


def can_decide(user, decision) -> bool:
    return acts_as(user, roles.PIMPINAN, decision.instansi_id) and rules.may_decide(
        decider_id=user.pk, subject_user_id=decision.pegawai.user_id, proposer_id=decision.proposed_by_id
    )


def can_view(user, decision) -> bool:
    if can_view_list(user, decision.instansi_id):
        return True
    return decision.decided and decision.pegawai.user_id == user.pk
