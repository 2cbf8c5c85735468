"""Who may do what with development plans, named once, on portal's one check: the employee writes, submits and
completes their own plan; the direct supervisor (HR of the instansi standing in) approves, returns and completes."""

from portal import roles
from portal.permissions import acts_as_in_own_instansi
from portal.scoping import pegawai_of, scope_q

from ..permissions import can_approve_for
from . import rules


def is_owner(user, plan) -> bool:
    return plan.pegawai.user_id == user.pk


def can_view(user, plan) -> bool:
    """The employee, their supervisor, HR and leaders of their instansi (the platform's scope)."""
    if is_owner(user, plan):
        return True
    return type(plan.pegawai)._default_manager.filter(scope_q(user), pk=plan.pegawai_id).exists()


def can_write(user, pegawai) -> bool:
    """Only the employee writes their own plan (an active employee)."""
    me = pegawai_of(user)
    return me is not None and me.is_active and me.pk == pegawai.pk


def can_edit(user, plan) -> bool:
    return can_write(user, plan.pegawai) and plan.status in rules.EDITABLE


def can_submit(user, plan) -> bool:
    return can_edit(user, plan)


def can_decide(user, plan) -> bool:
    """Approve or return a submitted plan: the direct supervisor, HR of the instansi standing in; never oneself."""
    return plan.status == rules.SUBMITTED and can_approve_for(user, plan.pegawai)


def can_complete(user, plan) -> bool:
    return plan.status == rules.IN_PROGRESS and (can_write(user, plan.pegawai) or can_approve_for(user, plan.pegawai))


def can_see_coverage(user) -> bool:
    """Plan coverage of the instansi per unit: its HR and leaders."""
    return acts_as_in_own_instansi(user, (roles.ADMIN_SDM, roles.PIMPINAN))
