"""An approved plan becomes under way by itself when the training data moves: an enrolment in a planned session
confirmed (or further), or a JP entry in the plan's year. Receivers, so the training services need not know plans
exist, and the check runs in the writer's transaction (never in a page view)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ..models import Enrolment, JPEntry
from ..services.session_time import local_time
from . import rules, services

MOVING = {status for status, outcome in rules.ENROLMENT_OUTCOME.items() if outcome in (rules.STARTED, rules.DONE)}


@receiver(post_save, sender=Enrolment, dispatch_uid="plans-enrolment-progress")
def on_enrolment_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.status not in MOVING:
        return
    session = instance.session
    services.note_progress(pegawai_id=instance.pegawai_id, year=local_time(session.start_at, session).year)


@receiver(post_save, sender=JPEntry, dispatch_uid="plans-jp-progress")
def on_jp_entry_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.note_progress(pegawai_id=instance.pegawai_id, year=instance.year)
