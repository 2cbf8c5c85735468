from django.db import models
from django.utils.translation import gettext_lazy as _


class EditorialWorkflow(models.Model):
    """Which Wagtail workflow is an instansi's content review or policy approval. The workflow's name is for people
    (and editable in the admin), so set-up finds the workflow through this link, never by its name."""

    class Kind(models.TextChoices):
        CONTENT = "content", _("Tinjauan konten")
        POLICY = "policy", _("Persetujuan kebijakan")

    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="editorial_workflows"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", verbose_name=_("alur kerja"), on_delete=models.CASCADE, related_name="instansi_link"
    )

    class Meta:
        verbose_name = _("alur kerja instansi")
        verbose_name_plural = _("alur kerja instansi")
        constraints = [models.UniqueConstraint(fields=["instansi", "kind"], name="home_one_workflow_per_kind")]

    def __str__(self):
        return str(self.workflow)
