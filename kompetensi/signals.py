from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from . import services
from .models import CoursePage, TrainingCatalogPage, TrainingSession
from .queries import facets_cache_key, forget_listings


@receiver(post_save, sender=TrainingCatalogPage)
def on_catalogue_created(sender, instance, created, raw=False, **kwargs):
    # a catalogue created in the admin, not only the demo's, gets its instansi's organisers as editors
    if created and not raw:
        transaction.on_commit(
            lambda: services.ensure_catalogue_editors(TrainingCatalogPage.objects.get(pk=instance.pk))
        )


@receiver(page_published)
@receiver(page_unpublished)
def on_course_changed(sender, instance, **kwargs):
    if isinstance(instance, CoursePage) or getattr(instance, "specific_class", None) is CoursePage:
        cache.delete(facets_cache_key(instance.get_parent().pk))


@receiver(post_save, sender=TrainingSession)
@receiver(post_delete, sender=TrainingSession)
def on_session_changed(sender, raw=False, **kwargs):
    # the catalogue's kept listings (which courses, in which order, which sessions of other instansi); now and once
    # committed, as a request running meanwhile may keep what it read before the change was visible
    if not raw:
        forget_listings()
        transaction.on_commit(forget_listings)
