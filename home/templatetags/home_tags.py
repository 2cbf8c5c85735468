import re

from django import template
from django.utils.html import format_html

from portal.frame import remember

from .. import queries
from ..models import InstansiSiteSettings
from ..models.privacy import can_view, filter_visible

register = template.Library()


@register.simple_tag(takes_context=True)
def home_menu(context):
    """Menu entries from the user's home page children, cached on the request: privacy applies."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []

    def entries():
        return [
            {"title": page.title, "url": page.get_url(request), "path": page.path}
            for page in queries.menu_pages(request.user)
        ]

    return remember(request.user, "home_menu", entries)


@register.simple_tag(takes_context=True)
def instansi_settings(context):
    """The site settings for the user's instansi (or the portal defaults), cached on the request."""
    request = context.get("request")
    # no user on the request when it was refused before authentication ran (a 400 for a bad Host header)
    if request is None or not hasattr(request, "user"):
        return InstansiSiteSettings.for_instansi_id(None)
    me = queries.pegawai_of(request.user)
    return remember(
        request.user,
        "site_settings",
        lambda: InstansiSiteSettings.for_instansi_id(me.instansi_id if me else None, request),
    )


@register.simple_tag(takes_context=True)
def is_content_editor(context):
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return False
    return remember(request.user, "is_content_editor", lambda: bool(queries.is_editor(request.user)))


@register.filter
def visible_for(page, user):
    return page is not None and can_view(page, user)


@register.filter
def only_visible_to(pages, user):
    """The pages of a queryset this user may view, in one query (instead of `visible_for` on each in a loop)."""
    return filter_visible(pages, user)


@register.filter
def document_caption(document, label=""):
    """The link text of a document: its label (or title), then its type and size, "(PDF, 1,2 MB)", for readers on
    a weak connection; a label that already names the type ("Bahan paparan (PDF)") does not get it twice."""
    from django.template.defaultfilters import filesizeformat

    text = (label or document.title).strip()
    extension = document.file_extension.upper()
    text = re.sub(rf"\s*\({re.escape(extension)}\)\s*$", "", text, flags=re.IGNORECASE) if extension else text
    details = ", ".join(
        part for part in [extension, filesizeformat(document.file_size) if document.file_size else ""] if part
    )
    return format_html('{} <span class="muted">({})</span>', text, details) if details else text
