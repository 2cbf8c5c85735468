"""Which training menu entries a user gets, and the approvals badge (registered as a live menu count in
`registrations.py`, so the cached menu follows it)."""

from portal.frame import remember
from portal.navigation import badge_counts
from portal.scoping import pegawai_of

from . import permissions, queries
from .models import TrainingCatalogPage


def training_menu(request):
    """The user's training menu entries (kept in their frame) and, for approvers, how many requests wait for them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # the menu's key, the main menu and the "Kelola" menu all ask: work it out once per request
    cached = getattr(request, "_training_menu", None)
    if cached is not None:
        return cached

    def entries():
        me = pegawai_of(user)
        return {
            "employee": me is not None,
            "catalogue": _catalogue(me),
            "approver": permissions.may_approve_anything(user),
            "organiser": permissions.can_organise(user),
            "hr": permissions.can_see_compliance(user),
        }

    menu = dict(remember(user, "training_menu", entries))
    # never kept: the badge beside "Persetujuan" follows every request (counted with the other menu badges)
    menu["pending"] = badge_counts(request).get("kompetensi-approvals", 0)
    request._training_menu = menu
    return menu


def _catalogue(me):
    """(title, url) of the employee's instansi's live catalogue page, for the "Pengembangan" menu."""
    page = TrainingCatalogPage.objects.live().filter(instansi_id=me.instansi_id).first() if me is not None else None
    return (page.title, page.get_url()) if page is not None else None


def pending_badge(request):
    """What waits for an approver's decision: enrolment requests, JP claims and competency claims."""
    user = request.user
    if not user.is_authenticated or not permissions.may_approve_anything(user):
        return None
    return queries.pending_querysets(user)
