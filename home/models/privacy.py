"""Who may see which page. One place, used by `BasePage.visible_to`, listings, menus, search, the dashboard
and page serving, so a page the user may not view never shows up anywhere (not even its title).

A page is visible to a signed-in user when all of these hold:
- it passes Wagtail's view restrictions (login: yes; groups: the user is in one; password: hidden from listings);
- it lies in the subtree of the user's own instansi home page, or outside every instansi home;
- it has no audience rules, or one of its audience rules matches the user (editors of the instansi — Admin
  Konten and Pimpinan — see every page of their instansi so they can check campaigns before and after).
Superusers see everything.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page, PageViewRestriction

from portal import roles
from portal.frame import remember
from portal.org_tree import unit_ancestor_ids
from portal.scoping import has_role, pegawai_of, user_group_ids

_CACHE_ATTR = "_lentera_page_privacy"


# The page models use these rules (BasePage.visible_to, serving), and the rules read two of those models: they are
# looked up from the app registry, as Django resolves "app.Model" references, rather than imported in a circle.
def _home_model():
    return apps.get_model("home", "HomePage")


def _audience_model():
    return apps.get_model("home", "AudienceRule")


@dataclass(frozen=True)
class PrivacyContext:
    hidden_paths: tuple  # subtrees the user may not see (restrictions, other instansi)
    skip_audience: bool
    audience_q: Q  # on AudienceRule: the rules that match the user

    @property
    def key(self):
        """The same for every user who may see the same pages: part of the key of a fragment listing pages."""
        return repr((self.hidden_paths, self.skip_audience, str(self.audience_q)))


def audience_q_for(user):
    """Q on AudienceRule keeping the rules that match this user."""
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])
    group_ids = list(user_group_ids(user))
    kind = me.jabatan.kind if me.jabatan_id else None
    return (
        (Q(instansi__isnull=True) | Q(instansi_id=me.instansi_id))
        & (Q(unit__isnull=True) | Q(unit_id__in=unit_ancestor_ids(me.unit)))
        & (Q(jabatan_kind="") | Q(jabatan_kind=kind or "-"))
        & (Q(group__isnull=True) | Q(group_id__in=group_ids))
    )


def _hidden_restriction_paths(user):
    group_ids = user_group_ids(user)
    paths = []
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == PageViewRestriction.GROUPS and group_ids & {
            group.pk for group in restriction.groups.all()
        }:
            continue
        paths.append(restriction.page.path)
    return paths


def privacy_context(user):
    """Three or four small queries, once per user until their frame is invalidated (portal.frame)."""
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = remember(user, "page_privacy", lambda: _privacy_context(user))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def _privacy_context(user):
    me = pegawai_of(user)
    other_homes = _home_model().objects.all()
    if me is not None:
        other_homes = other_homes.exclude(instansi_id=me.instansi_id)
    hidden = [*_hidden_restriction_paths(user), *other_homes.values_list("path", flat=True)]
    context = PrivacyContext(
        hidden_paths=tuple(sorted(set(hidden))),
        skip_audience=me is not None and has_role(user, roles.ADMIN_KONTEN, roles.PIMPINAN),
        audience_q=audience_q_for(user),
    )
    return context


def forget_privacy(user):
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def filter_visible(queryset, user):
    """Narrow any queryset of pages (Page or a subclass) to what `user` may view."""
    if getattr(user, "is_superuser", False):
        return queryset
    has_rules = Exists(_audience_model().objects.filter(page_id=OuterRef("pk")))
    if not getattr(user, "is_authenticated", False):
        return queryset.public().filter(~has_rules)
    context = privacy_context(user)
    for path in context.hidden_paths:
        queryset = queryset.exclude(path__startswith=path)
    if not context.skip_audience:
        matching = Exists(_audience_model().objects.filter(context.audience_q, page_id=OuterRef("pk")))
        queryset = queryset.filter(~has_rules | matching)
    return queryset


def can_view(page, user):
    """Whether `user` may view `page`; kept in their frame, which restrictions, audiences, pages and their own
    groups and unit all invalidate (portal.frame_receivers), so a page view asks the database once per user."""
    if getattr(user, "is_superuser", False):
        return True
    return remember(user, f"can_view:{page.pk}", lambda: filter_visible(Page.objects.filter(pk=page.pk), user).exists())


def in_other_instansi(page, user):
    """Whether `page` lies in the home subtree of an instansi that is not the user's (never for superusers)."""
    if getattr(user, "is_superuser", False):
        return False
    me = pegawai_of(user)
    homes = remember(user, "home_paths", lambda: list(_home_model().objects.values_list("path", "instansi_id")))
    return any(
        page.path.startswith(path) and (me is None or instansi_id != me.instansi_id) for path, instansi_id in homes
    )
