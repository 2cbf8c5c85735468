"""Template helpers of public feedback: the Kelola menu entry, and stars drawn for a rating."""

from django import template

from portal.frame import remember
from portal.scoping import pegawai_of

from ..public_feedback.permissions import can_manage

register = template.Library()


@register.simple_tag(takes_context=True)
def may_manage_feedback(context):
    """HR manages service points and moderates; kept in the user's frame like the other menu entries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False

    def work_out():
        me = pegawai_of(user)
        return me is not None and can_manage(user, me.instansi_id)

    return remember(user, "public_feedback_menu", work_out)


@register.filter
def stars(value):
    """ "★★★★☆" for 4 (a mean rounds to the nearest star); the text beside it says the number for screen readers."""
    try:
        n = max(0, min(5, round(float(value))))
    except (TypeError, ValueError):
        return ""
    return "★" * n + "☆" * (5 - n)
