"""HR and Pimpinan of an instansi see its dashboard."""

from portal import roles
from portal.permissions import acts_as


def can_view(user, instansi_id) -> bool:
    return acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), instansi_id)
