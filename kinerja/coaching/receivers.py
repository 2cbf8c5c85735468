"""Coaching reacts to final annual results without the evaluation package knowing it exists: every save of an
Evaluation that touches its status or predikat brings the coaching proposal in line (connected by
kinerja/receivers.py; the nightly sweep catches what bypasses signals, such as bulk writes)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ..evaluation.models import Evaluation
from . import services

WATCHED = {"status", "predikat"}


@receiver(post_save, sender=Evaluation, dispatch_uid="kinerja-coaching-result")
def result_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and not WATCHED & set(update_fields)):
        return
    services.react_to_result(evaluation=instance)
