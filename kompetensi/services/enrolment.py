"""Enrolment: the state machine, placement and waitlist, approval and cancellation.

Seats are a counter on the session (`seats_taken`), never a count under a lock: a seat is taken by one conditional
UPDATE (`seats_taken < capacity`), so the database decides who gets the last one, and the session's row is locked
only from that UPDATE to the commit. Every move between a seat-holding and a seat-free state goes through
`transition`, which moves the counter with it; a CHECK constraint keeps it between 0 and the capacity.
Notifications are queued for after the commit: nothing slow runs while the row is locked."""

import contextvars
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import roles
from portal.models import Pegawai, UnitKerja
from portal.services import notify

from .. import rules
from ..models import (
    Enrolment,
    EnrolmentTransition,
    TrainingSession,
)
from ..permissions import can_approve_for, can_manage_session
from ..state_machines import ENROLMENT
from .session_time import format_time, my_learning_url, session_details

S = Enrolment.Status


# --- the state machine and the seat counter ---------------------------------------------------------------------


def take_seat(session_id):
    """Take one seat if one is free, in one conditional UPDATE; returns whether a seat was taken. Two enrolments
    can never both get the last seat (the second UPDATE waits for the first to commit and then finds none free).
    The session's row stays locked until the commit: write as little as possible after this."""
    taken = TrainingSession.objects.filter(pk=session_id, seats_taken__lt=F("capacity")).update(
        seats_taken=F("seats_taken") + 1
    )
    return taken == 1


def release_seat(session_id):
    # unconditional: a counter already at 0 means it was wrong, and the CHECK constraint says so loudly
    TrainingSession.objects.filter(pk=session_id).update(seats_taken=F("seats_taken") - 1)


def transition(enrolment, target, actor, reason="", *, seat_taken=False):
    """Move the enrolment and the session's seat counter together. A move into a seat takes one (or refuses when
    none is free), unless the caller has already taken it with `take_seat` to decide the target (`seat_taken`);
    a move out of a seat gives it back."""
    ENROLMENT.check(enrolment, target)
    change = rules.seat_change(enrolment.status, target)
    if seat_taken and change != 1:
        raise ValueError(f"a seat was taken for a move that holds none: {enrolment.status} -> {target}")
    if change == 1 and not seat_taken and not take_seat(enrolment.session_id):
        raise ValidationError(_("Angkatan sudah penuh."))
    if change == -1:
        release_seat(enrolment.session_id)
    return ENROLMENT.apply(enrolment, target, actor=actor, reason=reason)


def lock_session(session_id):
    return (
        TrainingSession.objects.select_for_update(of=("self",)).select_related("course", "instansi").get(pk=session_id)
    )


def after_commit(function, *args, **kwargs):
    """Run `function` once the transaction has committed (at once outside one). Robust: the enrolment is already
    saved, so a failing notification is logged and must not turn it into an error page."""
    # run in the context of the caller: e.g. the demo loader's notifications_muted() must still hold at commit
    call = partial(contextvars.copy_context().run, function, *args, **kwargs)
    call.__qualname__ = function.__qualname__  # Django names the failing callback in its log
    transaction.on_commit(call, robust=True)


def _notify_employee(enrolment, event, **params):
    """Tell the employee what happened to their enrolment; the wording is the kind's (kompetensi/notice_kinds.py)."""
    session = enrolment.session
    notify(
        enrolment.pegawai.user,
        kind=f"kompetensi.{event}",
        params={
            "course": session.course.title, "session": session.name, "enrolment": enrolment.pk,
            "details": session_details(session), **params,
        },
        url=my_learning_url(),
        dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:{event}",
    )  # fmt: skip


def _tell_employee(enrolment, event, **params):
    after_commit(_notify_employee, enrolment, event, **params)


def _tell_placement(enrolment, target):
    _tell_employee(enrolment, "confirmed" if target == S.CONFIRMED else "waitlisted")


def _place(enrolment, session, actor, reason=""):
    """Give the enrolment a seat if one is free, else put it on the waitlist; tell the employee."""
    target = S.CONFIRMED if take_seat(session.pk) else S.WAITLISTED
    transition(enrolment, target, actor, reason, seat_taken=target == S.CONFIRMED)
    if target == S.CONFIRMED:
        session.seats_taken += 1
    else:
        fill_free_seats_after_commit(session.pk)
    _tell_placement(enrolment, target)


def promote_waitlist(session, actor):
    """Give free seats to the waitlist, first in first promoted; returns how many moved up."""
    promoted = 0
    while True:
        # skip_locked: a waiting enrolment another transaction holds (its owner cancelling it, another promotion)
        # is passed over rather than waited for, or re-checked away so that no one is found at all
        waiting = (
            Enrolment.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("pegawai__user")
            .filter(session_id=session.pk, status=S.WAITLISTED)
            .order_by("status_changed_at", "pk")
            .first()
        )
        if waiting is None or not take_seat(session.pk):
            break
        waiting.session = session
        transition(waiting, S.CONFIRMED, actor, _("Naik dari daftar tunggu."), seat_taken=True)
        session.seats_taken += 1
        promoted += 1
        _tell_employee(waiting, "promoted")
    return promoted


def fill_free_seats(session_id):
    """Promote the waitlist when a seat is free and someone waits; one cheap query when not."""
    if not TrainingSession.objects.filter(
        pk=session_id, seats_taken__lt=F("capacity"), enrolments__status=S.WAITLISTED
    ).exists():
        return 0
    with transaction.atomic():
        session = TrainingSession.objects.select_related("course", "instansi").get(pk=session_id)
        return promote_waitlist(session, None)


def fill_free_seats_after_commit(session_id):
    """The row lock no longer serialises a cancellation against a new enrolment, so a cancellation's promotion
    may run before a new waitlisted enrolment is committed and miss it, leaving a free seat and a waiting person.
    Both sides look again once committed (the waitlisted enrolment and the freed seat): whichever commits last
    sees the other."""
    after_commit(fill_free_seats, session_id)


# --- enrolment rules -------------------------------------------------------------------------------------------


def enrolment_refusal(pegawai, session, now, *, check_window=True):
    """Why `pegawai` may not enrol in `session` now, as one Indonesian sentence, or None when they may."""
    course = session.course
    if not pegawai.is_active:
        return _("Akun pegawai tidak aktif.")
    if pegawai.instansi_id != session.instansi_id and not session.open_to_other_instansi:
        return _("Angkatan ini hanya untuk pegawai %(instansi)s.") % {"instansi": session.instansi.name}
    if check_window and not session.enrolment_open(now):
        if now < session.enrol_opens_at:
            return _("Pendaftaran belum dibuka; dibuka pada %(when)s.") % {
                "when": format_time(session.enrol_opens_at, session)
            }
        return _("Pendaftaran angkatan ini sudah ditutup pada %(when)s.") % {
            "when": format_time(session.enrol_closes_at, session)
        }
    if course.audience_status and pegawai.status != course.audience_status:
        return _("Anda tidak termasuk sasaran peserta: kursus ini hanya untuk %(status)s.") % {
            "status": course.audience_status
        }
    if course.audience_jabatan_kind:
        kind = pegawai.jabatan.kind if pegawai.jabatan_id else ""
        if kind != course.audience_jabatan_kind:
            return _("Anda tidak termasuk sasaran peserta: kursus ini untuk jabatan %(kind)s.") % {
                "kind": course.get_audience_jabatan_kind_display()
            }
    # the enrolment already held in this session and a busy one at an overlapping time, in one query: the one
    # in this session first, as it says more
    conflicts = list(
        Enrolment.objects.filter(pegawai=pegawai)
        .exclude(status__in=rules.CLOSED_STATES)
        .filter(
            Q(session=session)
            | Q(
                status__in=rules.BUSY_STATES, session__start_at__lt=session.end_at, session__end_at__gt=session.start_at
            )
        )
        .select_related("session__course")
        .annotate(here=Case(When(session=session, then=Value(0)), default=Value(1)))
        .order_by("here", "pk")[:1]
    )
    if conflicts and conflicts[0].session_id == session.pk:
        return _("Anda sudah terdaftar di angkatan ini (status: %(status)s).") % {
            "status": conflicts[0].get_status_display()
        }
    missing = (
        course.prerequisites.exclude(sessions__enrolments__pegawai=pegawai, sessions__enrolments__status=S.COMPLETED)
        .order_by("title")
        .values_list("title", flat=True)
    )
    if missing:
        return _("Prasyarat belum dipenuhi: selesaikan dulu %(courses)s.") % {"courses": ", ".join(missing)}
    if conflicts:
        return _("Jadwal bertabrakan dengan %(course)s (%(session)s) yang sudah Anda daftari.") % {
            "course": conflicts[0].session.course.title,
            "session": conflicts[0].session.name,
        }
    return None


class _SeatGone(Exception):
    """The seat looked free when the enrolment was written, but others took the last ones first."""


def _create_enrolment(pegawai, session, actor, note, *, by_organiser):
    """Write the enrolment in the state it lands in, in a transaction of its own (a savepoint inside the caller's).

    The seat is taken by the transaction's last statement, so the session's row is locked only from that UPDATE to
    the commit: the enrolment, its history and audit entry are written first, for a seat `session.seats_taken` says
    is free. When the UPDATE finds none free after all, everything is rolled back and written again on the
    waitlist, which needs no lock; this happens only to the few who race for the last seats."""
    if session.course.requires_approval and not by_organiser:
        target = S.PENDING_APPROVAL
    else:
        target = rules.placement(session.seats_taken, session.capacity)
    if target == S.CONFIRMED:
        try:
            with transaction.atomic():
                return _write_enrolment(pegawai, session, actor, note, S.CONFIRMED, by_organiser=by_organiser)
        except _SeatGone:
            session.seats_taken = session.capacity
            target = S.WAITLISTED
    with transaction.atomic():
        return _write_enrolment(pegawai, session, actor, note, target, by_organiser=by_organiser)


def _write_enrolment(pegawai, session, actor, note, target, *, by_organiser):
    """The enrolment with both steps of its history (requested, then pending approval / confirmed / waitlisted)
    written at once, its audit entry, its seat last, and its notifications queued for after the commit."""
    reason = _("Didaftarkan penyelenggara.") if by_organiser else ""
    now = timezone.now()
    enrolment = Enrolment.objects.create(
        session=session, pegawai=pegawai, status=target, note=note[:300], status_changed_at=now
    )
    EnrolmentTransition.objects.bulk_create(
        [
            ENROLMENT.record(enrolment, "", S.REQUESTED, actor=actor, reason=note),
            ENROLMENT.record(enrolment, S.REQUESTED, target, actor=actor, reason=reason),
        ]
    )
    ENROLMENT.log(enrolment, target, actor=actor, previous=S.REQUESTED, reason=reason or note)
    if target == S.PENDING_APPROVAL:
        after_commit(_ask_for_approval, enrolment)
        return enrolment
    if target == S.CONFIRMED:
        if not take_seat(session.pk):
            raise _SeatGone
        session.seats_taken += 1
    else:
        fill_free_seats_after_commit(session.pk)
    _tell_placement(enrolment, target)
    return enrolment


def _ask_for_approval(enrolment):
    pegawai, session = enrolment.pegawai, enrolment.session
    approvers = []
    if pegawai.atasan_id:
        approvers = [pegawai.atasan.user]
    else:
        approvers = [p.user for p in Pegawai.objects.filter(
            instansi_id=pegawai.instansi_id, user__groups__name=roles.ADMIN_SDM, is_active=True
        ).select_related("user")]  # fmt: skip
    for user in approvers:
        notify(
            user,
            kind="kompetensi.approval_requested",
            params={
                "name": pegawai.nama,
                "course": session.course.title,
                "session": session.name,
                "enrolment": enrolment.pk,
                "details": session_details(session),
            },  # fmt: skip
            url=reverse("kompetensi:approvals"),
            dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:approval_requested",
        )


def _already_enrolled(pegawai, session_id):
    return Enrolment.objects.filter(session_id=session_id, pegawai=pegawai).exclude(status__in=rules.CLOSED_STATES)


def enrol(actor, pegawai, session, note=""):
    """An employee asks for a seat (or an organiser enrols them directly, skipping approval and the window).
    `session` is a TrainingSession with its course and instansi (as the pages and the API have already read it,
    checking that the user may see it), or its id.

    The rules are checked before the transaction; inside it the seat is taken by one conditional UPDATE and a
    second active enrolment of the same person is refused by the unique constraint, not by a lock. The session
    read here (unlocked) only suggests whether a seat is free; the UPDATE decides."""
    if not isinstance(session, TrainingSession):
        session = TrainingSession.objects.select_related("course", "instansi").filter(pk=session).first()
        if session is None:
            raise ValidationError(_("Angkatan tidak ditemukan."))
    by_organiser = pegawai.user_id != actor.pk
    if by_organiser and not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mendaftarkan pegawai lain ke angkatan ini."))
    if not by_organiser:
        pegawai.user = actor  # the notification goes to this user: no need to load them again
    refusal = enrolment_refusal(pegawai, session, timezone.now(), check_window=not by_organiser)
    if refusal:
        raise ValidationError(refusal)
    try:
        return _create_enrolment(pegawai, session, actor, note, by_organiser=by_organiser)
    except IntegrityError:
        # the same person asking twice at once: the second insert meets the first's row (and its seat, if it
        # took one, went back with the rollback)
        if _already_enrolled(pegawai, session.pk).exists():
            raise ValidationError(_("Anda sudah terdaftar di angkatan ini.")) from None
        raise


@transaction.atomic
def enrol_unit(actor, session_id, unit_id, include_subunits=True):
    """An organiser enrols every active employee of a unit at once. Returns (enrolled, [(pegawai, reason)])."""
    session = TrainingSession.objects.select_related("course", "instansi").filter(pk=session_id).first()
    if session is None:
        raise ValidationError(_("Angkatan tidak ditemukan."))
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan ini."))
    unit = UnitKerja.objects.filter(pk=unit_id, instansi_id=session.instansi_id).first()
    if unit is None:
        raise ValidationError(_("Unit kerja tidak ditemukan di instansi penyelenggara."))
    unit_ids, frontier = {unit.pk}, {unit.pk}
    while include_subunits and frontier:
        frontier = set(UnitKerja.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - unit_ids
        unit_ids |= frontier
    now = timezone.now()
    enrolled, skipped = [], []
    people = Pegawai.objects.filter(unit_id__in=unit_ids, is_active=True).select_related("jabatan", "user", "instansi")
    for pegawai in people.order_by("nama", "pk"):
        refusal = enrolment_refusal(pegawai, session, now, check_window=False)
        if refusal:
            skipped.append((pegawai, refusal))
            continue
        enrolled.append(_create_enrolment(pegawai, session, actor, "", by_organiser=True))
    log(session, "kompetensi.session.enrol_unit", user=actor, data={"unit": unit.code, "enrolled": len(enrolled)})
    return enrolled, skipped


def _lock_enrolment(enrolment_id):
    """The enrolment's own row lock serialises moves of one enrolment; the session is not locked (its seats move
    by conditional UPDATEs)."""
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("session__course", "session__instansi", "pegawai__user", "pegawai__atasan__user",
                        "pegawai__instansi")
        .get(pk=enrolment_id)
    )  # fmt: skip
    return enrolment, enrolment.session


@transaction.atomic
def approve(actor, enrolment_id, reason=""):
    enrolment, session = _lock_enrolment(enrolment_id)
    if not can_approve_for(actor, enrolment.pegawai):
        raise PermissionDenied(_("Anda bukan atasan langsung pegawai ini."))
    if enrolment.status != S.PENDING_APPROVAL:
        raise ValidationError(_("Pendaftaran ini tidak sedang menunggu persetujuan."))
    _place(enrolment, session, actor, reason or _("Disetujui atasan."))
    return enrolment


@transaction.atomic
def reject(actor, enrolment_id, reason):
    enrolment, session = _lock_enrolment(enrolment_id)
    if not can_approve_for(actor, enrolment.pegawai):
        raise PermissionDenied(_("Anda bukan atasan langsung pegawai ini."))
    if not (reason or "").strip():
        raise ValidationError(_("Tuliskan alasan penolakan."))
    if enrolment.status != S.PENDING_APPROVAL:
        raise ValidationError(_("Pendaftaran ini tidak sedang menunggu persetujuan."))
    transition(enrolment, S.REJECTED, actor, reason)
    _tell_employee(enrolment, "rejected", reason=reason)
    return enrolment


@transaction.atomic
def cancel(actor, enrolment_id, reason=""):
    """The employee (or the organiser) gives the seat back before the session starts; the first on the
    waitlist gets it."""
    enrolment, session = _lock_enrolment(enrolment_id)
    if enrolment.pegawai.user_id != actor.pk and not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang membatalkan pendaftaran ini."))
    if not enrolment.can_cancel:
        raise ValidationError(
            _("Pendaftaran berstatus '%(status)s' tidak dapat dibatalkan.") % {"status": enrolment.get_status_display()}
        )
    if timezone.now() >= session.start_at:
        raise ValidationError(_("Angkatan sudah dimulai; pendaftaran tidak dapat dibatalkan lagi."))
    held_seat = enrolment.holds_seat
    transition(enrolment, S.CANCELLED, actor, reason or _("Dibatalkan."))
    if held_seat:
        session.seats_taken -= 1
        promote_waitlist(session, actor)
        fill_free_seats_after_commit(session.pk)
    return enrolment
