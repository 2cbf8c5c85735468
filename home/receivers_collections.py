"""Every instansi gets its media collection, and each of its groups its permissions there, as they appear.
(The lead moves this into the onboarding registry; until then, plain receivers.)"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver

from portal import roles
from portal.models import Instansi

from .collections import ensure_instansi_collection
from .models import EditorGroup


@receiver(post_save, sender=Instansi)
def on_instansi_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_instansi_collection(instance)


@receiver(post_save, sender=EditorGroup)
def on_editor_group_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_instansi_collection(instance.instansi)


@receiver(post_save, sender=Group)
def on_organiser_group_created(sender, instance, created, raw=False, **kwargs):
    prefix = f"{roles.PENYELENGGARA} ("
    if created and not raw and instance.name.startswith(prefix) and instance.name.endswith(")"):
        instansi = Instansi.objects.filter(slug=instance.name[len(prefix) : -1]).first()
        if instansi is not None:
            ensure_instansi_collection(instansi)
