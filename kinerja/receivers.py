"""Keep the per-user frame right: the performance menu of a user depends on whom they act for (Plt/Plh) and on
appeals addressed to them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal import frame

from .models import ActingEvaluator, Appeal


@receiver(post_save, sender=ActingEvaluator, dispatch_uid="kinerja-frame-acting-saved")
@receiver(post_delete, sender=ActingEvaluator, dispatch_uid="kinerja-frame-acting-deleted")
def acting_changed(sender, instance, **kwargs):
    frame.forget_users(instance.acting.user_id)


@receiver(post_save, sender=Appeal, dispatch_uid="kinerja-frame-appeal-saved")
def appeal_filed(sender, instance, created, **kwargs):
    if created and instance.decider_id:
        frame.forget_users(instance.decider.user_id)
