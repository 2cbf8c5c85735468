from django import template

from ..skp import menu
from ..skp.models import Skp

register = template.Library()

STATUS_TONES = {"draft": "tag-muted", "submitted": "tag-warn", "approved": "tag-ok", "returned": "tag-error"}


@register.simple_tag(takes_context=True)
def skp_menu(context):
    return menu.skp_menu(context.get("request"))


@register.filter
def skp_tone(status):
    return STATUS_TONES.get(status, "")


@register.filter
def skp_label(status):
    """The label of a stored SKP state ("approved" -> "Disetujui") for history rows, which store codes."""
    try:
        return Skp.Status(status).label
    except ValueError:
        return status
