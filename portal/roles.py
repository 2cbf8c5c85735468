"""Roles: the one mechanism. docs/permissions.md is the human-readable matrix.

A role is a Django group named after it ("Admin SDM"), which says who holds the role and carries the role's model
permissions. A role that needs to touch only its own instansi's part of something shared (a page subtree, a
collection, a workflow task) also has one group per instansi (`InstansiGroup`, named "Admin Konten (gorontalo)"),
whose members `sync_memberships` keeps equal to the active employees of that instansi who hold the role — on a
change of groups from either side, a transfer, a deactivation.

Each module says once what its roles need, from its `registrations.py`:

    roles.register("kompetensi", {
        roles.PENYELENGGARA: roles.Needs(permissions=["kompetensi.change_enrolment"], per_instansi=True),
    })
"""

from collections import defaultdict
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import frame
from .models import Instansi, InstansiGroup, Pegawai
from .registry import Registry

PEGAWAI = "Pegawai"
ATASAN = "Atasan"
ADMIN_KONTEN = "Admin Konten"
PENYELENGGARA = "Penyelenggara Pelatihan"
ADMIN_SDM = "Admin SDM"
PIMPINAN = "Pimpinan"
SUPERADMIN = "Superadmin"

ALL_ROLES = [PEGAWAI, ATASAN, ADMIN_KONTEN, PENYELENGGARA, ADMIN_SDM, PIMPINAN, SUPERADMIN]

ROLE_DESCRIPTIONS = {
    PEGAWAI: _("Setiap pegawai: membaca, mendaftar pelatihan, mengisi SKP."),
    ATASAN: _("Atasan langsung: menyetujui SKP dan pendaftaran bawahan, menilai kinerja."),
    ADMIN_KONTEN: _("Menerbitkan halaman intranet dan kampanye sosialisasi."),
    PENYELENGGARA: _("Mengelola kursus, angkatan, presensi, hasil dan sertifikat."),
    ADMIN_SDM: _("Data induk, kamus kompetensi, kalibrasi, keputusan karier — untuk instansinya."),
    PIMPINAN: _("Dasbor pimpinan dan persetujuan keputusan — untuk instansinya."),
    SUPERADMIN: _("Seluruh instansi dan pengaturan sistem."),
}

# Roles that work in the Wagtail admin (their groups get wagtailadmin.access_admin).
ADMIN_ROLES = {ADMIN_KONTEN, PENYELENGGARA, ADMIN_SDM, PIMPINAN}

# Roles that see every record of their own instansi.
INSTANSI_WIDE_ROLES = {ADMIN_SDM, PIMPINAN}


@dataclass(frozen=True)
class Needs:
    """What one module needs of one role: model permissions ("app_label.codename") on the role's group, and whether
    the role needs a group per instansi."""

    permissions: tuple[str, ...] | list[str] = field(default_factory=tuple)
    per_instansi: bool = False


needs_by_module = Registry("role needs")


def register(module: str, needs: dict[str, Needs]) -> None:
    unknown = set(needs) - set(ALL_ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)} registered by {module}")
    needs_by_module.add(module, needs)


register(
    "portal",
    {
        **{role: Needs(permissions=["wagtailadmin.access_admin"]) for role in ADMIN_ROLES},
        ADMIN_SDM: Needs(
            permissions=[
                "wagtailadmin.access_admin",
                "portal.add_unitkerja",
                "portal.change_unitkerja",
                "portal.delete_unitkerja",
                "portal.view_unitkerja",
                "portal.add_jabatan",
                "portal.change_jabatan",
                "portal.delete_jabatan",
                "portal.view_jabatan",
                "portal.add_pegawai",
                "portal.change_pegawai",
                "portal.view_pegawai",
                "portal.view_pangkat",
                "portal.view_instansi",
                "portal.add_importjob",
                "portal.view_importjob",
                "portal.add_hukumandisiplin",
                "portal.change_hukumandisiplin",
                "portal.delete_hukumandisiplin",
                "portal.view_hukumandisiplin",
                "portal.add_holiday",
                "portal.change_holiday",
                "portal.delete_holiday",
                "portal.view_holiday",
            ]
        ),  # fmt: skip
    },
)


def permissions_of(role: str) -> set[str]:
    return {dotted for needs in needs_by_module for dotted in needs.get(role, Needs()).permissions}


def per_instansi_roles() -> set[str]:
    return {role for needs in needs_by_module for role, need in needs.items() if need.per_instansi}


def _permission_objects(dotted_names):
    wanted = {tuple(dotted.split(".", 1)) for dotted in dotted_names}
    permissions = Permission.objects.filter(content_type__app_label__in={app for app, _code in wanted})
    return [p for p in permissions.select_related("content_type") if (p.content_type.app_label, p.codename) in wanted]


def instansi_group_name(instansi: Instansi, role: str) -> str:
    # data looked up by name in old databases and shown to superadmins, so it is not translated
    return f"{role} ({instansi.slug})"


def instansi_group(instansi: Instansi, role: str) -> Group:
    """The group of `role` within `instansi` (created on first use)."""
    link = InstansiGroup.objects.select_related("group").filter(instansi=instansi, role=role).first()
    if link is not None:
        return link.group
    group, _created = Group.objects.get_or_create(name=instansi_group_name(instansi, role))
    InstansiGroup.objects.get_or_create(instansi=instansi, role=role, defaults={"group": group})
    return group


@transaction.atomic
def ensure_role_groups() -> None:
    """The role groups with their permissions, and every instansi's per-instansi groups; idempotent (after every
    migrate, and for a new instansi through onboarding)."""
    for role in ALL_ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        # exactly what the modules registered: a permission dropped from a module's needs is taken away again
        group.permissions.set(_permission_objects(permissions_of(role)))
    for instansi in Instansi.objects.all():
        ensure_instansi_groups(instansi)


def ensure_instansi_groups(instansi: Instansi, actor=None) -> dict[str, Group]:
    groups = {role: instansi_group(instansi, role) for role in sorted(per_instansi_roles())}
    holders = Pegawai.objects.filter(instansi=instansi, is_active=True, user__groups__name__in=list(groups))
    for pegawai in holders.select_related("user").distinct():
        sync_memberships(pegawai.user, pegawai)
    return groups


_syncing: ContextVar[bool] = ContextVar("lentera_role_sync", default=False)


def sync_memberships(user, pegawai: Pegawai | None = None) -> None:
    """Keep the user's per-instansi groups equal to the roles they hold in their own instansi, while active."""
    if user is None or user.pk is None:
        return
    me = pegawai or Pegawai.objects.filter(user=user).first()
    held = set(user.groups.filter(instansi_group__isnull=True).values_list("name", flat=True))
    wanted = set()
    if me is not None and me.is_active and user.is_active:
        wanted = set(
            InstansiGroup.objects.filter(instansi_id=me.instansi_id, role__in=held).values_list("group_id", flat=True)
        )
    current = set(user.groups.filter(instansi_group__isnull=False).values_list("pk", flat=True))
    token = _syncing.set(True)
    try:
        if wanted - current:
            user.groups.add(*(wanted - current))
        if current - wanted:
            user.groups.remove(*(current - wanted))
    finally:
        _syncing.reset(token)
    forget_cached_groups(user)


def sync_memberships_bulk(pegawai, chunk=2000) -> None:
    """`sync_memberships` for many employees at once (an import of thousands): a few queries per `chunk` employees
    instead of several per employee, with the same result. Sends no m2m signals (nothing else listens for
    these derived groups)."""
    Through = get_user_model().groups.through
    pegawai = [p for p in pegawai if p.user_id]
    links = {(link.instansi_id, link.role): link.group_id for link in InstansiGroup.objects.all()}
    instansi_group_ids = set(links.values())
    for start in range(0, len(pegawai), chunk):
        part = {p.user_id: p for p in pegawai[start : start + chunk]}
        active = set(get_user_model().objects.filter(pk__in=part, is_active=True).values_list("pk", flat=True))
        held, current = defaultdict(set), defaultdict(set)
        for user_id, group_id, name in Through.objects.filter(user_id__in=part).values_list(
            "user_id", "group_id", "group__name"
        ):
            if group_id in instansi_group_ids:
                current[user_id].add(group_id)
            else:
                held[user_id].add(name)
        add, remove = [], []
        for user_id, me in part.items():
            wanted = set()
            if me.is_active and user_id in active:
                wanted = {links[me.instansi_id, role] for role in held[user_id] if (me.instansi_id, role) in links}
            add += [Through(user_id=user_id, group_id=group_id) for group_id in wanted - current[user_id]]
            remove += [(user_id, group_id) for group_id in current[user_id] - wanted]
        Through.objects.bulk_create(add, batch_size=1000, ignore_conflicts=True)
        for user_id, group_id in remove:
            Through.objects.filter(user_id=user_id, group_id=group_id).delete()
        # memberships written in bulk send no m2m signals
        frame.forget_users(*part)


def syncing() -> bool:
    """True while `sync_memberships` itself is changing groups (its own m2m signals need no second sync)."""
    return _syncing.get()


def forget_cached_groups(user) -> None:
    frame.forget_cached(user)
    frame.forget_users(user.pk)
