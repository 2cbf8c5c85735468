"""Public feedback (umpan balik masyarakat): service points that HR marks on a unit (and optionally an employee),
each reached by the public through an unguessable link or its QR code, and the ratings and comments given there.

A rating counts in the aggregate as soon as it is given; a comment is shown to nobody until HR approves it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    """About 144 bits of randomness in 24 URL-safe characters: the link is the only key to the public form."""
    return secrets.token_urlsafe(18)


class ServicePoint(models.Model):
    """A service a unit gives to the public (Layanan Kenaikan Pangkat at the BKD counter), optionally by one
    employee, with the token of its public link."""

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="service_points"
    )
    unit = models.ForeignKey(
        "portal.UnitKerja", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="service_points"
    )
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="service_points",
    )  # fmt: skip
    name = models.CharField(_("nama layanan"), max_length=200)
    token = models.CharField(_("token tautan"), max_length=40, unique=True, default=new_token, editable=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("titik layanan")
        verbose_name_plural = _("titik layanan")
        ordering = ["unit__name", "name", "pk"]
        indexes = [models.Index(fields=["instansi", "unit"])]

    def __str__(self):
        return self.name


class PublicFeedback(models.Model):
    """One rating (1-5) with an optional comment from a member of the public. Nothing about the giver is stored:
    no account, no address."""

    class Comment(models.TextChoices):
        NONE = "", _("Tanpa komentar")
        PENDING = "pending", _("Menunggu moderasi")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")

    point = models.ForeignKey(
        ServicePoint, verbose_name=_("titik layanan"), on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(_("nilai"))
    comment = models.TextField(_("komentar"), blank=True)
    comment_status = models.CharField(
        _("status komentar"), max_length=10, choices=Comment.choices, blank=True, default=Comment.NONE
    )
    submitted_at = models.DateTimeField(_("diberikan"), auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dimoderasi oleh"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    moderated_at = models.DateTimeField(_("dimoderasi"), null=True, blank=True)

    class Meta:
        verbose_name = _("umpan balik masyarakat")
        verbose_name_plural = _("umpan balik masyarakat")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["point", "submitted_at"]),
            models.Index(fields=["comment_status", "submitted_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="public_feedback_rating_1_5"),
            models.CheckConstraint(
                condition=models.Q(comment="", comment_status="")
                | (~models.Q(comment="") & ~models.Q(comment_status="")),
                name="public_feedback_comment_has_status",
            ),
        ]

    def __str__(self):
        return f"{self.point}: {self.rating}"
