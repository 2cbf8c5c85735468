from django import template

from ..mentoring import permissions, queries

register = template.Library()


@register.simple_tag(takes_context=True)
def mentoring_menu(context):
    """Whether the user gets "Program mentoring" in the Kelola menu (HR, leaders and supervisors) and "Mentoring" in
    the Pengembangan menu (mentors and mentees); both kept in the user's frame."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"programmes": permissions.can_set_up_programmes(user), "takes_part": queries.takes_part(user)}
