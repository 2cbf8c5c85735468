"""Celery tasks of the training module: thin, idempotent wrappers around services."""

from celery import shared_task

from . import services


@shared_task
def send_session_reminders():
    """Daily: remind participants of sessions that start tomorrow (one notification per enrolment)."""
    return services.send_session_reminders()
