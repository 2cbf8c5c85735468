"""The HR service desk's menu entries and their live counts (registered in `registrations.py` so the cached menu
follows them): for an employee the requests waiting for their answer, for HR the new requests nobody has taken."""

from portal.frame import remember
from portal.navigation import badge_counts
from portal.scoping import pegawai_of

from . import permissions, queries

WAITING_BADGE = "kinerja-service-waiting"
NEW_BADGE = "kinerja-service-new"


def may_manage(user) -> bool:
    """Kept in the user's frame like the other menu entries (no query once filled)."""
    if user is None or not user.is_authenticated:
        return False

    def work_out():
        me = pegawai_of(user)
        return me is not None and permissions.can_manage(user, me.instansi_id)

    return remember(user, "service_desk_menu", work_out)


def waiting_badge(request):
    me = pegawai_of(request.user)
    return queries.waiting_for(me) if me is not None else None


def new_badge(request):
    if not may_manage(request.user):
        return None
    return queries.new_requests(pegawai_of(request.user).instansi_id)


def count(request, key) -> int:
    return badge_counts(request).get(key, 0) if request is not None else 0
