"""Notification emails: claimed before sending, one Message-ID per notification, resent by the sweep with a
backoff after a failure or a dead sender, given up (and recorded) when too old; never emailed while muted."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from portal import notification_email
from portal.models import Notification
from portal.services import notifications_muted, notify
from portal.tasks import resend_unsent_notifications, send_notification_email


@pytest.fixture
def note(org):
    # notify() queues its send on commit, which never comes inside a test transaction: the tests drive sends
    return notify(org.pegawai.user, kind="uji", title="Uji kirim", body="Isi", url="/notifikasi/", dedupe_key="n1")


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(mail.backends.locmem.EmailBackend, "send_messages", refuse)
    return monkeypatch


def test_message_id_is_the_sites_domain_and_stable(note, settings, mailoutbox):
    settings.WAGTAILADMIN_BASE_URL = "https://lentera.example.go.id"
    assert send_notification_email(note.pk) is True
    Notification.objects.filter(pk=note.pk).update(emailed_at=None)  # as if the record had been lost in a crash
    assert send_notification_email(note.pk) is True
    assert [m.extra_headers["Message-ID"] for m in mailoutbox] == [
        f"<notification-{note.pk}@lentera.example.go.id>"
    ] * 2
    assert mailoutbox[0].message()["Message-ID"] == f"<notification-{note.pk}@lentera.example.go.id>"
    assert mailoutbox[0].body == "Isi\n\nhttps://lentera.example.go.id/notifikasi/"


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:8000", "http://localhost:8000"])
def test_message_id_never_at_localhost(note, settings, base_url):
    settings.WAGTAILADMIN_BASE_URL = base_url
    settings.DEFAULT_FROM_EMAIL = "Lentera <noreply@lentera.gorontaloprov.go.id>"
    assert notification_email.message_id(note) == f"<notification-{note.pk}@lentera.gorontaloprov.go.id>"


def test_a_live_claim_keeps_a_second_sender_out_until_the_lease_ends(note, settings, mailoutbox):
    now = timezone.now()
    assert notification_email.claim(notification_id=note.pk, now=now) is not None
    assert send_notification_email(note.pk) is False  # another worker while the first is still sending
    assert notification_email.claim(notification_id=note.pk, now=now + timedelta(seconds=10)) is None
    # the first sender died after the mail server took the message: after the lease, the sweep sends again
    later = now + timedelta(seconds=settings.NOTIFICATION_EMAIL_LEASE + 1)
    assert notification_email.due_for_resend(now=later) == [note.pk]
    assert mailoutbox == []


def test_failure_releases_the_claim_and_backs_off(note, settings, smtp_down, mailoutbox):
    settings.NOTIFICATION_EMAIL_BACKOFF = 60
    settings.NOTIFICATION_EMAIL_BACKOFF_MAX = 3600
    assert send_notification_email(note.pk) is False
    note.refresh_from_db()
    assert note.emailed_at is None and note.email_claimed_at is None and note.email_attempts == 1
    assert "SMTPServerDisconnected" in note.email_error
    assert timedelta(seconds=55) < note.email_retry_at - timezone.now() <= timedelta(seconds=60)
    assert notification_email.due_for_resend(now=timezone.now()) == []
    assert notification_email.due_for_resend(now=note.email_retry_at) == [note.pk]


def test_backoff_doubles_up_to_an_hour(settings):
    settings.NOTIFICATION_EMAIL_BACKOFF = 60
    settings.NOTIFICATION_EMAIL_BACKOFF_MAX = 3600
    waits = [notification_email.backoff(n).total_seconds() / 60 for n in range(1, 10)]
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_sweep_resends_after_an_outage(note, settings, smtp_down, mailoutbox):
    """An hour of failures loses nothing: the sweep, run each minute, sends once the server is back."""
    settings.NOTIFICATION_EMAIL_BACKOFF = 0  # every sweep may try again: the test steps through the hour at once
    for _minute in range(60):
        assert send_notification_email(note.pk) is False
    smtp_down.undo()
    Notification.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(hours=1))
    assert resend_unsent_notifications() == {"queued": 1, "given_up": 0}
    note.refresh_from_db()
    assert note.emailed_at is not None and note.email_attempts == 61 and note.email_error == ""
    assert len(mailoutbox) == 1
    assert resend_unsent_notifications() == {"queued": 0, "given_up": 0}
    assert len(mailoutbox) == 1


def test_sweep_leaves_fresh_and_unwanted_emails_alone(org, note, settings, mailoutbox):
    """A fresh email is left to its queued task; no email for send_email=False, an address-less user, or a
    muted notification."""
    notify(org.rekan.user, kind="uji", title="Tanpa email", dedupe_key="n2", send_email=False)
    org.cucu.user.email = ""
    org.cucu.user.save()
    notify(org.cucu.user, kind="uji", title="Tanpa alamat", dedupe_key="n3")
    with notifications_muted():
        muted = notify(org.atasan.user, kind="uji", title="Demo", dedupe_key="n4")
    assert muted.send_email is False
    assert notify(org.atasan.user, kind="uji", title="Setelah demo", dedupe_key="n5").send_email is True
    Notification.objects.update(created_at=timezone.now() - timedelta(seconds=settings.NOTIFICATION_EMAIL_LEASE + 5))
    owed = Notification.objects.filter(dedupe_key__in=["n1", "n5"]).order_by("pk").values_list("pk", flat=True)
    assert notification_email.due_for_resend(now=timezone.now()) == list(owed)
    assert notification_email.due_for_resend(now=timezone.now() - timedelta(seconds=10)) == []


def test_sweep_gives_up_old_emails_and_records_it(note, settings, smtp_down, mailoutbox):
    assert send_notification_email(note.pk) is False
    Notification.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(days=3, minutes=1))
    assert resend_unsent_notifications() == {"queued": 0, "given_up": 1}
    note.refresh_from_db()
    assert note.email_given_up_at is not None and note.emailed_at is None
    assert send_notification_email(note.pk) is False
    assert mailoutbox == []
