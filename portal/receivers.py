"""Keeps derived state in step with the organisation core: role groups after every migrate, per-instansi group
memberships on a change of groups (from either side), a transfer or a deactivation, and onboarding of a new
instansi."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_migrate, post_save
from django.dispatch import receiver

from . import roles
from .models import Instansi, Pegawai
from .onboarding import onboard_instansi


@receiver(post_migrate, dispatch_uid="lentera-role-groups")
def on_migrated(sender, **kwargs):
    # after every app's migrate, not only portal's: later apps' permissions (wagtailadmin.access_admin) are created
    # by receivers that may run after ours for the same sender
    roles.ensure_role_groups()


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="lentera-role-sync")
def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if roles.syncing():
        return
    if reverse:  # a group's members were edited from the group's side
        for user in get_user_model().objects.filter(pk__in=pk_set or []):
            roles.sync_memberships(user)
    else:
        roles.sync_memberships(instance)


@receiver(post_save, sender=Pegawai, dispatch_uid="lentera-role-sync-pegawai")
def on_pegawai_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.user_id:
        roles.sync_memberships(instance.user, instance)


@receiver(post_save, sender=Instansi, dispatch_uid="lentera-onboarding")
def on_instansi_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(lambda: onboard_instansi(Instansi.objects.get(pk=instance.pk)))
