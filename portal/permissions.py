"""The one permission check: "this user acts as this role for this instansi".

Services, views, queries and templates ask it (templates through the `acts_as` tag in `portal_tags`); each app
names its own rules once in its `permissions.py`, built on these functions.
"""

from . import roles
from .scoping import pegawai_of, user_roles


def is_superadmin(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or (
        getattr(user, "is_authenticated", False) and roles.SUPERADMIN in user_roles(user)
    )


def acts_as(user, role: str | tuple[str, ...] | list[str] | set[str], instansi_id: int | None) -> bool:
    """Superadmin; or an active employee of `instansi_id` who holds `role` (or one of several)."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    if is_superadmin(user):
        return True
    wanted = {role} if isinstance(role, str) else set(role)
    if not user_roles(user) & wanted:
        return False
    me = pegawai_of(user)
    return me is not None and me.is_active and instansi_id is not None and me.instansi_id == instansi_id


def acts_as_in_own_instansi(user, role: str | tuple[str, ...] | list[str] | set[str]) -> bool:
    """Holds the role for their own instansi (a menu entry, a page that lists that instansi's records)."""
    if is_superadmin(user):
        return True
    me = pegawai_of(user)
    return me is not None and acts_as(user, role, me.instansi_id)


def same_instansi(user, instansi_id: int | None) -> bool:
    """A superadmin, or an employee of `instansi_id`."""
    if is_superadmin(user):
        return True
    me = pegawai_of(user)
    return me is not None and instansi_id is not None and me.instansi_id == instansi_id


def is_hr_of(user, instansi_id: int | None) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def is_leader_of(user, instansi_id: int | None) -> bool:
    return acts_as(user, roles.PIMPINAN, instansi_id)
