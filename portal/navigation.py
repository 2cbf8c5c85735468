"""The main menu: each module adds a template that renders its `<li>` entries (deciding itself, from the request,
which of them this user sees), so `templates/base.html` names no module."""

from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class NavSection:
    template: str


navigation = Registry("navigation")


def register_nav(key, template, order=100):
    navigation.add(key, NavSection(template=template), order=order)


def nav_templates():
    return [section.template for section in navigation]
