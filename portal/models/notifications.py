from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An in-app notification; `dedupe_key` makes sending the same event twice a no-op."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penerima"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("jenis"), max_length=60)
    # a training title with its course and session names can pass 200 characters
    title = models.CharField(_("judul"), max_length=300)
    body = models.TextField(_("isi"), blank=True)
    url = models.CharField(_("tautan"), max_length=500, blank=True)
    # the values the kind's wording is filled with (portal.notification_kinds), so it is shown in the reader's language
    params = models.JSONField(_("parameter"), default=dict, blank=True)
    dedupe_key = models.CharField(_("kunci unik"), max_length=200)
    send_email = models.BooleanField(_("kirim email"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("email terkirim"), null=True, blank=True)
    # Delivery bookkeeping (portal.notification_email): a sender claims the email before it talks to the mail
    # server, so a worker killed mid-send leaves a claim that expires instead of a row lock that hides the send.
    email_claimed_at = models.DateTimeField(_("email sedang dikirim sejak"), null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("percobaan kirim email"), default=0)
    email_retry_at = models.DateTimeField(_("coba kirim email lagi"), null=True, blank=True)
    email_error = models.CharField(_("galat email terakhir"), max_length=300, blank=True)
    email_given_up_at = models.DateTimeField(_("pengiriman email dihentikan"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "dedupe_key"], name="notification_once_per_key"),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            # the list and the home panel read a user's newest first: without it, a supervisor with 20,000
            # notifications has all of them sorted for each page (109 ms; with it, 0.07 ms)
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_newest"),
            # the resend sweep looks only at the few emails still owed
            models.Index(
                fields=["email_retry_at"],
                name="notification_email_owed",
                condition=models.Q(send_email=True, emailed_at__isnull=True, email_given_up_at__isnull=True),
            ),
        ]

    def __str__(self):
        return self.title
