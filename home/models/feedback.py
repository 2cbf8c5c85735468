from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageFeedback(models.Model):
    class Kind(models.TextChoices):
        HELPFUL = "helpful", _("Membantu")
        NOT_HELPFUL = "not_helpful", _("Tidak membantu")
        PROBLEM = "problem", _("Laporan masalah")

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("halaman"), on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("pengirim"), on_delete=models.CASCADE)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    comment = models.TextField(_("komentar"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("ditangani"), null=True, blank=True)

    class Meta:
        verbose_name = _("umpan balik halaman")
        verbose_name_plural = _("umpan balik halaman")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.page_id}"


class SearchGap(models.Model):
    """A query that found nothing, counted per instansi: the content-gap report for Admin Konten."""

    instansi = models.ForeignKey("portal.Instansi", on_delete=models.CASCADE, null=True, blank=True)
    query = models.CharField(_("kata kunci"), max_length=200)
    hits = models.PositiveIntegerField(_("jumlah pencarian"), default=0)
    first_seen = models.DateTimeField(_("pertama"), auto_now_add=True)
    last_seen = models.DateTimeField(_("terakhir"), auto_now=True)

    class Meta:
        verbose_name = _("pencarian tanpa hasil")
        verbose_name_plural = _("pencarian tanpa hasil")
        ordering = ["-hits", "-last_seen"]
        constraints = [models.UniqueConstraint(fields=["instansi", "query"], name="searchgap_unique_query")]

    def __str__(self):
        return self.query
