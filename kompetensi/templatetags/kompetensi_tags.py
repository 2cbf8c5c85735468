from django import template

from .. import fragments, menu
from ..services.session_time import format_time

register = template.Library()

STATUS_TAGS = {
    "requested": "tag-muted",
    "pending_approval": "tag-warn",
    "confirmed": "tag-ok",
    "waitlisted": "tag-warn",
    "attended": "tag-ok",
    "completed": "tag-ok",
    "not_completed": "tag-error",
    "cancelled": "tag-muted",
    "rejected": "tag-error",
    "submitted": "tag-warn",
    "approved": "tag-ok",
}


@register.simple_tag(takes_context=True)
def training_menu(context):
    """Which training menu items the user gets, and the approvals badge (kompetensi.menu)."""
    return menu.training_menu(context.get("request"))


@register.filter
def status_tag(status):
    return STATUS_TAGS.get(status, "")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def session_time(value, session):
    """A time of a training session in its organising instansi's zone with the label (WIB, WITA, WIT), the same
    for every viewer: `{{ session.start_at|session_time:session }}`."""
    return format_time(value, session) if value else ""


@register.simple_tag(takes_context=True)
def session_info(context, session, show_course=False):
    """The shared part of a session's line: from the page's `session_infos` (read in one round trip by the view),
    else from the cache on its own."""
    show_course = bool(show_course)
    html = (context.get("session_infos") or {}).get((session.pk, show_course))
    if html is None:
        html = fragments.session_infos([session], show_course)[(session.pk, show_course)]
    return html
