"""Template helpers of the lateness pages."""

from django import template

from portal.frame import remember

from ..compliance.permissions import can_view_report

register = template.Library()


@register.simple_tag(takes_context=True)
def may_view_lateness(context):
    """HR and Pimpinan see the lateness report; kept in the user's frame like the other menu entries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return remember(user, "lateness_menu", lambda: can_view_report(user))
