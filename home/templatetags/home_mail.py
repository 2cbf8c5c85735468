"""Links in moderation emails: always on the configured site address (WAGTAILADMIN_BASE_URL), never on a page's
Site hostname or the host a request happened to come in on."""

from django import template
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_admin_base_url

register = template.Library()


def _absolute(path):
    return f"{(get_admin_base_url() or '').rstrip('/')}{path}" if path else ""


@register.simple_tag
def site_url(name, *args):
    """`{% site_url "home_approvals" %}` -> https://lentera.example.go.id/kebijakan/persetujuan/"""
    return _absolute(reverse(name, args=args))


@register.simple_tag
def page_site_url(page):
    parts = page.get_url_parts() if page is not None else None
    return _absolute(parts[2]) if parts else ""


@register.simple_tag
def edit_site_url(obj, user=None):
    """The admin edit view of a page or snippet, for whoever may edit it."""
    return _absolute(AdminURLFinder(user).get_edit_url(obj)) if obj is not None else ""


@register.filter
def person(user):
    """How people are named to each other: the employee's name with titles, else the account's name."""
    if user is None:
        return ""
    try:
        pegawai = user.pegawai
    except AttributeError:  # no pegawai (a superadmin): Django raises RelatedObjectDoesNotExist, an AttributeError
        pegawai = None
    return pegawai.full_name if pegawai is not None else (user.get_full_name() or user.get_username())
