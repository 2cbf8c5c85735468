"""The organisation core in the Wagtail admin: snippet viewsets for instansi, unit kerja, jabatan, pegawai and
the pangkat reference, the import view, and the audit-log action labels.

Scoping: an Admin SDM works on their own instansi only. Listings, choosers and bulk actions are filtered
with `portal.scoping.instansi_q`, and every view addressed by a primary key answers 404 for an object of
another instansi, so its existence does not leak.
"""

import re
from functools import wraps

import django_filters
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.coreutils import multigetattr
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from .importing import services as import_services
from .importing import urls as import_urls
from .importing.registry import import_kinds, register_import
from .models import ImportJob, Instansi, Jabatan, Pangkat, Pegawai, UnitKerja
from .resources import IMPORT_COLUMNS, JabatanResource, PegawaiResource, UnitKerjaResource
from .scoping import instansi_q, pegawai_of
from .services import save_pegawai

# --- scoping ---------------------------------------------------------------------------------------------

# lookup from each model to the instansi it belongs to; models not listed are shared reference data
INSTANSI_PATHS = {
    Instansi: "pk",
    UnitKerja: "instansi",
    Jabatan: "instansi",
    Pegawai: "instansi",
    ImportJob: "instansi",
}


def admin_queryset(model, user):
    queryset = model._default_manager.all()
    if model in INSTANSI_PATHS:
        queryset = queryset.filter(instansi_q(user, INSTANSI_PATHS[model]))
    return queryset


def scoped_by_pk(view, model):
    """Wrap a view addressed by `pk` so that an object outside the user's scope answers 404."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not admin_queryset(model, request.user).filter(pk=unquote(str(pk))).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


class ScopedChooseView(snippet_chooser.ChooseView):
    def get_object_list(self):
        return admin_queryset(self.model_class, self.request.user)


class ScopedChooseResultsView(snippet_chooser.ChooseResultsView):
    def get_object_list(self):
        return admin_queryset(self.model_class, self.request.user)


class ScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView

    def construct_view(self, view_class, **kwargs):
        return scoped_by_pk(super().construct_view(view_class, **kwargs), self.model)


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Bulk delete of organisation rows: the confirmation page and the action see the user's scope only."""

    models = [UnitKerja, Jabatan, Pegawai, Instansi]

    def get_all_objects_in_listing_query(self, parent_id):
        return admin_queryset(self.model, self.request.user).values_list("pk", flat=True)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        pks = [obj.pk for obj in objects + list(extra.get("items_with_no_access", []))]
        if admin_queryset(self.model, self.request.user).filter(pk__in=pks).count() != len(set(pks)):
            raise Http404
        return objects, extra


# registered after Wagtail's own snippet delete action, which it replaces for these models
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=100)


# --- permission policies ------------------------------------------------------------------------------------


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Instansi are created and changed by superadmins; an Admin SDM may only choose their own."""

    def user_has_permission(self, user, action):
        if action == "choose":
            return super().user_has_permission(user, "view")
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(is_superuser=True)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Reference data loaded by a data migration (PP 99/2000): viewable, never edited in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return user.is_active and (user.is_superuser or user.has_perm(self._get_permission_name("view")))

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in ("add", "change", "delete")]
        return super().users_with_any_permission(actions) if actions else get_user_model().objects.none()


register_permission_policy(Instansi, SuperuserOnlyPolicy(Instansi))
register_permission_policy(Pangkat, ReadOnlyPolicy(Pangkat))


# --- forms ------------------------------------------------------------------------------------------------


class InstansiScopedForm(WagtailAdminModelForm):
    """For an Admin SDM the instansi is theirs, fixed, and every related choice comes from it."""

    related_fields = ("parent", "unit", "jabatan", "atasan")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser:
            return
        me = pegawai_of(user)
        instansi_id = me.instansi_id if me else None
        self.fields.pop("instansi", None)
        if self.instance.pk is None:
            self.instance.instansi_id = instansi_id
        for name in self.related_fields:
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.filter(instansi_id=instansi_id)


class PegawaiForm(InstansiScopedForm):
    def clean(self):
        cleaned = super().clean()
        nip = cleaned.get("nip")
        if self.instance.pk is None and nip and get_user_model().objects.filter(username=nip).exists():
            self.add_error("nip", _("Akun dengan nama pengguna %(login)s sudah ada.") % {"login": nip})
        return cleaned


# --- listing export that cannot smuggle a formula into a spreadsheet ----------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a phone number or a negative number is not a formula, and must stay readable
HARMLESS = re.compile(r"[+-]?[\d\s().-]*")


def escape_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_START) and not HARMLESS.fullmatch(value):
        return "'" + value
    return value


class SafeExportIndexView(IndexView):
    def to_row_dict(self, item):
        return {field: self.export_value(item, field) for field in self.list_export}

    @staticmethod
    def export_value(item, field):
        try:
            return multigetattr(item, field)
        except AttributeError:  # an empty optional relation (a pegawai without jabatan) is an empty cell
            return None

    def preprocess_field_value(self, field, value, export_format):
        return escape_formula(super().preprocess_field_value(field, value, export_format))


class PegawaiCreateView(CreateView):
    def save_instance(self):
        # through the service, so the audit log records what changed and the login account is created
        self.new_revision = None
        return save_pegawai(self.request.user, self.form.save(commit=False))


class PegawaiEditView(EditView):
    def save_instance(self):
        self.new_revision = None
        return save_pegawai(self.request.user, self.form.save(commit=False))


# --- viewsets ---------------------------------------------------------------------------------------------


class ScopedSnippetViewSet(SnippetViewSet):
    index_view_class = SafeExportIndexView
    chooser_viewset_class = ScopedChooserViewSet
    search_backend_name = None  # plain ORM search over search_fields: these models are not search-indexed
    list_related = ()

    def get_queryset(self, request):
        queryset = admin_queryset(self.model, request.user)
        return queryset.select_related(*self.list_related) if self.list_related else queryset

    def construct_view(self, view_class, **kwargs):
        return scoped_by_pk(super().construct_view(view_class, **kwargs), self.model)


def scoped_choices(model):
    def queryset(request):
        return admin_queryset(model, request.user) if request else model.objects.none()

    return queryset


class UnitKerjaFilterSet(WagtailFilterSet):
    instansi = django_filters.ModelChoiceFilter(label=_("Instansi"), queryset=scoped_choices(Instansi))
    parent = django_filters.ModelChoiceFilter(label=_("Unit induk"), queryset=scoped_choices(UnitKerja))

    class Meta:
        model = UnitKerja
        fields = ["instansi", "parent"]


class JabatanFilterSet(WagtailFilterSet):
    instansi = django_filters.ModelChoiceFilter(label=_("Instansi"), queryset=scoped_choices(Instansi))

    class Meta:
        model = Jabatan
        fields = ["instansi", "kind"]


class PegawaiFilterSet(WagtailFilterSet):
    instansi = django_filters.ModelChoiceFilter(label=_("Instansi"), queryset=scoped_choices(Instansi))
    unit = django_filters.ModelChoiceFilter(label=_("Unit kerja"), queryset=scoped_choices(UnitKerja))
    jabatan__kind = django_filters.ChoiceFilter(label=_("Jenis jabatan"), choices=Jabatan.Kind.choices)

    class Meta:
        model = Pegawai
        fields = ["instansi", "unit", "jabatan__kind", "status", "is_active"]


class InstansiViewSet(ScopedSnippetViewSet):
    model = Instansi
    icon = "site"
    menu_label = _("Instansi")
    list_display = ["name", "kind", "region", "time_zone"]
    list_filter = ["kind", "time_zone"]
    search_fields = ["name", "region"]
    list_export = ["name", "slug", "kind", "region", "time_zone", "jp_target_pppk"]
    export_filename = "instansi"
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("time_zone"), FieldPanel("jp_target_pppk")]),
    ]


class UnitKerjaViewSet(ScopedSnippetViewSet):
    model = UnitKerja
    icon = "folder-open-inverse"
    menu_label = _("Unit kerja")
    list_display = ["name", "code", "parent", "instansi"]
    list_related = ("instansi", "parent")
    filterset_class = UnitKerjaFilterSet
    search_fields = ["name", "code"]
    list_export = ["code", "name", "parent.code", "instansi.name"]
    export_headings = {"code": _("Kode"), "parent.code": _("Kode induk"), "instansi.name": _("Instansi")}
    export_filename = "unit-kerja"
    edit_handler = ObjectList(
        [FieldPanel("instansi"), FieldRowPanel([FieldPanel("code"), FieldPanel("name")]), FieldPanel("parent")],
        base_form_class=InstansiScopedForm,
    )


class JabatanViewSet(ScopedSnippetViewSet):
    model = Jabatan
    icon = "tag"
    menu_label = _("Jabatan")
    list_display = ["name", "code", "kind", "jenjang", "kelas_jabatan", "instansi"]
    list_related = ("instansi",)
    filterset_class = JabatanFilterSet
    search_fields = ["name", "code", "jenjang"]
    list_export = ["code", "name", "kind", "jenjang", "kelas_jabatan", "instansi.name"]
    export_headings = {"instansi.name": _("Instansi")}
    export_filename = "jabatan"
    edit_handler = ObjectList(
        [
            FieldPanel("instansi"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("jenjang"), FieldPanel("kelas_jabatan")]),
        ],
        base_form_class=InstansiScopedForm,
    )


class PegawaiViewSet(ScopedSnippetViewSet):
    model = Pegawai
    icon = "user"
    menu_label = _("Pegawai")
    add_view_class = PegawaiCreateView
    edit_view_class = PegawaiEditView
    copy_view_enabled = False
    list_display = ["full_name", "nip", "unit", "jabatan", "status", "is_active"]
    list_related = ("instansi", "unit", "jabatan", "pangkat", "atasan")
    filterset_class = PegawaiFilterSet
    search_fields = ["nama", "nip", "email"]
    list_export = [
        "nip", "nama", "gelar_depan", "gelar_belakang", "status", "unit.code", "unit.name", "jabatan.name",
        "pangkat.golongan_ruang", "tmt_pangkat", "atasan.nip", "email", "phone", "is_active", "instansi.name",
    ]  # fmt: skip
    export_headings = {
        "unit.code": _("Kode unit"),
        "unit.name": _("Unit kerja"),
        "jabatan.name": _("Jabatan"),
        "pangkat.golongan_ruang": _("Golongan"),
        "atasan.nip": _("NIP atasan"),
        "instansi.name": _("Instansi"),
    }
    export_filename = "pegawai"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("nip"),
                    FieldRowPanel([FieldPanel("gelar_depan"), FieldPanel("nama"), FieldPanel("gelar_belakang")]),
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                ],
                heading=_("Identitas"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("instansi"),
                    FieldRowPanel([FieldPanel("unit"), FieldPanel("jabatan")]),
                    FieldPanel("atasan"),
                    FieldRowPanel([FieldPanel("status"), FieldPanel("pangkat"), FieldPanel("tmt_pangkat")]),
                    FieldPanel("is_active"),
                ],
                heading=_("Kepegawaian"),
            ),
        ],
        base_form_class=PegawaiForm,
    )


class PangkatViewSet(ScopedSnippetViewSet):
    model = Pangkat
    icon = "list-ol"
    menu_label = _("Pangkat")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["golongan_ruang", "name"]
    search_fields = ["name", "golongan_ruang"]
    list_export = ["golongan_ruang", "name"]
    export_filename = "pangkat"


class OrganisasiGroup(SnippetViewSetGroup):
    menu_label = _("Organisasi")
    menu_icon = "group"
    menu_order = 200
    items = (PegawaiViewSet, UnitKerjaViewSet, JabatanViewSet, PangkatViewSet, InstansiViewSet)


register_snippet(OrganisasiGroup)


# --- import ------------------------------------------------------------------------------------------------

register_import(
    "unit_kerja", UnitKerjaResource, _("Unit kerja"), "portal.add_unitkerja", IMPORT_COLUMNS["unit_kerja"],
    help_text=_("Kode induk boleh merujuk unit yang muncul di baris berikutnya."),
)  # fmt: skip
register_import("jabatan", JabatanResource, _("Jabatan"), "portal.add_jabatan", IMPORT_COLUMNS["jabatan"])
register_import(
    "pegawai", PegawaiResource, _("Pegawai"), "portal.add_pegawai", IMPORT_COLUMNS["pegawai"],
    help_text=_(
        "Pegawai baru mendapat akun dengan nama pengguna = NIP (kata sandi diatur lewat lupa sandi). "
        "NIP atasan boleh merujuk pegawai yang muncul di baris berikutnya."
    ),
)  # fmt: skip


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
    actions.register_action(import_services.ACTION_SUMMARY, _("Impor data"), _("Data diimpor dari berkas"))
    actions.register_action(import_services.ACTION_CREATE, _("Dibuat lewat impor"), _("Dibuat lewat impor berkas"))
    actions.register_action(import_services.ACTION_UPDATE, _("Diubah lewat impor"), _("Diubah lewat impor berkas"))
