"""Who may do what in the intranet module, named once, on portal's one check."""

from portal import roles
from portal.permissions import acts_as, acts_as_in_own_instansi


def can_manage_content(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_KONTEN, instansi_id)


def is_content_editor(user) -> bool:
    """Admin Konten or Pimpinan of their own instansi: the reading reports and the editorial menu."""
    return acts_as_in_own_instansi(user, (roles.ADMIN_KONTEN, roles.PIMPINAN))
