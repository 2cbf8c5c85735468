"""Who edits each instansi's catalogue."""

from django.db import transaction

from portal import roles
from portal.models import Pegawai

from ..models import (
    Enrolment,
)

S = Enrolment.Status


# --- catalogue editors -----------------------------------------------------------------------------------------

CATALOGUE_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
# model permissions the module's roles need in the admin (granted after every migrate, like the portal's)
ROLE_MODEL_PERMISSIONS = {
    roles.PENYELENGGARA: ["kompetensi.change_enrolment", "kompetensi.view_enrolment"],
    roles.ADMIN_SDM: [
        "kompetensi.view_bentukpengembangan", "kompetensi.add_konversijp", "kompetensi.change_konversijp",
        "kompetensi.view_konversijp", "kompetensi.add_targetjp", "kompetensi.change_targetjp", "kompetensi.view_targetjp",
    ],
}  # fmt: skip


def organiser_group_name(instansi):
    return f"{roles.PENYELENGGARA} ({instansi.slug})"


def grant_role_permissions():
    from django.contrib.auth.models import Group, Permission

    for role, dotted_names in ROLE_MODEL_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                group.permissions.add(permission)


@transaction.atomic
def ensure_catalogue_editors(catalog):
    """A per-instansi organiser group with page permissions on that instansi's catalogue only (the role group
    itself spans every instansi), holding the instansi's training organisers. Idempotent."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _created = Group.objects.get_or_create(name=organiser_group_name(catalog.instansi))
    for codename in CATALOGUE_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=catalog,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    organisers = Pegawai.objects.filter(
        instansi_id=catalog.instansi_id, user__groups__name=roles.PENYELENGGARA
    ).select_related("user")
    for pegawai in organisers:
        pegawai.user.groups.add(group)
    return group


def sync_organiser_group(user):
    """Keep the user in their instansi's organiser group exactly while they hold the organiser role."""
    from django.contrib.auth.models import Group

    pegawai = Pegawai.objects.filter(user=user).select_related("instansi").first()
    groups = Group.objects.filter(name__startswith=f"{roles.PENYELENGGARA} (")
    wanted = set()
    if pegawai is not None and user.groups.filter(name=roles.PENYELENGGARA).exists():
        wanted = set(groups.filter(name=organiser_group_name(pegawai.instansi)).values_list("pk", flat=True))
    current = set(user.groups.filter(pk__in=groups).values_list("pk", flat=True))
    if current - wanted:
        user.groups.remove(*(current - wanted))
    if wanted - current:
        user.groups.add(*(wanted - current))
