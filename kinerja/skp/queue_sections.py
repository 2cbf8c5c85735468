"""Sections that sibling packages add below the approval queue (the compliance package adds the escalation of the
subordinates' overdue items) without the SKP package importing them: each registers a template and a loader here
from its `registrations.py`."""

from collections.abc import Callable
from dataclasses import dataclass

from portal.registry import Registry


@dataclass(frozen=True)
class QueueSection:
    """`load(request)` returns the section's context, or None when it has nothing for this user; a fixed number of
    queries whatever the size of the organisation."""

    template: str
    load: Callable


queue_sections = Registry("approval queue sections")


def register_queue_section(key, section: QueueSection, order=100):
    queue_sections.add(key, section, order=order)


def render(request) -> list:
    """[(template, context)] of the sections that have something for this user."""
    found = []
    for section in queue_sections:
        context = section.load(request)
        if context is not None:
            found.append((section.template, context))
    return found
