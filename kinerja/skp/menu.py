"""Which SKP menu entries a user gets, and the count of SKP waiting for their decision (a live menu count,
registered in `registrations.py` so the cached menu follows it)."""

from portal.frame import remember
from portal.navigation import badge_counts
from portal.scoping import pegawai_of

from . import permissions, queries


def skp_menu(request):
    """The user's SKP entries (kept in their frame) and, for those who may decide, how many SKP wait for them (one
    count query, never kept, so the badge follows every decision)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(request, "_skp_menu", None)
    if cached is not None:
        return cached

    def entries():
        me = pegawai_of(user)
        return {
            "employee": me is not None,
            "hr": me is not None and permissions.can_manage_periods(user, me.instansi_id),
        }

    menu = dict(remember(user, "skp_menu", entries))
    menu["pending"] = badge_counts(request).get("kinerja-skp-pending", 0)
    request._skp_menu = menu
    return menu


def pending_badge(request):
    """The SKP waiting for the user's decision as pejabat penilai (or Plt/Plh)."""
    user = request.user
    if not user.is_authenticated or not queries.may_decide_anything(user):
        return None
    return queries.to_decide(user)
