from django.db import models
from django.utils.translation import gettext_lazy as _


class InstansiGroup(models.Model):
    """A role within one instansi: the Django group that holds what the role may touch of that instansi only (page
    subtrees, collections, workflow tasks). Its members are kept by `portal.roles.sync_memberships`: exactly the
    active employees of the instansi who hold the role (the role's own group spans every instansi)."""

    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="instansi_group")
    instansi = models.ForeignKey(
        "portal.Instansi", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="role_groups"
    )
    role = models.CharField(_("peran"), max_length=60)

    class Meta:
        verbose_name = _("grup peran instansi")
        verbose_name_plural = _("grup peran instansi")
        constraints = [models.UniqueConstraint(fields=["instansi", "role"], name="instansigroup_unique_role")]

    def __str__(self):
        return self.group.name
