"""The admin's audit log (site history report, its CSV/XLSX export and filters) scoped like the objects it is about.

Wagtail shows a log entry to anyone with any permission on the entry's model, across every instansi. Here a
non-superuser sees, on top of Wagtail's own permission filter:
- page entries for pages in their instansi's home subtree (entries of deleted pages: superusers only, since a
  deleted page no longer tells which instansi it belonged to);
- entries of models registered in the admin scoping kit (`register_instansi_model`) whose object is in their
  instansi, through the model's instansi path;
- entries of any other model (shared reference data, or models not registered in the kit) only when the acting
  user is an employee of their own instansi: such an entry never shows another instansi's people or actions.
Log entry models other than Wagtail's page and model entries are shown to superusers only.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, PageLogEntry

from portal.admin_scoping import INSTANSI_PATHS, admin_queryset
from portal.scoping import pegawai_of

from .admin_scope import subtree_q


def _model_entries_q(user):
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])
    registered = ContentType.objects.get_for_models(*INSTANSI_PATHS, for_concrete_models=False)
    q = Q()
    for model, content_type in registered.items():
        object_ids = admin_queryset(model, user).annotate(as_text=Cast("pk", CharField())).values("as_text")
        q |= Q(content_type=content_type, object_id__in=object_ids)
    own_actor = ~Q(content_type__in=list(registered.values())) & Q(user__pegawai__instansi_id=me.instansi_id)
    return q | own_actor


def visible_log_entries(log_model, user):
    """The log entries of `log_model` that `user` may see in the admin."""
    queryset = log_model.objects.viewable_by_user(user)
    if user.is_superuser:
        return queryset
    if issubclass(log_model, PageLogEntry):
        return queryset.filter(subtree_q(user, "page__"))
    if issubclass(log_model, ModelLogEntry):
        return queryset.filter(_model_entries_q(user))
    return queryset.none()


def _all_visible(user):
    return [visible_log_entries(log_model, user) for log_model in log_action_registry.get_log_entry_models()]


def _visible_content_types(user):
    content_type_ids = set()
    for queryset in _all_visible(user):
        content_type_ids.update(queryset.get_content_type_ids())
    return ContentType.objects.filter(pk__in=content_type_ids).order_by("model")


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """The filter choices (users, actions, object types) come from the visible entries only."""

    object_type = ContentTypeFilter(
        label=_("Jenis objek"),
        method="filter_object_type",
        queryset=lambda request: _visible_content_types(request.user),
    )

    def get_action_choices(self):
        actions = set()
        for queryset in _all_visible(self.request.user):
            actions.update(queryset.get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in actions]

    def get_user_choices(self):
        user_ids = set()
        for queryset in _all_visible(self.request.user):
            user_ids.update(queryset.get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)


class ScopedLogEntriesView(LogEntriesView):
    """Wagtail's site history report (listing and exports) over `visible_log_entries`."""

    filterset_class = ScopedSiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's own union of one values() queryset per log model (see LogEntriesView), each scoped first
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                visible_log_entries(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")
