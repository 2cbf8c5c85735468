"""Celery tasks of the performance deadlines: thin wrappers around services."""

from celery import shared_task

from . import reminders


@shared_task(name="kinerja.deadlines.tasks.send_deadline_reminders")
def send_deadline_reminders():
    """Daily: reminders before the planning, periodic and annual deadlines, once per step and person."""
    return reminders.send_reminders()
