"""Who calibrates: HR and Pimpinan of the instansi (the tim penilai kinerja works through them)."""

from portal import roles
from portal.permissions import acts_as


def can_calibrate(user, instansi_id) -> bool:
    return acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), instansi_id)
