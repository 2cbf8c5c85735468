"""Registry of home-dashboard panels. Higher modules (kompetensi, kinerja) register panels here so that
the home page, which sits below them, can show them without importing them."""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    get_context: Callable  # (request) -> dict, or None to hide the panel for this user
    order: int = 100


_panels: dict[str, Panel] = {}


def register_panel(name, template, order=100):
    """Decorator for a context function: `@register_panel("jp", "kompetensi/panels/jp.html")`."""

    def decorator(get_context):
        _panels[name] = Panel(name=name, template=template, get_context=get_context, order=order)
        return get_context

    return decorator


def registered_panels():
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.name))


def render_panels(request):
    rendered = []
    for panel in registered_panels():
        context = panel.get_context(request)
        if context is None:
            continue
        rendered.append(render_to_string(panel.template, {**context, "request": request}, request=request))
    return rendered
