"""Template helpers of the performance pages."""

from django import template

from ..evaluation.menu import for_request

register = template.Library()

PREDIKAT_TAGS = {
    "SANGAT_BAIK": "tag-ok",
    "BAIK": "tag-ok",
    "BUTUH_PERBAIKAN": "tag-warn",
    "KURANG": "tag-error",
    "SANGAT_KURANG": "tag-error",
}


@register.filter
def predikat_tag(code):
    """The badge colour of a predikat: good results green, needing improvement amber, poor red."""
    return PREDIKAT_TAGS.get(code, "tag-muted")


@register.simple_tag(takes_context=True)
def kinerja_menu(context):
    return for_request(context.get("request"))
