"""Wagtail's admin page views (explorer, edit, history, revisions, usage, copy, move, delete, workflow...) and the
page chooser's browse view answer 404 for a page outside the user's reach (home.admin_scope), like the site
does. Wagtail's hooks narrow listings and choosers but not every view addressed by a page id, so this covers the
URLs themselves."""

from django.http import Http404
from wagtail.models import Page

from .admin_scope import is_navigable

ADMIN_PAGE_NAMESPACE = "wagtailadmin_pages"
ADMIN_PAGE_URL_NAMES = {"wagtailadmin_explore", "wagtailadmin_explore_results", "wagtailadmin_choose_page_child"}
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")


def page_ids_of(match):
    """The page ids that an admin page URL addresses (empty for any other URL)."""
    if ADMIN_PAGE_NAMESPACE in match.namespaces:
        names = (*PAGE_ID_KWARGS, "pk")  # the revisions-compare view names its page `pk`
    elif match.url_name in ADMIN_PAGE_URL_NAMES:
        names = PAGE_ID_KWARGS
    else:
        return []
    return [match.kwargs[name] for name in names if name in match.kwargs]


class AdminPageScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_superuser:
            return None  # the anonymous are sent to log in by the view itself
        for page in Page.objects.filter(pk__in=page_ids_of(request.resolver_match)).only("path"):
            if not is_navigable(user, page):
                raise Http404
        return None
