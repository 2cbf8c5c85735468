from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from portal.models import Jabatan
from portal.org_tree import unit_descendant_ids


class AudienceRule(Orderable):
    """One audience rule of a page: the conditions filled in must all hold; a page's rules are alternatives.

    It hangs off wagtailcore.Page (not a concrete page class) so that a single subquery filters any page
    queryset, whatever its type. A page without rules is for everyone who may otherwise see it."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="audience_rules")
    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, null=True, blank=True
    )
    unit = models.ForeignKey(
        "portal.UnitKerja",
        verbose_name=_("unit kerja (termasuk sub-unit)"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    jabatan_kind = models.CharField(
        _("jenis jabatan"), max_length=20, blank=True, default="", choices=Jabatan.Kind.choices
    )
    group = models.ForeignKey(Group, verbose_name=_("peran"), on_delete=models.CASCADE, null=True, blank=True)

    panels = [FieldPanel("instansi"), FieldPanel("unit"), FieldPanel("jabatan_kind"), FieldPanel("group")]

    class Meta(Orderable.Meta):
        verbose_name = _("sasaran pembaca")
        verbose_name_plural = _("sasaran pembaca")

    def __str__(self):
        parts = [str(part) for part in (self.instansi, self.unit, self.get_jabatan_kind_display(), self.group) if part]
        return " · ".join(parts) or str(_("semua pegawai"))

    def pegawai_q(self, prefix=""):
        """Q on Pegawai for the employees this rule selects."""
        q = models.Q()
        if self.instansi_id:
            q &= models.Q(**{f"{prefix}instansi_id": self.instansi_id})
        if self.unit_id:
            q &= models.Q(**{f"{prefix}unit_id__in": unit_descendant_ids([self.unit_id], [self.unit.instansi_id])})
        if self.jabatan_kind:
            q &= models.Q(**{f"{prefix}jabatan__kind": self.jabatan_kind})
        if self.group_id:
            q &= models.Q(**{f"{prefix}user__groups": self.group_id})
        return q
