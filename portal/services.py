"""Every state change of the organisation core. Each function runs in a transaction, checks what it must,
and records who changed what in Wagtail's audit log."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, roles
from .models import Notification, Pegawai
from .permissions import is_hr_of
from .task_queue import enqueue

PEGAWAI_AUDITED_FIELDS = [
    "nip", "nama", "gelar_depan", "gelar_belakang", "status", "instansi_id", "unit_id", "jabatan_id",
    "pangkat_id", "tmt_pangkat", "atasan_id", "email", "phone", "is_active",
]  # fmt: skip


def can_manage_pegawai(actor, pegawai):
    return is_hr_of(actor, pegawai.instansi_id)


@transaction.atomic
def save_pegawai(actor, pegawai, *, username=None, password=None):
    """Create or update a pegawai (and their login account), validating every invariant first."""
    is_new = pegawai.pk is None
    if not can_manage_pegawai(actor, pegawai):
        raise PermissionDenied(_("Anda tidak berwenang mengubah data pegawai instansi ini."))
    before = {} if is_new else audit.snapshot(Pegawai.objects.get(pk=pegawai.pk), PEGAWAI_AUDITED_FIELDS)
    if is_new and not pegawai.user_id:
        User = get_user_model()
        login = username or pegawai.nip
        if User.objects.filter(username=login).exists():
            raise ValidationError({"nip": _("Akun dengan nama pengguna %(login)s sudah ada.") % {"login": login}})
        user = User(username=login, email=pegawai.email, first_name=pegawai.nama[:150])
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=roles.PEGAWAI)[0])
        pegawai.user = user
    pegawai.full_clean()
    pegawai.save()
    audit.log_changes(pegawai, before, PEGAWAI_AUDITED_FIELDS, actor=actor, created=is_new)
    sync_supervisor_group([pegawai.atasan_id, before.get("atasan_id")])
    return pegawai


def sync_supervisor_group(pegawai_ids):
    """Keep the Atasan group equal to 'has active direct reports' for the given pegawai."""
    group = Group.objects.get_or_create(name=roles.ATASAN)[0]
    for candidate in Pegawai.objects.filter(pk__in=[pk for pk in pegawai_ids if pk]).select_related("user"):
        if candidate.bawahan.filter(is_active=True).exists():
            candidate.user.groups.add(group)
        else:
            candidate.user.groups.remove(group)


_muted = ContextVar("notifications_muted", default=False)


@contextmanager
def notifications_muted():
    """Notifications created inside are shown in the app but never emailed (demo data must not send mail)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def notify(user, *, kind, title, dedupe_key, body="", url="", send_email=True):
    """Create an in-app notification once per (user, dedupe_key) and queue its email.

    Returns the notification, or None when it had been sent before.
    """
    send_email = send_email and not _muted.get()
    notification, created = Notification.objects.get_or_create(
        recipient=user,
        dedupe_key=dedupe_key[:200],
        defaults={"kind": kind, "title": title[:300], "body": body, "url": url, "send_email": send_email},
    )
    if not created:
        return None
    if send_email and user.email:
        transaction.on_commit(lambda: enqueue("portal.tasks.send_notification_email", notification.pk))
    return notification


def mark_notifications_read(user, ids=None):
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
