"""Who edits each instansi's catalogue: the instansi's organiser group gets page permissions on that catalogue only."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from portal import roles

CATALOGUE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


@transaction.atomic
def ensure_catalogue_editors(catalog):
    """Give the instansi's training organisers page permissions on its catalogue; idempotent. Runs when a catalogue
    is created (however it is created) and when an instansi is onboarded."""
    group = roles.instansi_group(catalog.instansi, roles.PENYELENGGARA)
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=CATALOGUE_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=catalog, permission=permission)
    roles.ensure_instansi_groups(catalog.instansi)
    return group
