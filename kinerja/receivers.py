"""Keep the per-user frame right (the performance menu of a user depends on whom they act for (Plt/Plh) and on
appeals addressed to them), and split an SKP when its employee moves mid-year."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from portal import frame
from portal.models import Pegawai

from .coaching import receivers as coaching_receivers  # noqa: F401  (a final low result proposes a plan)
from .models import ActingEvaluator, Appeal
from .skp import split


@receiver(post_save, sender=ActingEvaluator, dispatch_uid="kinerja-frame-acting-saved")
@receiver(post_delete, sender=ActingEvaluator, dispatch_uid="kinerja-frame-acting-deleted")
def acting_changed(sender, instance, **kwargs):
    frame.forget_users(instance.acting.user_id)


@receiver(post_save, sender=Appeal, dispatch_uid="kinerja-frame-appeal-saved")
def appeal_filed(sender, instance, created, **kwargs):
    if created and instance.decider_id:
        frame.forget_users(instance.decider.user_id)


# --- the mid-year split -------------------------------------------------------------------------------------------

MOVES = ("atasan_id", "jabatan_id", "unit_id")


@receiver(pre_save, sender=Pegawai, dispatch_uid="kinerja-skp-split-before")
def remember_position(sender, instance, **kwargs):
    if instance.pk and not kwargs.get("raw"):
        instance._kinerja_before = Pegawai.objects.filter(pk=instance.pk).values(*MOVES).first()


@receiver(post_save, sender=Pegawai, dispatch_uid="kinerja-skp-split-after")
def split_on_move(sender, instance, created, **kwargs):
    """A move recorded on the employee (new supervisor, position or unit) splits their SKP on that day."""
    before = getattr(instance, "_kinerja_before", None)
    if created or kwargs.get("raw") or before is None:
        return
    if any(before[name] != getattr(instance, name) for name in MOVES):
        split.split_skp(pegawai=instance, on=timezone.localdate())
