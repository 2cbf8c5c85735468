"""Who may do what in the training module, named once, on portal's one check."""

from portal import roles
from portal.frame import remember
from portal.permissions import acts_as, acts_as_in_own_instansi, is_hr_of, is_superadmin
from portal.scoping import has_role, pegawai_of


def can_manage_session(user, session) -> bool:
    """Training organisers run the sessions of their own instansi; superadmins run all."""
    return acts_as(user, roles.PENYELENGGARA, session.instansi_id)


def can_manage_course(user, course) -> bool:
    return acts_as(user, roles.PENYELENGGARA, course.instansi_id)


def can_organise(user) -> bool:
    """Organises training for their own instansi (the organiser's pages and menu)."""
    return acts_as_in_own_instansi(user, roles.PENYELENGGARA)


def can_see_compliance(user) -> bool:
    """HR and the leaders of an instansi see its JP compliance (docs/permissions.md)."""
    return acts_as_in_own_instansi(user, (roles.ADMIN_SDM, roles.PIMPINAN))


def can_approve_for(user, pegawai) -> bool:
    """The employee's direct supervisor decides; HR of the instansi stands in (e.g. when there is no supervisor)."""
    if pegawai.user_id == user.pk:
        return False
    me = pegawai_of(user)
    if me is not None and me.is_active and pegawai.atasan_id == me.pk:
        return True
    return is_hr_of(user, pegawai.instansi_id)


def can_view_enrolment(user, enrolment) -> bool:
    return (
        enrolment.pegawai.user_id == user.pk
        or can_manage_session(user, enrolment.session)
        or can_approve_for(user, enrolment.pegawai)
    )


def may_approve_anything(user) -> bool:
    """Whether the approvals page and its menu entry are offered (what is on it is scoped per row)."""
    me = pegawai_of(user)

    def decide():
        return is_superadmin(user) or (
            me is not None
            and (has_role(user, roles.ATASAN) or me.has_reports or acts_as(user, roles.ADMIN_SDM, me.instansi_id))
        )

    return remember(user, "may_approve_anything", decide)


def approves_whole_instansi(user) -> bool:
    me = pegawai_of(user)
    return me is not None and acts_as(user, roles.ADMIN_SDM, me.instansi_id)
