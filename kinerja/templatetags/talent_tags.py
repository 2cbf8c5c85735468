"""Template helpers of talent management: the Kelola menu entries, and the CSS class of a 9-box cell."""

from django import template

from portal.frame import remember
from portal.scoping import pegawai_of

from ..evaluation.models import Rating
from ..talent import permissions
from ..talent.models import Potensial, Readiness

register = template.Library()


@register.simple_tag(takes_context=True)
def talent_menu(context):
    """The user's part in talent management, "manage" (HR), "view" (Pimpinan) or "", kept in the user's frame like the other menu
    entries (no query once filled)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""

    def work_out():
        me = pegawai_of(user)
        if me is None:
            return ""
        if permissions.can_manage(user, me.instansi_id):
            return "manage"
        return "view" if permissions.can_view(user, me.instansi_id) else ""

    return remember(user, "talent_menu", work_out)


# the pool's boxes stand out in green and box 1 (processed under the regulation) in red; the others stay neutral
@register.filter
def box_tone(box):
    if box is None:
        return "talent-cell-none"
    if box.in_pool:
        return "talent-cell-pool"
    return "talent-cell-low" if box.number == 1 else "talent-cell-mid"


@register.filter
def kinerja_label(code):
    return Rating(code).label if code in Rating.values else ""


@register.filter
def potensial_label(code):
    return Potensial(code).label if code in Potensial.values else ""


@register.filter
def readiness_label(code):
    return Readiness(code).label if code in Readiness.values else ""
