from celery import shared_task
from django.core.management import call_command

from . import services


@shared_task
def send_reading_reminders():
    """Daily: remind those who have not yet acknowledged required reading (once per reminder step)."""
    return services.send_reading_reminders()


@shared_task
def send_review_reminders():
    """Daily: remind page owners of pages past their review date (once per page and review date)."""
    return services.send_review_reminders()


@shared_task
def publish_scheduled_pages():
    """Wagtail's scheduled publishing and expiry (go-live and expiry dates) need this command run often."""
    call_command("publish_scheduled")
