"""Who may do what with public feedback, named once: HR (Admin SDM) of the instansi manages service points and
moderates comments; every employee of the instansi reads a unit's results."""

from portal import roles
from portal.permissions import acts_as, same_instansi


def can_manage(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def can_read_results(user, instansi_id) -> bool:
    return same_instansi(user, instansi_id)
