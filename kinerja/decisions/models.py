"""Career decisions about an employee (promotion, rotation, tugas belajar, development, coaching, reward, sanction):
proposed by HR, approved or rejected by a Pimpinan; the evidence is sealed when proposed so later changes in the
underlying data never rewrite why a decision was taken."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import TransitionRecord


class CareerDecision(models.Model):
    class Kind(models.TextChoices):
        PROMOTION_RANK = "kenaikan_pangkat", _("Kenaikan pangkat")
        PROMOTION_POSITION = "promosi_jabatan", _("Promosi jabatan")
        ROTATION = "rotasi", _("Rotasi")
        STUDY = "tugas_belajar", _("Tugas belajar")
        DEVELOPMENT = "pengembangan", _("Penugasan pengembangan")
        COACHING = "pembinaan", _("Rencana pembinaan")
        REWARD = "penghargaan", _("Penghargaan")
        SANCTION = "sanksi", _("Sanksi")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        PROPOSED = "proposed", _("Diusulkan")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")

    instansi = models.ForeignKey("portal.Instansi", on_delete=models.CASCADE, related_name="career_decisions")
    pegawai = models.ForeignKey(
        "portal.Pegawai", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="career_decisions"
    )
    kind = models.CharField(_("jenis keputusan"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200)
    rationale = models.TextField(_("dasar pertimbangan"))
    effective_on = models.DateField(_("berlaku mulai"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    status_changed_at = models.DateTimeField(_("status berubah"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diusulkan oleh"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    evidence = models.JSONField(_("bukti yang dikunci"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    sealed_at = models.DateTimeField(_("bukti dikunci"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diputuskan oleh"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    decision_note = models.TextField(_("catatan keputusan"), blank=True)

    class Meta:
        verbose_name = _("keputusan karier")
        verbose_name_plural = _("keputusan karier")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["instansi", "status"]), models.Index(fields=["pegawai", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def decided(self):
        return self.status in (self.Status.APPROVED, self.Status.REJECTED)


class DecisionTransition(TransitionRecord):
    decision = models.ForeignKey(CareerDecision, on_delete=models.CASCADE, related_name="history")

    class Meta(TransitionRecord.Meta):
        verbose_name = _("riwayat keputusan karier")
        verbose_name_plural = _("riwayat keputusan karier")
