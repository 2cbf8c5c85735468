"""The live count of the peer feedback menu entry: assignments waiting for the user's answer."""

from portal.navigation import badge_counts
from portal.scoping import pegawai_of

from . import queries


def pending_badge(request):
    user = request.user
    if not user.is_authenticated or pegawai_of(user) is None:
        return None
    return queries.pending(user)


def pending_count(request) -> int:
    return badge_counts(request).get("kinerja-peer-pending", 0) if request is not None else 0
