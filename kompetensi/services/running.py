"""Running a session: attendance, QR check-in, results, certificates and the participants' evaluation."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.scoping import pegawai_of
from portal.services import notify

from .. import rules
from ..competency.services import record_course_evidence
from ..models import (
    Attendance,
    Certificate,
    Enrolment,
    EvaluationQuestion,
    EvaluationResponse,
    JPEntry,
    KonversiJP,
    TrainingSession,
)
from ..permissions import can_manage_session
from .enrolment import lock_session, transition
from .ledger import rule_for_code
from .session_time import format_time, local_time, my_learning_url

S = Enrolment.Status


# --- running the session ---------------------------------------------------------------------------------------


def session_days(session):
    return rules.session_days(local_time(session.start_at, session), local_time(session.end_at, session))


def _record_presence(enrolment, day, present, method, actor):
    Attendance.objects.update_or_create(
        enrolment=enrolment, day=day, defaults={"present": present, "method": method, "recorded_by": actor}
    )
    if present and enrolment.status == S.CONFIRMED:
        transition(enrolment, S.ATTENDED, actor, _("Hadir %(day)s.") % {"day": day.isoformat()})


@transaction.atomic
def mark_attendance(actor, session_id, day, present_ids):
    """The organiser's attendance list for one day: everyone holding a seat is present or absent."""
    session = lock_session(session_id)
    if not can_manage_session(actor, session):
        raise PermissionDenied(_("Anda tidak berwenang mengelola angkatan ini."))
    if day not in session_days(session):
        raise ValidationError(_("Tanggal %(day)s bukan hari pelaksanaan angkatan ini.") % {"day": day.isoformat()})
    if day > local_time(timezone.now(), session).date():
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
    day = rules.checkin_day(
        local_time(session.start_at, session), local_time(session.end_at, session), local_time(now, session)
    )
    if day is None:
        raise ValidationError(
            _("Presensi QR hanya dapat dilakukan pada jam pelaksanaan: %(start)s sampai %(end)s.")
            % {"start": format_time(session.start_at, session), "end": format_time(session.end_at, session)}
        )
    enrolment.session = session
    _record_presence(enrolment, day, True, Attendance.Method.QR, user)
    return enrolment, day


WORKSHOP_BENTUK = "workshop"


def completion_jp(session, pegawai, workshop_rules=None):
    """JP a completion counts: a workshop session by the participant's instansi's conversion rule for workshops
    (per day of the session: 5 JP a day by default), any other session the course's JP. `workshop_rules` caches the
    rule per instansi for a whole results list."""
    if not session.is_workshop:
        return session.course.jp
    cache = workshop_rules if workshop_rules is not None else {}
    if pegawai.instansi_id not in cache:
        cache[pegawai.instansi_id] = rule_for_code(pegawai.instansi_id, WORKSHOP_BENTUK)
    rule = cache[pegawai.instansi_id]
    if rule is None:
        return session.course.jp
    units = len(session_days(session)) if rule.unit == KonversiJP.Unit.HARI else 1
    return rules.convert_jp(
        jp_per_unit=rule.jp_per_unit, is_max=rule.max_jp_per_unit, units=units, claimed=session.course.jp
    )


def _complete(enrolment, session, actor, workshop_rules=None):
    pegawai = enrolment.pegawai
    end_day = local_time(session.end_at, session).date()
    JPEntry.objects.create(
        pegawai=pegawai,
        year=end_day.year,
        day=end_day,
        jp=completion_jp(session, pegawai, workshop_rules),
        source=JPEntry.Source.COURSE,
        title=session.course.title,
        enrolment=enrolment,
    )
    record_course_evidence(enrolment=enrolment, day=end_day)
    if session.course.issues_certificate:
        Certificate.objects.create(
            enrolment=enrolment,
            valid_until=rules.certificate_valid_until(end_day, session.course.certificate_validity_months),
        )
        notify(
            pegawai.user,
            kind="kompetensi.certificate_ready",
            params={"course": session.course.title, "enrolment": enrolment.pk},
            url=my_learning_url(),
            dedupe_key=f"kompetensi:enrolment:{enrolment.pk}:certificate",
        )


@transaction.atomic
def record_results(actor, session_id, results):
    """Record results in bulk, all or nothing. `results`: {enrolment_id: (completed: bool, score or None)}."""
    session = lock_session(session_id)
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
        # checked before the "unchanged status" shortcut: a completed enrolment's score can still be edited
        problem = None if score is None else rules.score_problem(Decimal(str(score)))
        if problem:
            errors.append(f"{enrolment.pegawai.nama}: {problem}")
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
    if errors:
        raise ValidationError(errors)
    changed, workshop_rules = 0, {}
    for enrolment_id, (completed, score) in results.items():
        enrolment = enrolments[enrolment_id]
        enrolment.session = session
        if score is not None and enrolment.score != score:
            enrolment.score = score
            enrolment.save(update_fields=["score"])
        target = S.COMPLETED if completed else S.NOT_COMPLETED
        if enrolment.status == target:
            continue
        transition(enrolment, target, actor, _("Hasil dicatat penyelenggara."))
        changed += 1
        if completed:
            _complete(enrolment, session, actor, workshop_rules)
    return changed


@transaction.atomic
def revoke_certificate(actor, certificate_id, reason):
    certificate = (
        Certificate.objects.select_for_update(of=("self",)).select_related("enrolment__session").get(pk=certificate_id)
    )
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
