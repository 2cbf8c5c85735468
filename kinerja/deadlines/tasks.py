"""Celery tasks of the performance deadlines: thin wrappers around services."""

from celery import shared_task

from ..compliance import services as compliance
from . import reminders


@shared_task(name="kinerja.deadlines.tasks.send_deadline_reminders")
def send_deadline_reminders():
    """Daily: reminders before the planning, periodic and annual deadlines, and the escalation to the next level of
    what is still open after them; each once per step and person."""
    return reminders.send_reminders() + compliance.escalate()
