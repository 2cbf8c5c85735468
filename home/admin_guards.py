"""Wagtail's admin views addressed by an object id answer 404 for an object outside the user's reach, like the site
does: page views (explorer, edit, history, revisions, usage, copy, move, delete, workflow...) and the page chooser
for a page outside the user's subtree (home.admin_scope); document and image views (edit, delete, usage, chooser)
for a file outside the user's instansi collection (home.media_access). Wagtail's hooks and collection permissions
narrow listings and choosers, but not every view addressed by an id, so these guards (run by portal's AdminObjectScopeMiddleware) cover the URLs themselves."""

from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.admin_scoping import admin_object_guards

from .admin_scope import is_navigable
from .media_access import in_own_collection

ADMIN_PAGE_NAMESPACE = "wagtailadmin_pages"
ADMIN_PAGE_URL_NAMES = {"wagtailadmin_explore", "wagtailadmin_explore_results", "wagtailadmin_choose_page_child"}
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")


def bulk_page_ids(request, match):
    """A bulk action on pages names its pages in the query string (`?id=3&id=7`)."""
    if match.url_name == "wagtail_bulk_action" and match.kwargs.get("model_name") == "page":
        return [value for value in request.GET.getlist("id") if value.isdigit()]
    return []


def page_ids_of(match):
    """The page ids that an admin page URL addresses (empty for any other URL)."""
    if "wagtailadmin_editing_sessions" in match.namespaces and match.kwargs.get("model_name") == "page":
        return [match.kwargs["object_id"]] if "object_id" in match.kwargs else []
    if ADMIN_PAGE_NAMESPACE in match.namespaces:
        names = (*PAGE_ID_KWARGS, "pk")  # the revisions-compare view names its page `pk`
    elif match.url_name in ADMIN_PAGE_URL_NAMES:
        names = PAGE_ID_KWARGS
    else:
        return []
    return [match.kwargs[name] for name in names if name in match.kwargs]


# admin URL namespace: (model getter, the kwargs that carry its id)
MEDIA_NAMESPACES = {
    "wagtaildocs": (get_document_model, ("document_id", "doc_id")),
    "wagtaildocs_chooser": (get_document_model, ("pk",)),
    "wagtailimages": (get_image_model, ("image_id",)),
    "wagtailimages_chooser": (get_image_model, ("image_id", "pk")),
}


def media_objects_of(match):
    """The documents or images that an admin media URL addresses (empty for any other URL)."""
    for namespace in match.namespaces:
        if namespace in MEDIA_NAMESPACES:
            get_model, names = MEDIA_NAMESPACES[namespace]
            ids = [match.kwargs[name] for name in names if name in match.kwargs]
            return get_model().objects.filter(pk__in=ids).select_related("collection") if ids else []
    return []


@admin_object_guards.register("pages")
def guard_pages(request, match):
    ids = [*page_ids_of(match), *bulk_page_ids(request, match)]
    if not ids:
        return
    for page in Page.objects.filter(pk__in=ids).only("path"):
        if not is_navigable(request.user, page):
            raise Http404


@admin_object_guards.register("media")
def guard_media(request, match):
    for item in media_objects_of(match):
        if not in_own_collection(request.user, item.collection):
            raise Http404


# Admin views that span every instansi's pages or workflows and have no per-instansi form: superusers only. Workflows
# and their tasks are set up per instansi by onboarding; the page-type reports list titles of every page of a type.
SUPERUSER_ONLY_NAMESPACES = {"wagtailadmin_workflows"}
SUPERUSER_ONLY_URL_NAMES = {
    "wagtailadmin_reports:page_types_usage", "wagtailadmin_reports:page_types_usage_results",
    "wagtailadmin_pages:type_use", "wagtailadmin_pages:type_use_results",
}  # fmt: skip


@admin_object_guards.register("superuser_only")
def guard_superuser_only(request, match):
    if SUPERUSER_ONLY_NAMESPACES & set(match.namespaces) or match.view_name in SUPERUSER_ONLY_URL_NAMES:
        raise Http404
