"""Wagtail registrations of the organisation core: viewsets, bulk action, permission policies, the import view and
the audit-log action labels. Everything registered here is defined in `admin_scoping` and `admin_viewsets`."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin_scoping import ReadOnlyPolicy, ScopedDeleteBulkAction, SuperuserOnlyPolicy
from .admin_viewsets import OrganisasiGroup
from .importing import services as import_services
from .importing import urls as import_urls
from .importing.registry import import_kinds
from .importing.state_machine import IMPORT_JOB
from .models import Instansi, Pangkat

# after Wagtail's own snippet delete action, which it replaces for these models
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=100)

register_permission_policy(Instansi, SuperuserOnlyPolicy(Instansi))
register_permission_policy(Pangkat, ReadOnlyPolicy(Pangkat))

register_snippet(OrganisasiGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("impor/", include((import_urls.urlpatterns, "portal_import"), namespace="portal_import"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(import_kinds(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Impor data"), reverse("portal_import:index"), icon_name="upload", order=210)


# --- audit log labels ----------------------------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    actions.register_action("portal.team_reminder", _("Pengingat atasan"), _("Atasan mengirim pengingat"))
    actions.register_action(import_services.ACTION_SUMMARY, _("Impor data"), _("Data diimpor dari berkas"))
    for action, label in IMPORT_JOB.log_actions(_("Impor data")):
        actions.register_action(action, label, label)
    actions.register_action(import_services.ACTION_CREATE, _("Dibuat lewat impor"), _("Dibuat lewat impor berkas"))
    actions.register_action(import_services.ACTION_UPDATE, _("Diubah lewat impor"), _("Diubah lewat impor berkas"))
