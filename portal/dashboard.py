"""Dashboard panels and employee-profile sections: higher modules (kompetensi, kinerja) add theirs so that the home
page and the profile page, which sit below them, show them without importing them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from .registry import Registry


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    get_context: Callable  # (request, *args) -> dict, or None to hide the panel for this user


panels = Registry("dashboard panels")
profile_sections = Registry("profile sections")


def register_panel(name, template, order=100):
    """Decorator for a context function (request) -> dict | None: `@register_panel("jp", "kompetensi/panels/jp.html")`."""

    def decorator(get_context):
        panels.add(name, Panel(name=name, template=template, get_context=get_context), order=order)
        return get_context

    return decorator


def register_profile_section(name, template, order=100):
    """Decorator for a context function (request, pegawai) -> dict | None, shown on the employee's profile page to
    whoever may see that employee."""

    def decorator(get_context):
        profile_sections.add(name, Panel(name=name, template=template, get_context=get_context), order=order)
        return get_context

    return decorator


def _render(registry, request, *args):
    rendered = []
    for panel in registry:
        context = panel.get_context(request, *args)
        if context is None:
            continue
        rendered.append(render_to_string(panel.template, {**context, "request": request}, request=request))
    return rendered


def render_panels(request):
    return _render(panels, request)


def render_profile_sections(request, pegawai):
    return _render(profile_sections, request, pegawai)
