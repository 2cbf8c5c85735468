from django.db import models
from django.utils.translation import gettext_lazy as _


class InstansiCollection(models.Model):
    """The Wagtail collection that holds one instansi's documents and images (see home.collections)."""

    instansi = models.OneToOneField(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="media_collection"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", verbose_name=_("koleksi"), on_delete=models.PROTECT, related_name="instansi_link"
    )

    class Meta:
        verbose_name = _("koleksi instansi")
        verbose_name_plural = _("koleksi instansi")

    def __str__(self):
        return str(self.collection)
