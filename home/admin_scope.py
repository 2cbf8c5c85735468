"""How much of the page tree a user reaches in the Wagtail admin: their own instansi's home subtree, plus the pages
above it (Wagtail's root, the portal root) so the explorer and choosers can navigate down to it. Pages of another
instansi are out of reach everywhere in the admin (explorer, choosers, page views, audit log, admin API), the same
404 the site gives. Superusers reach everything."""

from django.db.models import Q

from portal.scoping import pegawai_of

from .models import HomePage

_CACHE_ATTR = "_lentera_admin_home_path"


def home_path(user) -> str | None:
    """Tree path of the user's instansi home page; None when they have none (cached on the user object)."""
    if not hasattr(user, _CACHE_ATTR):
        me = pegawai_of(user)
        path = None
        if me is not None:
            path = HomePage.objects.filter(instansi_id=me.instansi_id).values_list("path", flat=True).first()
        setattr(user, _CACHE_ATTR, path)
    return getattr(user, _CACHE_ATTR)


def _ancestor_paths(path):
    return [path[:i] for i in range(4, len(path), 4)]


def subtree_q(user, prefix="") -> Q:
    """Pages (reached through `prefix`, e.g. "page__") in the user's instansi subtree."""
    if getattr(user, "is_superuser", False):
        return Q()
    path = home_path(user)
    if path is None:
        return Q(pk__in=[])
    return Q(**{f"{prefix}path__startswith": path})


def navigable_q(user) -> Q:
    """On Page: the user's subtree and the pages above it."""
    if getattr(user, "is_superuser", False):
        return Q()
    path = home_path(user)
    if path is None:
        return Q(pk__in=[])
    return Q(path__startswith=path) | Q(path__in=_ancestor_paths(path))


def in_subtree(user, page) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    path = home_path(user)
    return path is not None and page.path.startswith(path)


def is_navigable(user, page) -> bool:
    if in_subtree(user, page):
        return True
    path = home_path(user)
    return path is not None and page.path in _ancestor_paths(path)
