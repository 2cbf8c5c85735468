from django import template

from ..peer import menu

register = template.Library()


@register.simple_tag(takes_context=True)
def peer_pending(context):
    """How many peer feedback assignments wait for the user's answer (the menu's live count)."""
    return menu.pending_count(context.get("request"))
