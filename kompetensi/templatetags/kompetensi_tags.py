from django import template

from portal.scoping import pegawai_of

from .. import permissions
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
    """Which training menu items the user gets; roles are cached on the user, so this costs no query."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    me = pegawai_of(user)
    return {
        "employee": me is not None,
        "approver": permissions.may_approve_anything(user),
        "organiser": permissions.can_organise(user),
        "hr": permissions.can_see_compliance(user),
    }


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
