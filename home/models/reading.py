"""Required reading: the requirement (synced from the page on publish, outside page revisions so that
publishing an old revision cannot reset it), acknowledgements and comprehension-check attempts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadingRequirement(models.Model):
    """The published state of a page's required-reading setting. `generation` grows each time a new revision
    asks for re-acknowledgement; only acknowledgements of the current generation count."""

    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("halaman"), on_delete=models.CASCADE, related_name="reading_requirement"
    )
    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True
    )
    active = models.BooleanField(_("aktif"), default=True)
    deadline = models.DateField(_("batas waktu"), null=True, blank=True)
    generation = models.PositiveIntegerField(_("putaran konfirmasi"), default=1)
    generation_since = models.DateTimeField(_("putaran sejak"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revisi yang wajib dibaca"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bacaan wajib")
        verbose_name_plural = _("bacaan wajib")
        indexes = [models.Index(fields=["active", "deadline"])]

    def __str__(self):
        return self.page.title


class Acknowledgement(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("halaman"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("akun"), on_delete=models.CASCADE)
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revisi"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    generation = models.PositiveIntegerField(_("putaran konfirmasi"))
    acknowledged_at = models.DateTimeField(_("waktu konfirmasi"), auto_now_add=True)
    quiz_score = models.PositiveSmallIntegerField(_("nilai pemahaman"), null=True, blank=True)

    class Meta:
        verbose_name = _("konfirmasi baca")
        verbose_name_plural = _("konfirmasi baca")
        constraints = [
            models.UniqueConstraint(fields=["page", "pegawai", "generation"], name="ack_once_per_generation"),
        ]

    def __str__(self):
        return f"{self.pegawai} · {self.page_id} · {self.generation}"


class QuizAttempt(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="quiz_attempts")
    pegawai = models.ForeignKey("portal.Pegawai", on_delete=models.CASCADE, related_name="quiz_attempts")
    generation = models.PositiveIntegerField(_("putaran konfirmasi"))
    answers = models.JSONField(_("jawaban"), default=dict)
    score = models.PositiveSmallIntegerField(_("nilai"))
    passed = models.BooleanField(_("lulus"))
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("jawaban uji pemahaman")
        verbose_name_plural = _("jawaban uji pemahaman")
        ordering = ["-created_at"]
