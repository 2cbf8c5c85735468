"""Every state change of the organisation core. Each function runs in a transaction, checks what it must,
and records who changed what in Wagtail's audit log."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, frame, notification_kinds, roles
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


def sync_supervisor_group(pegawai_ids, chunk=2000):
    """Keep the Atasan group equal to 'has active direct reports' for the given pegawai, and their per-instansi
    groups after it. A few queries per `chunk` pegawai, so an import can pass every supervisor of an instansi."""
    group = Group.objects.get_or_create(name=roles.ATASAN)[0]
    Through = get_user_model().groups.through
    ids = sorted({pk for pk in pegawai_ids if pk})
    for start in range(0, len(ids), chunk):
        candidates = list(Pegawai.objects.filter(pk__in=ids[start : start + chunk]))
        by_pk = {candidate.pk: candidate for candidate in candidates}
        leading = set(
            Pegawai.objects.filter(atasan_id__in=by_pk, is_active=True).values_list("atasan_id", flat=True).distinct()
        )
        users = [candidate.user_id for candidate in candidates]
        members = set(Through.objects.filter(group=group, user_id__in=users).values_list("user_id", flat=True))
        add = [c.user_id for c in candidates if c.pk in leading and c.user_id not in members]
        remove = [c.user_id for c in candidates if c.pk not in leading and c.user_id in members]
        Through.objects.bulk_create([Through(user_id=user_id, group=group) for user_id in add], ignore_conflicts=True)
        Through.objects.filter(group=group, user_id__in=remove).delete()
        changed = set(add) | set(remove)
        roles.sync_memberships_bulk([c for c in candidates if c.user_id in changed])


_muted = ContextVar("notifications_muted", default=False)


@contextmanager
def notifications_muted():
    """Notifications created inside are shown in the app but never emailed (demo data must not send mail)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def notify(user, *, kind, dedupe_key, title="", body="", url="", params=None, send_email=True):
    """Create an in-app notification once per (user, dedupe_key) and queue its email.

    With `params`, the wording comes from the kind's registered templates (portal.notification_kinds) and is
    rendered again in the reader's language wherever it is shown; `title`/`body` are the text of kinds without
    templates. Returns the notification, or None when it had been sent before.
    """
    params = params or {}
    rendered = notification_kinds.render(kind, params) if params else None
    if rendered:
        title, body = rendered
    send_email = send_email and not _muted.get()
    notification = _insert_once(
        recipient=user, dedupe_key=dedupe_key[:200],
        kind=kind, title=title[:300], body=body, url=url, params=params, send_email=send_email,
    )  # fmt: skip
    if notification is None:
        return None
    if send_email and user.email:
        transaction.on_commit(lambda: enqueue("portal.tasks.send_notification_email", notification.pk))
    return notification


def _insert_once(**fields):
    """The notification, inserted unless one with its (recipient, dedupe_key) exists (then None): one INSERT that
    the unique constraint refuses, not a look-up first; in a savepoint when inside a transaction, which the refused
    INSERT would otherwise break."""
    try:
        if transaction.get_connection().in_atomic_block:
            with transaction.atomic():
                return Notification.objects.create(**fields)
        return Notification.objects.create(**fields)
    except IntegrityError:
        if Notification.objects.filter(recipient=fields["recipient"], dedupe_key=fields["dedupe_key"]).exists():
            return None
        raise


def open_notification(user, pk):
    """The user's own notification, marked read (None when it is not theirs)."""
    notification = Notification.objects.filter(recipient=user, pk=pk).first()
    if notification is not None and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_notifications_read(user, ids=None):
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    marked = unread.update(read_at=timezone.now())
    frame.forget_unread(user.pk)  # update() sends no signal
    return marked


def remind_report(actor, pegawai_id):
    """A supervisor reminds one direct report of what is open (overdue reading, JP short of the target, ...):
    one notification a day at most, recorded in the report's history."""
    from wagtail.log_actions import log

    from .scoping import pegawai_of
    from .team import direct_reports, reminders_for

    report = direct_reports(actor).filter(pk=pegawai_id).first()
    if report is None:
        raise PermissionDenied(_("Hanya atasan langsung yang dapat mengingatkan pegawai ini."))
    items = reminders_for(report)
    if not items:
        raise ValidationError(_("Tidak ada yang perlu diingatkan kepada %(name)s.") % {"name": report.nama})
    me = pegawai_of(actor)
    sent = notify(
        report.user,
        kind="portal.team_reminder",
        params={"name": me.nama, "items": "; ".join(items)},
        url="/",
        dedupe_key=f"portal.team_reminder:{report.pk}:{timezone.localdate().isoformat()}",
    )
    if sent is None:
        raise ValidationError(_("%(name)s sudah diingatkan hari ini.") % {"name": report.nama})
    log(report, "portal.team_reminder", user=actor, data={"items": items})
    return sent
