"""Who sees promotion eligibility: HR and Pimpinan of the instansi the list; HR alone through the API; an employee
their own."""

from portal import roles
from portal.permissions import acts_as


def can_view_list(user, instansi_id) -> bool:
    return acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), instansi_id)


def can_use_api(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def can_view_person(user, pegawai) -> bool:
    return pegawai.user_id == user.pk or can_view_list(user, pegawai.instansi_id)
