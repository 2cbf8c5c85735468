"""Sections that sibling packages add to the evaluation page (the progress package adds bukti dukung) without the
evaluation package importing them: each registers a template and a loader here from its `registrations.py`."""

from collections.abc import Callable
from dataclasses import dataclass

from portal.registry import Registry


@dataclass(frozen=True)
class Section:
    """`load(request, evaluation, rhk_items)` returns, for placement "rhk", {rhk pk: context} shown inside each
    RHK's card; for placement "page", one context shown once after the plan (None: nothing). Loaders run a fixed
    number of queries whatever the number of RHK."""

    template: str
    load: Callable
    placement: str = "rhk"


evaluation_sections = Registry("evaluation page sections")


def register_section(key, section: Section, order=100):
    evaluation_sections.add(key, section, order=order)


def attach(request, evaluation, rhk_items) -> list:
    """Give every RHK item its `sections` [(template, context)] and answer the page sections [(template, context)]."""
    for item in rhk_items:
        item.sections = []
    page = []
    for section in evaluation_sections:
        found = section.load(request, evaluation, rhk_items)
        if section.placement == "rhk":
            for item in rhk_items:
                if found and found.get(item.pk) is not None:
                    item.sections.append((section.template, found[item.pk]))
        elif found is not None:
            page.append((section.template, found))
    return page
