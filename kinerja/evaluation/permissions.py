"""Who may do what with evaluations and appeals, named once."""

from portal import roles
from portal.permissions import acts_as

from ..skp.permissions import acting_for, can_view


def can_open_evaluations(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def rater(user, evaluation):
    """(may rate, on whose behalf): the SKP's pejabat penilai, or their Plt/Plh today."""
    return acting_for(user, evaluation.skp.evaluator)


def can_see_result(user, evaluation) -> bool:
    """The employee sees their result once it is final; the evaluator and whoever may view the SKP see it always."""
    if evaluation.skp.pegawai.user_id == user.pk:
        return evaluation.status == evaluation.Status.FINALISED
    return can_view(user, evaluation.skp)


def appeal_decider(user, appeal):
    """(may decide, on whose behalf): the Atasan Pejabat Penilai recorded on the appeal, or their Plt/Plh."""
    return acting_for(user, appeal.decider)
