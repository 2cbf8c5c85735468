"""Template helpers of the HR service desk: its menu entries with their live counts."""

from django import template

from ..service_desk import menu

register = template.Library()


@register.simple_tag(takes_context=True)
def service_desk_menu(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "hr": menu.may_manage(user),
        "waiting": menu.count(request, menu.WAITING_BADGE),
        "new": menu.count(request, menu.NEW_BADGE),
    }
