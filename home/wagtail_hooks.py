from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import editorial, queries
from .admin_api import register_scoped_endpoints
from .admin_scope import navigable_q
from .media_access import can_download
from .models.privacy import in_other_instansi

# after Wagtail's own registrations (order 0), which these replace
hooks.register("construct_admin_api", register_scoped_endpoints, order=100)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_in_scope(pages, request):
    return pages.filter(navigable_q(request.user))


@hooks.register("construct_explorer_page_queryset")
def explorer_in_scope(parent_page, pages, request):
    return pages.filter(navigable_q(request.user))


@hooks.register("before_serve_page", order=-100)
def other_instansi_page_is_missing(page, request, serve_args, serve_kwargs):
    """Before Wagtail's view restrictions (which would answer a login form or 403 and so confirm that the page
    exists): a signed-in user of another instansi gets the same 404 as for a missing page."""
    previewing = getattr(request, "is_preview", False)
    if request.user.is_authenticated and not previewing and in_other_instansi(page, request.user):
        raise Http404


@hooks.register("before_serve_document")
def document_in_scope(document, request):
    if not can_download(request.user, document):
        raise Http404


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("home.acknowledge", _("Konfirmasi baca"), _("Konfirmasi baca oleh pegawai"))
    actions.register_action("home.reacknowledge", _("Konfirmasi ulang diminta"), _("Putaran konfirmasi baru"))
    actions.register_action("home.feedback", _("Umpan balik"), _("Umpan balik pembaca"))


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return queries.is_editor(request.user)


@hooks.register("register_reports_menu_item")
def reading_report_menu_item():
    return EditorMenuItem(_("Bacaan wajib"), reverse("home_reading_reports"), icon_name="tick", order=700)


@hooks.register("register_reports_menu_item")
def search_gap_menu_item():
    return EditorMenuItem(_("Pencarian tanpa hasil"), reverse("home_search_gaps"), icon_name="search", order=710)


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return MenuItem(_("Tinjauan & umpan balik"), reverse("home_review_due"), icon_name="comment", order=950)


@hooks.register("construct_reports_menu")
def hide_cross_instansi_reports(request, menu_items):
    # the page-types report lists pages of every instansi; its views answer 404 to others (home.admin_guards)
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in {"page-types-usage"}]


@hooks.register("construct_page_action_menu")
def hide_approve_from_submitter(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and editorial.is_own_submission(page, request.user):
        menu_items[:] = [item for item in menu_items if getattr(item, "name", None) != "approve"]


@hooks.register("before_edit_page")
def refuse_approval_by_submitter(request, page):
    approving = request.method == "POST" and request.POST.get("workflow-action-name") == "approve"
    if approving and editorial.is_own_submission(page, request.user):
        raise PermissionDenied
