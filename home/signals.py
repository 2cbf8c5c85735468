"""Keeps derived state in step with Wagtail: required-reading requirements with publishing, the editorial set-up
with new home pages, workflows with new index pages."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from . import editorial, services
from .models import HomePage, PolicyIndexPage


@receiver(page_published)
def on_page_published(sender, instance, revision=None, **kwargs):
    services.sync_reading_requirement(instance, revision=revision, user=getattr(revision, "user", None))


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    services.deactivate_requirement(instance)


@receiver(post_save, sender=HomePage)
def on_home_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(lambda: editorial.ensure_instansi_editorial(HomePage.objects.get(pk=instance.pk)))


@receiver(post_save, sender=PolicyIndexPage)
def on_policy_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        editorial.assign_policy_workflow(instance)
