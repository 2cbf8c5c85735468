"""Keeps derived state in step with Wagtail: required-reading requirements with publishing, the editorial set-up
with new home pages, workflows with new index pages, the search vocabularies with what is published and visible."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import frame

from . import editorial, queries, services
from .models import Acknowledgement, AudienceRule, HomePage, PolicyIndexPage, ReadingRequirement


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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=PageViewRestriction)
def on_titles_or_visibility_changed(sender, **kwargs):
    # a suggestion must come from a title the user may see now, not from one unpublished or restricted since
    queries.forget_vocabularies()


@receiver(post_delete)
def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        queries.forget_vocabularies()


@receiver(post_save, sender=AudienceRule)
@receiver(post_delete, sender=AudienceRule)
def on_audience_changed(sender, raw=False, **kwargs):
    # who may view a page is kept in each user's frame (privacy.can_view): a rule saved apart from its page's own
    # save (a script, a bulk edit) must still reach them
    if not raw:
        frame.forget_shared()


@receiver(post_save, sender=ReadingRequirement)
@receiver(post_delete, sender=ReadingRequirement)
def on_requirement_changed(sender, raw=False, **kwargs):
    # each user's outstanding reading is kept in their frame (queries.outstanding_reading)
    if not raw:
        frame.forget_shared(content=False)


@receiver(post_save, sender=Acknowledgement)
@receiver(post_delete, sender=Acknowledgement)
def on_acknowledged(sender, instance, raw=False, **kwargs):
    if not raw:
        frame.forget_users(instance.user_id)
