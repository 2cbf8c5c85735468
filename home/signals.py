"""Keeps derived state in step with Wagtail and the organisation core: required-reading requirements with
publishing, per-instansi editor groups with roles, workflows with new index pages."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from portal.models import Pegawai

from . import services
from .models import EditorGroup, HomePage, PolicyIndexPage


@receiver(page_published)
def on_page_published(sender, instance, revision=None, **kwargs):
    services.sync_reading_requirement(instance, revision=revision, user=getattr(revision, "user", None))


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    services.deactivate_requirement(instance)


@receiver(post_save, sender=HomePage)
def on_home_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(lambda: services.ensure_instansi_editorial(HomePage.objects.get(pk=instance.pk)))


@receiver(post_save, sender=PolicyIndexPage)
def on_policy_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.assign_policy_workflow(instance)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    editor_group_ids = set(EditorGroup.objects.values_list("group_id", flat=True))
    if pk_set and set(pk_set) <= editor_group_ids:
        return  # our own sync, or an admin editing the per-instansi groups directly
    users = [instance] if not reverse else list(get_user_model().objects.filter(pk__in=pk_set or []))
    for user in users:
        pegawai = Pegawai.objects.filter(user=user).first()
        services.sync_editor_groups(user, pegawai)


@receiver(post_save, sender=Pegawai)
def on_pegawai_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.sync_editor_groups(instance.user, instance)
