"""The "Kelola" menu: its entries come from each module's templates, and the menu shows only when one of them
rendered something for this user."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def render_nav_group(context, templates):
    # the flattened context already holds what the context processors gave (the request among it): rendering with
    # the request again would run every context processor once more for each template
    flat = context.flatten()
    html = "".join(get_template(name).render(flat) for name in templates)
    # the output of our own templates, escaped by them
    return mark_safe(html.strip())


@register.simple_tag(takes_context=True)
def has_direct_reports(context):
    """Whether the user leads anyone: the Atasan role is kept in step with having active reports."""
    from portal import roles
    from portal.permissions import acts_as
    from portal.scoping import pegawai_of

    request = context.get("request")
    me = pegawai_of(request.user) if request else None
    return me is not None and acts_as(request.user, roles.ATASAN, me.instansi_id)
