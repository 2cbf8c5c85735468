"""Who may do what with RHK templates, named once: Admin SDM of the instansi keeps them; employees only start from
the active ones of their own jabatan (through the SKP start page)."""

from portal import roles
from portal.permissions import acts_as


def can_manage(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)
