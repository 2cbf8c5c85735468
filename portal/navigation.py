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


# The site's chrome around every page: modules add templates to the slots of the base template ("head" inside
# <head>, "brand" beside the name, "footer"); the intranet module fills them from each instansi's site settings.
CHROME_SLOTS = ("head", "brand", "footer")
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
