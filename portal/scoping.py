"""The one scoping mechanism: which employees' records a user may see.

- everyone: their own records;
- a supervisor: also their direct reports (indirect ones where a caller asks for it);
- Admin SDM and Pimpinan: every record of their instansi;
- Superadmin (superuser): everything.

Every query and view filters through `scope_q` / `visible_pegawai`, and looks single objects up with
`get_visible_or_404`, so another instansi's object answers 404 and its existence does not leak.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404

from . import roles
from .frame import remember
from .models import Pegawai


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    instansi_id: int | None = None
    pegawai_id: int | None = None
    report_ids: frozenset = field(default_factory=frozenset)

    @property
    def nothing(self):
        return not self.everything and self.instansi_id is None and self.pegawai_id is None


def _user_groups(user):
    """{group id: name} of the user's groups: one query, then kept in the user's frame."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return remember(user, "groups", lambda: dict(user.groups.values_list("pk", "name")))


def user_roles(user):
    """Names of the user's groups."""
    return frozenset(_user_groups(user).values())


def user_group_ids(user):
    return frozenset(_user_groups(user))


def can_access_admin(user):
    """Whether the Wagtail admin link is shown: decided from the cached roles, without a permission query.
    Wagtail itself still checks `wagtailadmin.access_admin` on every admin view."""
    return getattr(user, "is_superuser", False) or bool(user_roles(user) & roles.ADMIN_ROLES)


def has_role(user, *names):
    """Holds one of the roles anywhere (a superuser holds all). Whether they hold it for a given instansi is
    `portal.permissions.acts_as`."""
    if getattr(user, "is_superuser", False):
        return True
    return bool(user_roles(user) & set(names))


def pegawai_of(user):
    """The Pegawai linked to the user, or None (kept in the user's frame)."""
    if not getattr(user, "is_authenticated", False):
        return None
    # only a found pegawai is kept: a user object may outlive the moment its pegawai is created
    return remember(
        user,
        "pegawai",
        lambda: Pegawai.objects.select_related("instansi", "unit", "jabatan", "pangkat").filter(user=user).first(),
        keep_none=False,
    )


def pegawai_or_404(user):
    """The user's Pegawai, or 404: the pages of one's own records have nothing to show an account without one."""
    me = pegawai_of(user)
    if me is None:
        raise Http404
    return me


def report_ids(pegawai, indirect=False):
    """IDs of the active direct (and optionally indirect) reports of a pegawai; one query per level."""
    found, frontier = set(), {pegawai.pk}
    while frontier:
        level = set(Pegawai.objects.filter(atasan_id__in=frontier, is_active=True).values_list("pk", flat=True))
        level -= found | {pegawai.pk}
        found |= level
        frontier = level if indirect else set()
    return frozenset(found)


def scope_for(user, indirect=False):
    if not getattr(user, "is_authenticated", False):
        return Scope()
    if user.is_superuser or roles.SUPERADMIN in user_roles(user):
        return Scope(everything=True)
    me = pegawai_of(user)
    if me is None:
        return Scope()
    if user_roles(user) & roles.INSTANSI_WIDE_ROLES:
        return Scope(instansi_id=me.instansi_id, pegawai_id=me.pk)
    return Scope(pegawai_id=me.pk, report_ids=report_ids(me, indirect=indirect))


def scope_q(user, pegawai_path="", indirect=False):
    """A Q that keeps the rows whose employee (reached through `pegawai_path`) the user may see.

    `pegawai_path` is the lookup from the queried model to Pegawai ("" when querying Pegawai itself,
    "pegawai" for a model with a `pegawai` foreign key, "enrolment__pegawai" through a relation).
    """
    prefix = f"{pegawai_path}__" if pegawai_path else ""
    scope = scope_for(user, indirect=indirect)
    if scope.everything:
        return Q()
    if scope.nothing:
        return Q(pk__in=[])
    if scope.instansi_id is not None:
        return Q(**{f"{prefix}instansi_id": scope.instansi_id})
    return Q(**{f"{prefix}pk__in": {scope.pegawai_id, *scope.report_ids}})


def instansi_q(user, instansi_path="instansi"):
    """Rows of models that belong to an instansi (units, jabatan, courses): HR sees theirs, superadmin all."""
    scope = scope_for(user)
    if scope.everything:
        return Q()
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])
    return Q(**{instansi_path: me.instansi_id})


def visible_pegawai(user, indirect=False):
    return Pegawai.objects.filter(scope_q(user, indirect=indirect))


def get_visible_or_404(queryset, user, pegawai_path="", **lookup):
    try:
        return queryset.filter(scope_q(user, pegawai_path)).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
