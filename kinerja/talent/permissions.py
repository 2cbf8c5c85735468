"""Who works with talent management: HR of the instansi see and manage everything of their instansi (assessments,
succession plans, the rule tables in the admin); Pimpinan see the grid, the pool and the succession plans of their
own part of the organisation (their unit and the units below it). Employees and supervisors do not see the 9-box."""

from portal import roles
from portal.permissions import acts_as


def can_manage(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def can_view(user, instansi_id) -> bool:
    return acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), instansi_id)
