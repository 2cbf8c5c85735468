"""RHK templates of a jabatan with their IKI, kept by HR of the instansi: what an employee in that jabatan may start
an SKP from. Deactivating hides a template from new SKP; SKP already started keep their own copies."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..skp.models import Iki, Rhk


class RhkTemplate(models.Model):
    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="rhk_templates"
    )
    jabatan = models.ForeignKey(
        "portal.Jabatan", verbose_name=_("jabatan"), on_delete=models.CASCADE, related_name="rhk_templates"
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Rhk.Kind.choices, default=Rhk.Kind.UTAMA)
    text = models.TextField(_("rencana hasil kerja"))
    perspektif = models.CharField(
        _("perspektif"), max_length=20, choices=Rhk.Perspektif.choices, blank=True, default=""
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diubah oleh"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("templat RHK")
        verbose_name_plural = _("templat RHK")
        ordering = ["jabatan__name", "-kind", "order", "pk"]  # RHK utama before tambahan
        indexes = [models.Index(fields=["instansi", "jabatan", "is_active"])]

    def __str__(self):
        return self.text[:80]


class RhkTemplateIki(models.Model):
    template = models.ForeignKey(RhkTemplate, on_delete=models.CASCADE, related_name="iki")
    text = models.CharField(_("indikator kinerja individu"), max_length=500)
    aspek = models.CharField(_("aspek"), max_length=10, choices=Iki.Aspek.choices)
    target = models.CharField(_("target"), max_length=200)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("IKI templat RHK")
        verbose_name_plural = _("IKI templat RHK")
        ordering = ["template", "order", "pk"]

    def __str__(self):
        return f"{self.text} ({self.target})"
