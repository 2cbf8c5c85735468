from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_notification_email(self, notification_id):
    """Email one notification; the emailed_at stamp, taken under a row lock, makes a retry or duplicate a no-op."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().select_related("recipient").filter(pk=notification_id).first()
        )
        if notification is None or notification.emailed_at or not notification.recipient.email:
            return False
        link = f"{settings.WAGTAILADMIN_BASE_URL}{notification.url}" if notification.url.startswith("/") else ""
        send_mail(
            subject=f"[Lentera] {notification.title}",
            message="\n\n".join(part for part in [notification.body, link] if part),
            from_email=None,
            recipient_list=[notification.recipient.email],
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


@shared_task
def ping(value):
    """Round-trip check used by the health page and the worker integration test."""
    return {"pong": value}


@shared_task(acks_late=True)
def run_import_task(job_id):
    """Run a confirmed import of more than IMPORT_ASYNC_ROW_THRESHOLD rows; a redelivered task is a no-op."""
    from .importing.services import run_import

    job = run_import(job_id)
    return job.status if job else None


@shared_task(acks_late=True)
def run_preview_task(job_id, language=None):
    """Dry-run an upload of more than IMPORT_ASYNC_ROW_THRESHOLD rows; a redelivered task is a no-op."""
    from .importing.services import run_preview

    job = run_preview(job_id, language)
    return job.status if job else None


@shared_task
def fail_stale_import_jobs():
    """Fail imports whose worker died (periodic, see portal/registrations.py)."""
    from .importing.services import fail_stale_jobs

    return fail_stale_jobs()


@shared_task
def delete_expired_import_uploads():
    """Delete import uploads past their retention (periodic, see portal/registrations.py)."""
    from .importing.services import delete_expired_uploads

    return delete_expired_uploads()
