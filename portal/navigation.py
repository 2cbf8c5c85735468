"""The main menu: each module adds a template that renders its `<li>` entries (deciding itself, from the request,
which of them this user sees), so `templates/base.html` names no module."""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils.translation import gettext_lazy as _

from .registry import Registry

# "main": what a user works with every day, one row on a desktop; "develop" and "perform": the employee's own
# competency development and performance work, each one dropdown ("Pengembangan", "Kinerja"); "manage": the tasks
# of editors, organisers and HR, gathered under one "Kelola" menu, so the row never wraps whatever roles someone holds.
NAV_GROUPS = ("main", "develop", "perform", "manage")
NAV_MENUS = {"develop": _("Pengembangan"), "perform": _("Kinerja")}


@dataclass(frozen=True)
class NavSection:
    template: str
    group: str = "main"


navigation = Registry("navigation")


def register_nav(key, template, order=100, group="main"):
    if group not in NAV_GROUPS:
        raise ValueError(f"unknown menu group {group!r}")
    navigation.add(key, NavSection(template=template, group=group), order=order)


def nav_templates(group="main"):
    return [section.template for section in navigation if section.group == group]


def nav_menus():
    """The dropdown menus of the main row between the daily items and "Kelola": (label, templates) each."""
    return [(label, nav_templates(group)) for group, label in NAV_MENUS.items()]


# The site's chrome around every page: modules add templates to the slots of the base template ("head" inside
# <head>, "brand" beside the name, "tools" before the notification bell, "main" at the top of the main column (each
# template decides from the request whether it shows), "footer"); the intranet module fills them from each instansi's
# site settings.
CHROME_SLOTS = ("head", "brand", "tools", "main", "footer")
site_chrome = Registry("site chrome")


def register_chrome(key, slot, template, order=100):
    if slot not in CHROME_SLOTS:
        raise ValueError(f"unknown chrome slot {slot!r}")
    site_chrome.add(key, (slot, template), order=order)


def chrome_templates():
    slots = {slot: [] for slot in CHROME_SLOTS}
    for slot, template in site_chrome:
        slots[slot].append(template)
    return slots


# Where "Beranda" and the brand lead: the intranet module registers a function (user) -> the url of the user's own
# home page, so that the link goes there at once instead of through "/" and a redirect (a round trip more on a weak
# connection); "/" until one is registered or when it has none for the user.
home_links = Registry("home link")


def register_home_link(function):
    home_links.add("beranda", function)
    return function


def home_link(user):
    function = home_links.get("beranda")
    return (function(user) if function is not None else None) or "/"


# Live counts shown in menu entries (e.g. requests waiting for approval): the menu is cached per user (base.html's
# user_fragment), so each count a nav template shows is registered here and goes into the menu's key. A badge is a
# function (request) -> the querysets whose rows it counts (none, one, or several summed); every badge of a request
# is counted in one database round trip. A nav template reads its count with `badge_counts(request)[key]` and marks
# its current entry from the view name or the page's section only: those are in the key too.
nav_badges = Registry("navigation badge")


def register_nav_badge(key, function, order=100):
    nav_badges.add(key, function, order=order)


def _as_list(found):
    if found is None:
        return []
    return list(found) if isinstance(found, list | tuple) else [found]


def count_together(querysets) -> list[int]:
    """The row count of each queryset, all in one SELECT of scalar subqueries (SQLite and PostgreSQL both allow a
    SELECT without FROM)."""
    counts, parts, params = [0] * len(querysets), {}, []
    for n, queryset in enumerate(querysets):
        try:
            sql, sql_params = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # `.none()` or `pk__in=[]`: Django knows it is empty and writes no SQL for it
            continue
        parts[n] = f"(SELECT COUNT(*) FROM ({sql}) AS badge_{n})"
        params.extend(sql_params)
    if parts:
        with connections[querysets[0].db].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts.values()), params)
            for n, count in zip(parts, cursor.fetchone(), strict=True):
                counts[n] = count
    return counts


def badge_counts(request) -> dict:
    """{badge key: count} for this request, counted once."""
    cached = getattr(request, "_nav_badge_counts", None)
    if cached is not None:
        return cached
    wanted = [(entry.key, _as_list(entry.value(request))) for entry in nav_badges.entries()]
    counts = iter(count_together([queryset for _key, querysets in wanted for queryset in querysets]))
    request._nav_badge_counts = {key: sum(next(counts) for _queryset in querysets) for key, querysets in wanted}
    return request._nav_badge_counts


def badge_values(request):
    return tuple(badge_counts(request).values())
