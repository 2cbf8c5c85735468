"""Template helpers of coaching plans."""

from django import template

from portal.frame import remember
from portal.scoping import pegawai_of

from ..coaching.permissions import can_manage

register = template.Library()


@register.simple_tag(takes_context=True)
def may_manage_coaching(context):
    """HR of the instansi keeps its coaching plans; kept in the user's frame like the other menu entries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False

    def work_out():
        me = pegawai_of(user)
        return me is not None and can_manage(user, me.instansi_id)

    return remember(user, "coaching_menu", work_out)
