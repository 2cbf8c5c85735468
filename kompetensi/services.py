"""Every state change of the training module: one function per use case, in a transaction, checking who may
do it and whether the state allows it, recording the transition and the audit log, and telling the people
concerned (portal notifications, emailed by Celery after commit)."""

import zoneinfo
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import roles
from portal.models import Pegawai, UnitKerja
from portal.scoping import has_role, pegawai_of
from portal.services import notify

from . import rules
from .models import (
    Attendance,
    Certificate,
    Enrolment,
    EnrolmentTransition,
    EvaluationQuestion,
    EvaluationResponse,
    ExternalLearning,
    JPEntry,
    KonversiJP,
    TrainingSession,
)

S = Enrolment.Status


# --- who may do what -------------------------------------------------------------------------------------------


def _same_instansi(user, instansi_id):
    me = pegawai_of(user)
    return me is not None and me.instansi_id == instansi_id


def can_manage_session(user, session):
    """Training organisers run the sessions of their own instansi; superadmins run all."""
    if getattr(user, "is_superuser", False):
        return True
    return has_role(user, roles.PENYELENGGARA) and _same_instansi(user, session.instansi_id)


def can_organise(user):
    return getattr(user, "is_superuser", False) or (has_role(user, roles.PENYELENGGARA) and pegawai_of(user))


def is_hr_of(user, instansi_id):
    if getattr(user, "is_superuser", False):
        return True
    return has_role(user, roles.ADMIN_SDM) and _same_instansi(user, instansi_id)


def can_approve_for(user, pegawai):
    """The employee's direct supervisor decides; HR of the instansi stands in (e.g. when there is no supervisor)."""
    if pegawai.user_id == user.pk:
        return False
    me = pegawai_of(user)
    if me is not None and pegawai.atasan_id == me.pk:
        return True
    return is_hr_of(user, pegawai.instansi_id)


def can_view_enrolment(user, enrolment):
    return (
        enrolment.pegawai.user_id == user.pk
        or can_manage_session(user, enrolment.session)
        or can_approve_for(user, enrolment.pegawai)
    )


# --- the state machine -----------------------------------------------------------------------------------------


def _transition(enrolment, target, actor, reason=""):
    if not rules.can_transition(enrolment.status, target):
        raise ValidationError(
            _("Status pendaftaran tidak dapat diubah dari '%(from)s' menjadi '%(to)s'.")
            % {"from": enrolment.get_status_display(), "to": S(target).label}
        )
    previous = enrolment.status
    enrolment.status = target
    enrolment.status_changed_at = timezone.now()
    enrolment.save(update_fields=["status", "status_changed_at"])
    EnrolmentTransition.objects.create(
        enrolment=enrolment, from_status=previous, to_status=target, actor=actor, reason=reason[:300]
    )
    log(enrolment, f"kompetensi.enrolment.{target}", user=actor, data={"from": previous, "reason": reason})
    return enrolment


def _lock_session(session_id):
    return (
        TrainingSession.objects.select_for_update(of=("self",)).select_related("course", "instansi").get(pk=session_id)
    )


def _my_learning_url():
    return reverse("kompetensi:my_learning")


def _notify_employee(enrolment, event, title, body=""):
    session = enrolment.session
    notify(
        enrolment.pegawai.user,
        kind=f"kompetensi.{event}",
        title=title % {"course": session.course.title, "session": session.name},
        body=body,
        url=_my_learning_url(),
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
    _transition(enrolment, target, actor, reason)
    if target == S.CONFIRMED:
        session.seats_taken += 1
        session.save(update_fields=["seats_taken"])
    _notify_placement(enrolment, target)


def _promote_waitlist(session, actor):
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
        _transition(waiting, S.CONFIRMED, actor, _("Naik dari daftar tunggu."))
        session.seats_taken += 1
        session.save(update_fields=["seats_taken"])
        _notify_employee(waiting, "promoted", _("Anda mendapat kursi: %(course)s (%(session)s)"))


# --- enrolment rules -------------------------------------------------------------------------------------------


def _local(value, session):
    return timezone.localtime(value, zoneinfo.ZoneInfo(session.instansi.time_zone))


def _format(value, session):
    return f"{date_format(_local(value, session), 'j F Y H:i')} {session.instansi.time_zone_label}"


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
                "when": _format(session.enrol_opens_at, session)
            }
        return _("Pendaftaran angkatan ini sudah ditutup pada %(when)s.") % {
            "when": _format(session.enrol_closes_at, session)
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
            EnrolmentTransition(
                enrolment=enrolment, from_status="", to_status=S.REQUESTED, actor=actor, reason=note[:300]
            ),
            EnrolmentTransition(
                enrolment=enrolment, from_status=S.REQUESTED, to_status=target, actor=actor, reason=reason
            ),
        ]
    )
    log(enrolment, f"kompetensi.enrolment.{target}", user=actor, data={"from": S.REQUESTED, "reason": reason or note})
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
            title=_("Persetujuan diperlukan: %(name)s mendaftar %(course)s")
            % {"name": pegawai.nama, "course": session.course.title},
            body=_("%(session)s, mulai %(when)s.")
            % {"session": session.name, "when": _format(session.start_at, session)},
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
        session = _lock_session(session_id)
        if Enrolment.objects.filter(session=session, pegawai=pegawai).exclude(status__in=rules.CLOSED_STATES).exists():
            raise ValidationError(_("Anda sudah terdaftar di angkatan ini."))
        return _create_enrolment(pegawai, session, actor, note, by_organiser=by_organiser)


@transaction.atomic
def enrol_unit(actor, session_id, unit_id, include_subunits=True):
    """An organiser enrols every active employee of a unit at once. Returns (enrolled, [(pegawai, reason)])."""
    session = _lock_session(session_id)
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
    session = _lock_session(enrolment.session_id)
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
    _transition(enrolment, S.REJECTED, actor, reason)
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
    _transition(enrolment, S.CANCELLED, actor, reason or _("Dibatalkan."))
    if held_seat:
        session.seats_taken -= 1
        session.save(update_fields=["seats_taken"])
        _promote_waitlist(session, actor)
    return enrolment


# --- sessions --------------------------------------------------------------------------------------------------


@transaction.atomic
def save_session(actor, session):
    """Create or change a session; more capacity promotes the waitlist, less than the seats taken is refused."""
    course = session.course
    if session.pk is None:
        session.instansi_id = course.instansi_id
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan kursus ini."))
    is_new = session.pk is None
    if not is_new:
        locked = _lock_session(session.pk)
        session.seats_taken = locked.seats_taken
        if session.capacity < locked.seats_taken:
            raise ValidationError(
                {"capacity": _("Kapasitas tidak boleh lebih kecil dari jumlah peserta terdaftar (%(n)s).")
                 % {"n": locked.seats_taken}}
            )  # fmt: skip
    session.full_clean()
    session.save()
    log(session, "wagtail.create" if is_new else "wagtail.edit", user=actor)
    if not is_new:
        _promote_waitlist(session, actor)
    return session


# --- running the session ---------------------------------------------------------------------------------------


def session_days(session):
    return rules.session_days(_local(session.start_at, session), _local(session.end_at, session))


def _record_presence(enrolment, day, present, method, actor):
    Attendance.objects.update_or_create(
        enrolment=enrolment, day=day, defaults={"present": present, "method": method, "recorded_by": actor}
    )
    if present and enrolment.status == S.CONFIRMED:
        _transition(enrolment, S.ATTENDED, actor, _("Hadir %(day)s.") % {"day": day.isoformat()})


@transaction.atomic
def mark_attendance(actor, session_id, day, present_ids):
    """The organiser's attendance list for one day: everyone holding a seat is present or absent."""
    session = _lock_session(session_id)
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan ini."))
    if day not in session_days(session):
        raise ValidationError(_("Tanggal %(day)s bukan hari pelaksanaan angkatan ini.") % {"day": day.isoformat()})
    if day > _local(timezone.now(), session).date():
        raise ValidationError(_("Presensi belum dapat diisi untuk tanggal yang akan datang."))
    present_ids = set(present_ids)
    participants = list(
        Enrolment.objects.select_for_update(of=("self",)).filter(session=session, status__in=[S.CONFIRMED, S.ATTENDED])
    )
    unknown = present_ids - {e.pk for e in participants}
    if unknown:
        raise ValidationError(_("Sebagian peserta yang ditandai bukan peserta angkatan ini."))
    for enrolment in participants:
        _record_presence(enrolment, day, enrolment.pk in present_ids, Attendance.Method.ORGANISER, actor)
    log(
        session, "kompetensi.session.attendance", user=actor, data={"day": day.isoformat(), "present": len(present_ids)}
    )
    return len(present_ids)


@transaction.atomic
def check_in(user, token, now=None):
    """QR check-in by the employee; works only during the session's hours."""
    now = now or timezone.now()
    session = TrainingSession.objects.select_related("course", "instansi").filter(checkin_token=token).first()
    if session is None:
        raise ValidationError(_("Kode QR presensi tidak dikenal."))
    me = pegawai_of(user)
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(session=session, pegawai=me, status__in=[S.CONFIRMED, S.ATTENDED])
        .first()
        if me
        else None
    )
    if enrolment is None:
        raise ValidationError(_("Anda bukan peserta terdaftar angkatan ini."))
    day = rules.checkin_day(_local(session.start_at, session), _local(session.end_at, session), _local(now, session))
    if day is None:
        raise ValidationError(
            _("Presensi QR hanya dapat dilakukan pada jam pelaksanaan: %(start)s sampai %(end)s.")
            % {"start": _format(session.start_at, session), "end": _format(session.end_at, session)}
        )
    enrolment.session = session
    _record_presence(enrolment, day, True, Attendance.Method.QR, user)
    return enrolment, day


def _complete(enrolment, session, actor):
    pegawai = enrolment.pegawai
    end_day = _local(session.end_at, session).date()
    JPEntry.objects.create(
        pegawai=pegawai,
        year=end_day.year,
        day=end_day,
        jp=session.course.jp,
        source=JPEntry.Source.COURSE,
        title=session.course.title,
        enrolment=enrolment,
    )
    if session.course.issues_certificate:
        Certificate.objects.create(
            enrolment=enrolment,
            valid_until=rules.certificate_valid_until(end_day, session.course.certificate_validity_months),
        )
        notify(
            pegawai.user,
            kind="kompetensi.certificate_ready",
            title=_("Sertifikat siap diunduh: %(course)s") % {"course": session.course.title},
            url=_my_learning_url(),
            dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:certificate",
        )


@transaction.atomic
def record_results(actor, session_id, results):
    """Record results in bulk, all or nothing. `results`: {enrolment_id: (completed: bool, score or None)}."""
    session = _lock_session(session_id)
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan ini."))
    if timezone.now() < session.start_at:
        raise ValidationError(_("Hasil baru dapat dicatat setelah angkatan dimulai."))
    enrolments = {
        e.pk: e
        for e in Enrolment.objects.select_for_update(of=("self",))
        .select_related("pegawai__user")
        .filter(session=session, pk__in=list(results))
    }
    errors = []
    for enrolment_id, (completed, score) in results.items():
        enrolment = enrolments.get(enrolment_id)
        if enrolment is None:
            errors.append(_("Pendaftaran %(id)s bukan milik angkatan ini.") % {"id": enrolment_id})
            continue
        target = S.COMPLETED if completed else S.NOT_COMPLETED
        if enrolment.status == target:
            continue
        if not rules.can_transition(enrolment.status, target):
            errors.append(
                _("%(name)s: status '%(status)s' tidak dapat menjadi '%(target)s'%(hint)s.")
                % {
                    "name": enrolment.pegawai.nama,
                    "status": enrolment.get_status_display(),
                    "target": S(target).label,
                    "hint": _(" (belum tercatat hadir)") if enrolment.status == S.CONFIRMED else "",
                }
            )
        if score is not None and not (0 <= score <= 100):
            errors.append(_("%(name)s: nilai harus 0 sampai 100.") % {"name": enrolment.pegawai.nama})
    if errors:
        raise ValidationError(errors)
    changed = 0
    for enrolment_id, (completed, score) in results.items():
        enrolment = enrolments[enrolment_id]
        enrolment.session = session
        if score is not None and enrolment.score != score:
            enrolment.score = score
            enrolment.save(update_fields=["score"])
        target = S.COMPLETED if completed else S.NOT_COMPLETED
        if enrolment.status == target:
            continue
        _transition(enrolment, target, actor, _("Hasil dicatat penyelenggara."))
        changed += 1
        if completed:
            _complete(enrolment, session, actor)
    return changed


@transaction.atomic
def revoke_certificate(actor, certificate_id, reason):
    certificate = Certificate.objects.select_for_update().select_related("enrolment__session").get(pk=certificate_id)
    if not can_manage_session(actor, certificate.enrolment.session):
        raise PermissionDenied(_("Anda tidak berwenang mencabut sertifikat ini."))
    if not (reason or "").strip():
        raise ValidationError(_("Tuliskan alasan pencabutan."))
    if certificate.revoked_at:
        raise ValidationError(_("Sertifikat ini sudah dicabut."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason[:300]
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    log(certificate, "kompetensi.certificate.revoked", user=actor, data={"reason": reason})
    return certificate


@transaction.atomic
def submit_evaluation(user, enrolment_id, answers, comment=""):
    enrolment = Enrolment.objects.select_for_update().filter(pk=enrolment_id, pegawai__user=user).first()
    if enrolment is None:
        raise PermissionDenied(_("Evaluasi ini bukan milik Anda."))
    if enrolment.status not in (S.ATTENDED, S.COMPLETED, S.NOT_COMPLETED):
        raise ValidationError(_("Evaluasi dapat diisi setelah Anda mengikuti angkatan."))
    if EvaluationResponse.objects.filter(enrolment=enrolment).exists():
        raise ValidationError(_("Anda sudah mengisi evaluasi angkatan ini."))
    questions = set(EvaluationQuestion.objects.filter(is_active=True).values_list("pk", flat=True))
    clean = {}
    for question_id in questions:
        rating = answers.get(question_id) or answers.get(str(question_id))
        if rating is None or not str(rating).isdigit() or not 1 <= int(rating) <= 5:
            raise ValidationError(_("Beri nilai 1 sampai 5 untuk setiap pertanyaan."))
        clean[str(question_id)] = int(rating)
    response = EvaluationResponse.objects.create(enrolment=enrolment, answers=clean, comment=comment[:2000])
    log(enrolment, "kompetensi.enrolment.evaluated", user=user)
    return response


# --- the JP ledger ---------------------------------------------------------------------------------------------


def conversion_rule(instansi_id, bentuk_id):
    """The instansi's own conversion rule for a form of development, else the default one."""
    return (
        KonversiJP.objects.filter(bentuk_id=bentuk_id)
        .filter(Q(instansi_id=instansi_id) | Q(instansi__isnull=True))
        .order_by("instansi_id")  # NULLs last on PostgreSQL, first on SQLite: pick explicitly below
        .select_related("bentuk")
    )


def rule_for(instansi_id, bentuk_id):
    rows = list(conversion_rule(instansi_id, bentuk_id))
    own = [row for row in rows if row.instansi_id == instansi_id]
    return (own or rows or [None])[0]


def suggested_jp(item):
    rule = rule_for(item.pegawai.instansi_id, item.bentuk_id)
    if rule is None:
        return item.jp_claimed
    return rules.convert_jp(
        jp_per_unit=rule.jp_per_unit,
        is_max=rule.max_jp_per_unit,
        units=item.units,
        claimed=item.jp_claimed,
        max_units_per_month=rule.max_units_per_month,
        months=rules.months_spanned(item.start_date, item.end_date),
    )


@transaction.atomic
def submit_external_learning(user, item):
    me = pegawai_of(user)
    if me is None:
        raise PermissionDenied(_("Hanya pegawai yang dapat mengajukan JP."))
    item.pegawai = me
    item.status = ExternalLearning.Status.SUBMITTED
    item.full_clean()
    if item.end_date > timezone.localdate():
        raise ValidationError({"end_date": _("Kegiatan yang belum selesai belum dapat diajukan.")})
    item.save()
    log(item, "wagtail.create", user=user)
    approver = me.atasan.user if me.atasan_id else None
    if approver is not None:
        notify(
            approver,
            kind="kompetensi.approval_requested",
            title=_("Persetujuan JP diperlukan: %(name)s — %(title)s") % {"name": me.nama, "title": item.title},
            url=reverse("kompetensi:approvals"),
            dedupe_key=f"kompetensi:external:{item.pk}:approval_requested",
        )
    return item


def _lock_external(item_id):
    return (
        ExternalLearning.objects.select_for_update(of=("self",))
        .select_related("pegawai__user", "bentuk")
        .get(pk=item_id)
    )


@transaction.atomic
def approve_external_learning(actor, item_id, jp_approved=None, note=""):
    item = _lock_external(item_id)
    if not can_approve_for(actor, item.pegawai):
        raise PermissionDenied(_("Anda tidak berwenang menyetujui pengajuan ini."))
    if item.status != ExternalLearning.Status.SUBMITTED:
        raise ValidationError(_("Pengajuan ini sudah diputuskan."))
    jp = suggested_jp(item) if jp_approved is None else jp_approved
    if jp < 1 or jp > item.jp_claimed:
        raise ValidationError(_("JP disetujui harus antara 1 dan JP yang diajukan (%(n)s).") % {"n": item.jp_claimed})
    item.status, item.jp_approved = ExternalLearning.Status.APPROVED, jp
    item.decided_by, item.decided_at, item.decision_note = actor, timezone.now(), note[:300]
    item.save()
    JPEntry.objects.create(
        pegawai=item.pegawai, year=item.end_date.year, day=item.end_date, jp=jp,
        source=JPEntry.Source.EXTERNAL, title=item.title, external=item,
    )  # fmt: skip
    log(item, "kompetensi.external.approved", user=actor, data={"jp": jp, "note": note})
    notify(
        item.pegawai.user,
        kind="kompetensi.external_approved",
        title=_("%(jp)s JP disetujui: %(title)s") % {"jp": jp, "title": item.title},
        url=_my_learning_url(),
        dedupe_key=f"kompetensi:external:{item.pk}:decided",
    )
    return item


@transaction.atomic
def reject_external_learning(actor, item_id, note):
    item = _lock_external(item_id)
    if not can_approve_for(actor, item.pegawai):
        raise PermissionDenied(_("Anda tidak berwenang memutuskan pengajuan ini."))
    if item.status != ExternalLearning.Status.SUBMITTED:
        raise ValidationError(_("Pengajuan ini sudah diputuskan."))
    if not (note or "").strip():
        raise ValidationError(_("Tuliskan alasan penolakan."))
    item.status = ExternalLearning.Status.REJECTED
    item.decided_by, item.decided_at, item.decision_note = actor, timezone.now(), note[:300]
    item.save()
    log(item, "kompetensi.external.rejected", user=actor, data={"note": note})
    notify(
        item.pegawai.user,
        kind="kompetensi.external_rejected",
        title=_("Pengajuan JP ditolak: %(title)s") % {"title": item.title},
        body=note,
        url=_my_learning_url(),
        dedupe_key=f"kompetensi:external:{item.pk}:decided",
    )
    return item


# --- reminders -------------------------------------------------------------------------------------------------


def send_session_reminders(now=None):
    """Remind every seat holder of a session that starts tomorrow (in the organiser's time zone). Safe to run
    any number of times: one notification per enrolment."""
    now = now or timezone.now()
    sent = 0
    for tz_name in TrainingSession.objects.values_list("instansi__time_zone", flat=True).distinct():
        tz = zoneinfo.ZoneInfo(tz_name)
        tomorrow = timezone.localtime(now, tz).date() + timedelta(days=1)
        start = datetime.combine(tomorrow, datetime.min.time(), tzinfo=tz)
        enrolments = Enrolment.objects.filter(
            status=S.CONFIRMED,
            session__instansi__time_zone=tz_name,
            session__start_at__gte=start,
            session__start_at__lt=start + timedelta(days=1),
        ).select_related("session__course", "session__instansi", "pegawai__user")
        for enrolment in enrolments:
            session = enrolment.session
            created = notify(
                enrolment.pegawai.user,
                kind="kompetensi.reminder",
                title=_("Besok: %(course)s (%(session)s)") % {"course": session.course.title, "session": session.name},
                body=_("Mulai %(when)s di %(place)s.")
                % {"when": _format(session.start_at, session), "place": session.place or session.online_url},
                url=_my_learning_url(),
                dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:reminder",
            )
            sent += created is not None
    return sent


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
