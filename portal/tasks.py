from celery import shared_task
from django.contrib.auth import get_user_model
from django.utils import timezone

from . import notification_email
from .accounts import send_activation
from .importing.services import (
    delete_expired_uploads,
    fail_stale_jobs,
    run_import,
    run_preview,
    update_reference_index,
)


# Sending one email is a few SMTP round trips of at most EMAIL_TIMEOUT each; the hard limit stays below
# NOTIFICATION_EMAIL_LEASE, so a live sender never outlasts its claim and no second sender starts beside it.
@shared_task(soft_time_limit=60, time_limit=90)
def send_notification_email(notification_id):
    """Email one notification (claim, send, record); a duplicate or redelivered task is a no-op. A failure is
    not retried here: the resend sweep tries again after the notification's backoff."""
    return notification_email.deliver(notification_id=notification_id)


@shared_task
def resend_unsent_notifications():
    """Every minute: queue the emails that failed or whose sender died, and give up those too old to matter."""
    now = timezone.now()
    given_up = notification_email.give_up_stale(now=now)
    due = notification_email.due_for_resend(now=now)
    for notification_id in due:
        send_notification_email.delay(notification_id)
    return {"queued": len(due), "given_up": given_up}


@shared_task(ignore_result=False)
def ping(value):
    """Round-trip check used by the health page and the worker integration test: its result is read."""
    return {"pong": value}


@shared_task(acks_late=True)
def run_import_task(job_id):
    """Run a confirmed import of more than IMPORT_ASYNC_ROW_THRESHOLD rows; a redelivered task is a no-op."""
    job = run_import(job_id)
    return job.status if job else None


@shared_task(acks_late=True)
def send_activation_emails(user_ids):
    """Email activation links to the given accounts (after an import). Accounts that have set a password meanwhile
    are skipped; a redelivered task does send a second link to the others (harmless: either link works once)."""
    return send_activation(users=get_user_model().objects.filter(pk__in=user_ids))


@shared_task
def index_imported_references(model_label, pks):
    """Wagtail's reference index ("used by" in the admin) for objects an import wrote in bulk, which sends no
    post_save; run after the import is committed, so the import itself stays one fast transaction."""
    return update_reference_index(model_label, pks)


@shared_task(acks_late=True)
def run_preview_task(job_id, language=None):
    """Dry-run an upload of more than IMPORT_ASYNC_ROW_THRESHOLD rows; a redelivered task is a no-op."""
    job = run_preview(job_id, language)
    return job.status if job else None


@shared_task
def fail_stale_import_jobs():
    """Fail imports whose worker died (periodic, see portal/registrations.py)."""
    return fail_stale_jobs()


@shared_task
def delete_expired_import_uploads():
    """Delete import uploads past their retention (periodic, see portal/registrations.py)."""
    return delete_expired_uploads()
