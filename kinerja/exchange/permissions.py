"""Who exchanges data with SIASN: HR (Admin SDM) of the instansi, on portal's one check."""

from portal import roles
from portal.permissions import acts_as


def can_exchange(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)
