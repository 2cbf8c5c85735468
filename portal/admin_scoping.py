"""The admin scoping kit: every Wagtail admin view over an instansi-owned model sees the user's instansi only.

Listings, choosers and bulk actions filter with `portal.scoping.instansi_q`, and every view addressed by a primary
key answers 404 for an object of another instansi, so its existence does not leak. Apps declare which of their
models belong to an instansi with `register_instansi_model(model, path)`; models not registered are shared
reference data. A viewset over rule tables declares `shared_defaults = True`: its rows without an instansi are the
regulation's defaults, which every instansi sees and only superusers change.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import WorkflowHistoryView
from wagtail.admin.views.generic.preview import PreviewRevision
from wagtail.coreutils import multigetattr
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .exporting import escape_formula
from .models import Holiday, HukumanDisiplin, ImportJob, Instansi, Jabatan, Pegawai, UnitKerja
from .registry import Registry
from .scoping import instansi_q, pegawai_of

# --- scoping ---------------------------------------------------------------------------------------------

# lookup from each model to the instansi it belongs to; models not listed are shared reference data
INSTANSI_PATHS = {}


def register_instansi_model(model, instansi_path="instansi"):
    """Declare that rows of `model` belong to the instansi reached through `instansi_path`."""
    INSTANSI_PATHS[model] = instansi_path
    return model


register_instansi_model(Instansi, "pk")
for _model in (UnitKerja, Jabatan, Pegawai, ImportJob, Holiday):
    register_instansi_model(_model)
register_instansi_model(HukumanDisiplin, "pegawai__instansi")


def admin_queryset(model, user, *, shared_defaults=False):
    """Rows of `model` the user reaches in the admin; with `shared_defaults`, also the rows of no instansi."""
    queryset = model._default_manager.all()
    if model in INSTANSI_PATHS:
        q = instansi_q(user, INSTANSI_PATHS[model])
        if shared_defaults and q:  # an empty Q is a superuser's "everything", which needs no widening
            q |= Q(**{f"{INSTANSI_PATHS[model]}__isnull": True})
        queryset = queryset.filter(q)
    return queryset


# views that leave the object as it is: shared default rows may be opened in these (copying a default is how an
# instansi starts its own override), and in no other
READ_ONLY_VIEWS = (generic.HistoryView, generic.UsageView, generic.InspectView, generic.RevisionsCompareView)
READ_ONLY_VIEWS += (generic.CopyViewMixin, PreviewRevision, WorkflowHistoryView)


def scoped_by_pk(view, model, *, shared_defaults=False, writes=True):
    """Wrap a view addressed by `pk` so that an object outside the user's scope answers 404, and a view that
    `writes` refuses a shared default row to anyone but a superuser."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            found = admin_queryset(model, request.user, shared_defaults=shared_defaults).filter(pk=unquote(str(pk)))
            if not found.exists():
                raise Http404
            default_row = Q(**{f"{INSTANSI_PATHS[model]}__isnull": True}) if shared_defaults else None
            if writes and default_row and not request.user.is_superuser and found.filter(default_row).exists():
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class ScopedChooserMixin:
    shared_defaults = False  # set by the viewset: offer the default rows too (a national dictionary entry)

    def get_object_list(self):
        return admin_queryset(self.model_class, self.request.user, shared_defaults=self.shared_defaults)


class ScopedChooseView(ScopedChooserMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooserMixin, snippet_chooser.ChooseResultsView):
    pass


class ScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    shared_defaults = False

    def construct_view(self, view_class, **kwargs):
        if issubclass(view_class, ScopedChooserMixin):
            kwargs["shared_defaults"] = self.shared_defaults
        view = super().construct_view(view_class, **kwargs)
        return scoped_by_pk(view, self.model, shared_defaults=self.shared_defaults, writes=False)


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Bulk delete of organisation rows: the confirmation page and the action see the user's scope only."""

    models = [
        UnitKerja,
        Jabatan,
        Pegawai,
        HukumanDisiplin,
        Instansi,
    ]  # more are added by apps that register it for theirs

    def get_all_objects_in_listing_query(self, parent_id):
        return admin_queryset(self.model, self.request.user).values_list("pk", flat=True)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        pks = [obj.pk for obj in objects + list(extra.get("items_with_no_access", []))]
        if admin_queryset(self.model, self.request.user).filter(pk__in=pks).count() != len(set(pks)):
            raise Http404
        return objects, extra


# registered after Wagtail's own snippet delete action, which it replaces for these models
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


class SafeExportIndexView(IndexView):
    """Snippet listing export through the one formula-safe escaping. With `shared_defaults`, a default row links to
    its read-only view for anyone but a superuser, and offers no edit or delete (both would be refused)."""

    shared_defaults = False

    def is_shared_default(self, instance):
        if not self.shared_defaults or self.request.user.is_superuser:
            return False
        return multigetattr(instance, INSTANSI_PATHS[self.model].replace("__", ".") + "_id") is None

    def get_edit_url(self, instance):
        return None if self.is_shared_default(instance) else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if self.is_shared_default(instance) else super().get_delete_url(instance)

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


# --- viewsets ---------------------------------------------------------------------------------------------


class ScopedSnippetViewSet(SnippetViewSet):
    index_view_class = SafeExportIndexView
    chooser_viewset_class = ScopedChooserViewSet
    search_backend_name = None  # plain ORM search over search_fields: these models are not search-indexed
    list_related = ()
    shared_defaults = False  # True: rows without an instansi are defaults every instansi sees (see the module)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(shared_defaults=self.shared_defaults, **kwargs)

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.shared_defaults = self.shared_defaults
        return viewset

    base_form_class = None  # the form of the generated edit handler (a viewset's own `edit_handler` names its own)

    def get_queryset(self, request):
        queryset = admin_queryset(self.model, request.user, shared_defaults=self.shared_defaults)
        return queryset.select_related(*self.list_related) if self.list_related else queryset

    def get_edit_handler(self):
        handler = super().get_edit_handler()
        if handler is not None and handler.base_form_class is None and self.base_form_class is not None:
            handler.base_form_class = self.base_form_class
        return handler

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        writes = not issubclass(view_class, READ_ONLY_VIEWS)
        return scoped_by_pk(view, self.model, shared_defaults=self.shared_defaults, writes=writes)


class InstansiRuleForm(WagtailAdminModelForm):
    """A rule-table row (`portal.rule_tables`): HR edits their own instansi's rows; the defaults (no instansi) belong
    to the superadmin."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "instansi" in self.fields and for_user is not None and not for_user.is_superuser:
            me = pegawai_of(for_user)
            self.fields["instansi"].queryset = Instansi.objects.filter(pk=getattr(me, "instansi_id", None))
            self.fields["instansi"].required = True
            self.fields["instansi"].empty_label = None


class InstansiRuleViewSet(ScopedSnippetViewSet):
    """A rule table in the admin: the defaults and the user's own instansi rows; another instansi's rows answer
    404, and changing a default row needs the superadmin (the kit's shared defaults)."""

    base_form_class = InstansiRuleForm
    shared_defaults = True
    list_related = ("instansi",)


def scoped_choices(model):
    def queryset(request):
        return admin_queryset(model, request.user) if request else model.objects.none()

    return queryset


# Guards for Wagtail admin views addressed by an object id: each app registers a function (request, resolver match)
# that raises Http404 when the URL addresses an object outside the user's reach (home: pages, documents, images).
admin_object_guards = Registry("admin object guards")
