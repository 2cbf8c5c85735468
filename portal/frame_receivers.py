"""What invalidates the per-user frames (portal.frame): a change to a user's account or groups drops that user's
frame; a change to the organisation, the roles, the pages or their permissions drops every frame; a change to what
pages show (pages, sites, settings, documents, images) also drops the cached fragments of content
(portal.frame_fragments). Writes in bulk (imports) bypass these signals and call `frame.forget_shared()` themselves."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Site,
    Task,
)
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import frame
from .models import Instansi, InstansiGroup, Jabatan, Notification, Pangkat, Pegawai, UnitKerja

User = get_user_model()
# the organisation and who may do what: every frame, but no fragment of shared content (portal.frame_fragments)
SHARED_MODELS = (
    Instansi, UnitKerja, Jabatan, Pangkat, Pegawai, Group, InstansiGroup,
    GroupPagePermission, GroupCollectionPermission, Task, GroupApprovalTask,
)  # fmt: skip
# what pages show: every frame and every cached fragment of content
CONTENT_MODELS = (PageViewRestriction, Site, get_document_model(), get_image_model())


def _forget_shared(sender, raw=False, **kwargs):
    if not raw:
        frame.forget_shared(content=False)


def _forget_content(sender, raw=False, **kwargs):
    if not raw:
        frame.forget_shared()


# every rule table (portal.rule_tables: a model with `rule_key`), whose rows `rule_for` keeps with the shared data
RULE_TABLES = tuple(model for model in apps.get_models() if hasattr(model, "rule_key"))

for model in (*SHARED_MODELS, *RULE_TABLES):
    post_save.connect(_forget_shared, sender=model, dispatch_uid=f"lentera-frame-save-{model.__name__}")
    post_delete.connect(_forget_shared, sender=model, dispatch_uid=f"lentera-frame-delete-{model.__name__}")
for model in CONTENT_MODELS:
    post_save.connect(_forget_content, sender=model, dispatch_uid=f"lentera-frame-save-{model.__name__}")
    post_delete.connect(_forget_content, sender=model, dispatch_uid=f"lentera-frame-delete-{model.__name__}")


# Site settings (the footer, the brand) are models of their own for each module: listen to all senders. Wagtail
# creates a settings row with its defaults on first read, which changes nothing shown: only edits count.
@receiver(post_save, dispatch_uid="lentera-frame-settings-saved")
def on_settings_saved(sender, instance, created=False, raw=False, **kwargs):
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting) and not created and not raw:
        frame.forget_shared()


# Pages send their signals as their own class: listen to all senders. A draft of a page that is not live changes
# nothing a reader sees (publishing it does, below).
@receiver(post_save, dispatch_uid="lentera-frame-page-saved")
def on_page_saved(sender, instance, raw=False, **kwargs):
    if isinstance(instance, Page) and instance.live and not raw:
        frame.forget_shared()


@receiver(post_delete, dispatch_uid="lentera-frame-page-deleted")
def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        frame.forget_shared()


for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    signal.connect(_forget_content, dispatch_uid=f"lentera-frame-{id(signal)}")


@receiver(m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="lentera-frame-restriction-groups")
@receiver(m2m_changed, sender=GroupApprovalTask.groups.through, dispatch_uid="lentera-frame-task-groups")
def on_shared_groups_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        frame.forget_shared()


@receiver(post_save, sender=User, dispatch_uid="lentera-frame-user-saved")
@receiver(post_delete, sender=User, dispatch_uid="lentera-frame-user-deleted")
def on_user_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        frame.forget_cached(instance)
        frame.forget_users(instance.pk)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="lentera-frame-groups")
def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        frame.forget_cached(instance)
        frame.forget_users(instance.pk)
    elif pk_set:
        frame.forget_users(*pk_set)
    else:  # a group emptied from its side: who was in it is no longer known
        frame.forget_shared(content=False)


@receiver(post_save, sender=Notification, dispatch_uid="lentera-frame-notification-saved")
@receiver(post_delete, sender=Notification, dispatch_uid="lentera-frame-notification-deleted")
def on_notification_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        frame.forget_unread(instance.recipient_id)


@receiver(post_migrate, dispatch_uid="lentera-frame-migrated")
def on_migrated(sender, **kwargs):
    # a data migration (rule tables, holidays, service types) writes through historical models, which send no
    # signal to the receivers above: whatever was kept with the shared data is dropped after every migrate
    frame.forget_shared()
