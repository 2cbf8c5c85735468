from django import template

from .. import queries
from ..models import InstansiSiteSettings
from ..models.privacy import can_view

register = template.Library()


@register.simple_tag(takes_context=True)
def home_menu(context):
    """Menu entries from the user's home page children, cached on the request: privacy applies."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    if not hasattr(request, "_home_menu"):
        request._home_menu = queries.menu_pages(request.user)
    return request._home_menu


@register.simple_tag(takes_context=True)
def instansi_settings(context):
    """The site settings for the user's instansi (or the portal defaults), cached on the request."""
    request = context.get("request")
    if request is None:
        return InstansiSiteSettings.for_instansi_id(None)
    if not hasattr(request, "_instansi_settings"):
        me = queries.pegawai_of(request.user)
        request._instansi_settings = InstansiSiteSettings.for_instansi_id(me.instansi_id if me else None, request)
    return request._instansi_settings


@register.simple_tag(takes_context=True)
def is_content_editor(context):
    request = context.get("request")
    return bool(request and request.user.is_authenticated and queries.is_editor(request.user))


@register.filter
def visible_for(page, user):
    return page is not None and can_view(page, user)
