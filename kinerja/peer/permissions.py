"""Who may do what with peer feedback, named once, on portal's one check."""

from portal import roles
from portal.permissions import acts_as
from portal.scoping import pegawai_of

from ..skp.permissions import acting_for


def is_hr(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def is_supervisor_of(user, subject) -> bool:
    """The employee's pejabat penilai: their direct supervisor, or that supervisor's Plt/Plh today."""
    return subject.atasan_id is not None and acting_for(user, subject.atasan)[0]


def can_open_round(user, subject) -> bool:
    """HR of the employee's instansi or the employee's supervisor opens a round on an active employee."""
    if not subject.is_active:
        return False
    return is_hr(user, subject.instansi_id) or is_supervisor_of(user, subject)


def can_manage(user, peer_round) -> bool:
    """Who opened such a round sees its completion and closes it."""
    return is_hr(user, peer_round.instansi_id) or is_supervisor_of(user, peer_round.subject)


def can_see_results_of(user, subject) -> bool:
    """The employee, their supervisor (pejabat penilai) and HR of the instansi see the aggregate (once released);
    nobody sees a single answer."""
    return subject.user_id == user.pk or is_hr(user, subject.instansi_id) or is_supervisor_of(user, subject)


def can_see_results(user, peer_round) -> bool:
    return peer_round.subject.user_id == user.pk or can_manage(user, peer_round)


def may_open_any(user) -> bool:
    me = pegawai_of(user)
    return me is not None and (me.has_reports or is_hr(user, me.instansi_id))
