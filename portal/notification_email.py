"""Delivery of notification emails that survives a killed worker and a mail server that is down.

A send first claims the email with a committed conditional UPDATE, then talks to the mail server outside any
transaction, then records `emailed_at`. A sender killed after the server accepted the message but before the
record leaves a claim that expires after NOTIFICATION_EMAIL_LEASE; the resend sweep then sends it again. Delivery
is therefore at least once, and every copy of one notification carries the same Message-ID, so mail clients and
servers that deduplicate by Message-ID show it once. A failed send releases its claim and waits a backoff that
doubles with each attempt; after NOTIFICATION_EMAIL_GIVE_UP the email is given up and that is recorded.
"""

import ipaddress
import logging
import smtplib
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)

# what a mail server that is down or refusing looks like to smtplib; anything else is a bug and propagates
SEND_ERRORS = (OSError, smtplib.SMTPException)


def _seconds(name: str) -> timedelta:
    return timedelta(seconds=getattr(settings, name))


def backoff(attempts: int) -> timedelta:
    """Wait before the next attempt after `attempts` failed ones: BACKOFF, 2 x, 4 x ... up to BACKOFF_MAX."""
    base = settings.NOTIFICATION_EMAIL_BACKOFF
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), settings.NOTIFICATION_EMAIL_BACKOFF_MAX))


def _owed():
    """Emails that are still owed: wanted, to an address, neither sent nor given up."""
    return Notification.objects.filter(
        send_email=True, emailed_at__isnull=True, email_given_up_at__isnull=True
    ).exclude(recipient__email="")


def _sendable(now: datetime):
    """Owed emails nobody is sending now (no claim, or one older than the lease) whose backoff has passed."""
    return _owed().filter(
        Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=now - _seconds("NOTIFICATION_EMAIL_LEASE")),
        Q(email_retry_at__isnull=True) | Q(email_retry_at__lte=now),
    )


def claim(*, notification_id: int, now: datetime) -> Notification | None:
    """Take the email of one notification for sending, or None when it is sent, given up or being sent.

    One UPDATE with the condition in its WHERE clause: of two senders, exactly one changes the row."""
    taken = (
        _sendable(now).filter(pk=notification_id).update(email_claimed_at=now, email_attempts=F("email_attempts") + 1)
    )
    if not taken:
        return None
    return Notification.objects.select_related("recipient").get(pk=notification_id)


def message_id(notification: Notification) -> str:
    """The same Message-ID for every copy of one notification's email, in the site's own domain."""
    return f"<notification-{notification.pk}@{_mail_domain()}>"


def _mail_domain() -> str:
    """The host of WAGTAILADMIN_BASE_URL; where that is no public name (localhost or an IP address, as in
    development), the domain of DEFAULT_FROM_EMAIL, so a Message-ID never ends in @localhost."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""
    if host and "." in host and not host.endswith("localhost") and not _is_ip(host):
        return host
    return settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def build_email(notification: Notification) -> EmailMessage:
    link = f"{settings.WAGTAILADMIN_BASE_URL}{notification.url}" if notification.url.startswith("/") else ""
    return EmailMessage(
        subject=f"[Lentera] {notification.title}",
        body="\n\n".join(part for part in [notification.body, link] if part),
        to=[notification.recipient.email],
        headers={"Message-ID": message_id(notification)},
    )


def deliver(*, notification_id: int) -> bool:
    """Claim, send, record. True when this call sent the email; False when there was nothing to send or the
    mail server failed (then the claim is released and the sweep tries again after the backoff)."""
    notification = claim(notification_id=notification_id, now=timezone.now())
    if notification is None:
        return False
    try:
        build_email(notification).send()
    except SEND_ERRORS as exc:
        failed_at = timezone.now()
        Notification.objects.filter(pk=notification.pk).update(
            email_claimed_at=None,
            email_retry_at=failed_at + backoff(notification.email_attempts),
            email_error=f"{type(exc).__name__}: {exc}"[:300],
        )
        logger.warning(
            "Email notifikasi %s gagal (percobaan %s): %s", notification.pk, notification.email_attempts, exc
        )
        return False
    Notification.objects.filter(pk=notification.pk).update(
        emailed_at=timezone.now(), email_claimed_at=None, email_retry_at=None, email_error=""
    )
    return True


def give_up_stale(*, now: datetime) -> int:
    """Stop trying emails older than NOTIFICATION_EMAIL_GIVE_UP and record when; returns how many."""
    stale = _owed().filter(created_at__lt=now - _seconds("NOTIFICATION_EMAIL_GIVE_UP"))
    count = stale.update(email_given_up_at=now, email_claimed_at=None)
    if count:
        logger.error(
            "%s email notifikasi tidak terkirim dan dihentikan setelah %s",
            count,
            _seconds("NOTIFICATION_EMAIL_GIVE_UP"),
        )
    return count


def due_for_resend(*, now: datetime) -> list[int]:
    """Ids of the owed emails to send now, oldest first, at most one sweep's batch."""
    batch = settings.NOTIFICATION_EMAIL_SWEEP_BATCH
    # an email never tried yet has its task in the queue: leave it to that task for a lease, so a long queue is
    # not doubled by the sweep (a double would be harmless, the claim sends once, but it grows the queue)
    tried_or_forgotten = Q(email_attempts__gt=0) | Q(created_at__lt=now - _seconds("NOTIFICATION_EMAIL_LEASE"))
    return list(_sendable(now).filter(tried_or_forgotten).order_by("pk").values_list("pk", flat=True)[:batch])
