"""Enrolment: the state machine, placement and waitlist, approval and cancellation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
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


# --- the state machine -----------------------------------------------------------------------------------------


def transition(enrolment, target, actor, reason=""):
    return ENROLMENT.apply(enrolment, target, actor=actor, reason=reason)


def lock_session(session_id):
    return (
        TrainingSession.objects.select_for_update(of=("self",)).select_related("course", "instansi").get(pk=session_id)
    )


def _notify_employee(enrolment, event, title, body=""):
    session = enrolment.session
    notify(
        enrolment.pegawai.user,
        kind=f"kompetensi.{event}",
        title=title % {"course": session.course.title, "session": session.name},
        body="\n\n".join(part for part in [body, session_details(session)] if part),
        url=my_learning_url(),
        dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:{event}",
    )


def _notify_placement(enrolment, target):
    if target == S.CONFIRMED:
        _notify_employee(enrolment, "confirmed", _("Pendaftaran diterima: %(course)s (%(session)s)"))
    else:
        _notify_employee(
            enrolment,
            "waitlisted",
            _("Masuk daftar tunggu: %(course)s (%(session)s)"),
            _("Kursi penuh. Anda akan diberi tahu bila ada kursi yang kosong."),
        )


def _place(enrolment, session, actor, reason=""):
    """Give the enrolment a seat if one is free, else put it on the waitlist; tell the employee."""
    target = rules.placement(session.seats_taken, session.capacity)
    transition(enrolment, target, actor, reason)
    if target == S.CONFIRMED:
        session.seats_taken += 1
        session.save(update_fields=["seats_taken"])
    _notify_placement(enrolment, target)


def promote_waitlist(session, actor):
    while session.seats_taken < session.capacity:
        waiting = (
            Enrolment.objects.select_for_update()
            .select_related("pegawai__user")
            .filter(session=session, status=S.WAITLISTED)
            .order_by("status_changed_at", "pk")
            .first()
        )
        if waiting is None:
            return
        waiting.session = session
        transition(waiting, S.CONFIRMED, actor, _("Naik dari daftar tunggu."))
        session.seats_taken += 1
        session.save(update_fields=["seats_taken"])
        _notify_employee(waiting, "promoted", _("Anda mendapat kursi: %(course)s (%(session)s)"))


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
    existing = (
        Enrolment.objects.filter(session=session, pegawai=pegawai).exclude(status__in=rules.CLOSED_STATES).first()
    )
    if existing is not None:
        return _("Anda sudah terdaftar di angkatan ini (status: %(status)s).") % {
            "status": existing.get_status_display()
        }
    missing = (
        course.prerequisites.exclude(sessions__enrolments__pegawai=pegawai, sessions__enrolments__status=S.COMPLETED)
        .order_by("title")
        .values_list("title", flat=True)
    )
    if missing:
        return _("Prasyarat belum dipenuhi: selesaikan dulu %(courses)s.") % {"courses": ", ".join(missing)}
    clash = (
        Enrolment.objects.filter(
            pegawai=pegawai,
            status__in=rules.BUSY_STATES,
            session__start_at__lt=session.end_at,
            session__end_at__gt=session.start_at,
        )
        .exclude(session=session)
        .select_related("session__course")
        .first()
    )
    if clash is not None:
        return _("Jadwal bertabrakan dengan %(course)s (%(session)s) yang sudah Anda daftari.") % {
            "course": clash.session.course.title,
            "session": clash.session.name,
        }
    return None


def _create_enrolment(pegawai, session, actor, note, *, by_organiser):
    """Insert the enrolment already in the state it lands in, with both steps of its history (requested, then
    pending approval / confirmed / waitlisted) written at once: this runs under the session's row lock, so every
    statement saved here is throughput gained when many ask for the same session."""
    if session.course.requires_approval and not by_organiser:
        target = S.PENDING_APPROVAL
    else:
        target = rules.placement(session.seats_taken, session.capacity)
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
        _ask_for_approval(enrolment)
    else:
        if target == S.CONFIRMED:
            TrainingSession.objects.filter(pk=session.pk).update(seats_taken=F("seats_taken") + 1)
            session.seats_taken += 1
        _notify_placement(enrolment, target)
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
            title=_("Persetujuan diperlukan: %(name)s mendaftar %(course)s (%(session)s)")
            % {"name": pegawai.nama, "course": session.course.title, "session": session.name},
            body=session_details(session),
            url=reverse("kompetensi:approvals"),
            dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:approval_requested",
        )


def enrol(actor, pegawai, session_id, note=""):
    """An employee asks for a seat (or an organiser enrols them directly, skipping approval and the window).

    The rules that depend only on the employee are checked before the session's row is locked, so the lock is
    held just for placing the enrolment; the check that the seat count depends on runs again under the lock."""
    session = TrainingSession.objects.select_related("course", "instansi").filter(pk=session_id).first()
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
    with transaction.atomic():
        session = lock_session(session_id)
        if Enrolment.objects.filter(session=session, pegawai=pegawai).exclude(status__in=rules.CLOSED_STATES).exists():
            raise ValidationError(_("Anda sudah terdaftar di angkatan ini."))
        return _create_enrolment(pegawai, session, actor, note, by_organiser=by_organiser)


@transaction.atomic
def enrol_unit(actor, session_id, unit_id, include_subunits=True):
    """An organiser enrols every active employee of a unit at once. Returns (enrolled, [(pegawai, reason)])."""
    session = lock_session(session_id)
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
    enrolment = Enrolment.objects.select_related("pegawai__user", "pegawai__atasan__user").get(pk=enrolment_id)
    session = lock_session(enrolment.session_id)
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("pegawai__user", "pegawai__atasan__user", "pegawai__instansi")
        .get(pk=enrolment_id)
    )
    enrolment.session = session
    return enrolment, session


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
    _notify_employee(enrolment, "rejected", _("Pendaftaran ditolak: %(course)s (%(session)s)"), reason)
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
        session.save(update_fields=["seats_taken"])
        promote_waitlist(session, actor)
    return enrolment
