"""Dashboard panels and employee-profile sections: higher modules (kompetensi, kinerja) add theirs so that the home
page and the profile page, which sit below them, show them without importing them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from .frame_fragments import cached
from .registry import Registry


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    get_context: Callable  # (request, *args) -> dict, or None to hide the panel for this user
    # (request) -> the key of the panel's rendered html when many users see the same (portal.frame_fragments),
    # or None to render it for this request
    cache_key: Callable | None = None


panels = Registry("dashboard panels")
profile_sections = Registry("profile sections")


def register_panel(name, template, order=100, cache_key=None):
    """Decorator for a context function (request) -> dict | None: `@register_panel("jp", "kompetensi/panels/jp.html")`.
    A panel that shows shared content the same to many users gives `cache_key` (request) -> key, built with
    `portal.frame_fragments.shared_key` so that publishing drops it; it must hold no CSRF token or personal data."""

    def decorator(get_context):
        panels.add(name, Panel(name, template, get_context, cache_key), order=order)
        return get_context

    return decorator


def register_profile_section(name, template, order=100):
    """Decorator for a context function (request, pegawai) -> dict | None, shown on the employee's profile page to
    whoever may see that employee."""

    def decorator(get_context):
        profile_sections.add(name, Panel(name=name, template=template, get_context=get_context), order=order)
        return get_context

    return decorator


_HIDDEN = ""  # kept for a panel hidden from everyone with this key, so hiding is cached too


def _render_one(panel, request, *args):
    context = panel.get_context(request, *args)
    if context is None:
        return _HIDDEN
    return render_to_string(panel.template, {**context, "request": request}, request=request)


def _render(registry, request, *args):
    rendered = []
    for panel in registry:
        key = panel.cache_key(request) if panel.cache_key is not None else None
        html = (
            _render_one(panel, request, *args) if key is None else cached(key, lambda p=panel: _render_one(p, request))
        )
        if html:
            rendered.append(html)
    return rendered


def render_panels(request):
    return _render(panels, request)


def render_profile_sections(request, pegawai):
    return _render(profile_sections, request, pegawai)
