"""Every enrolment transition and every refusal, the waitlist, and notifications."""

from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from kompetensi import services
from kompetensi.models import Certificate, Enrolment, EnrolmentTransition, JPEntry
from portal.models import Notification

from .conftest import make_course, make_session

S = Enrolment.Status


def refusal(callable_, *args, **kwargs):
    with pytest.raises(ValidationError) as info:
        callable_(*args, **kwargs)
    return " ".join(info.value.messages)


def test_enrol_without_approval_confirms_and_records_history(org, training, committed):
    e = committed(services.enrol, org.pegawai.user, org.pegawai, training.session.pk, "Butuh untuk tugas")
    assert e.status == S.CONFIRMED
    history = list(EnrolmentTransition.objects.filter(enrolment=e).values_list("from_status", "to_status", "actor"))
    assert history == [("", "requested", org.pegawai.user.pk), ("requested", "confirmed", org.pegawai.user.pk)]
    training.session.refresh_from_db()
    assert training.session.seats_taken == 1
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kompetensi.confirmed").count() == 1
    assert ModelLogEntry.objects.filter(action="kompetensi.enrolment.confirmed", object_id=str(e.pk)).exists()


def test_full_session_waitlists(org, training, committed):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)
    e = committed(services.enrol, org.cucu.user, org.cucu, training.session.pk)
    assert e.status == S.WAITLISTED
    assert Notification.objects.filter(recipient=org.cucu.user, kind="kompetensi.waitlisted").exists()


def test_cancellation_promotes_first_waitlisted_and_tells_them(org, training, committed):
    first = services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)
    waiting1 = services.enrol(org.cucu.user, org.cucu, training.session.pk)
    waiting2 = services.enrol(org.konten.user, org.konten, training.session.pk)
    committed(services.cancel, org.pegawai.user, first.pk, "Ada tugas luar")
    first.refresh_from_db()
    waiting1.refresh_from_db()
    waiting2.refresh_from_db()
    assert first.status == S.CANCELLED
    assert waiting1.status == S.CONFIRMED
    assert waiting2.status == S.WAITLISTED
    training.session.refresh_from_db()
    assert training.session.seats_taken == 2
    assert Notification.objects.filter(recipient=org.cucu.user, kind="kompetensi.promoted").count() == 1


def test_cancel_waitlisted_does_not_free_a_seat(org, training):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)
    waiting = services.enrol(org.cucu.user, org.cucu, training.session.pk)
    services.cancel(org.cucu.user, waiting.pk)
    training.session.refresh_from_db()
    assert training.session.seats_taken == 2


def test_approval_flow(org, training, committed):
    e = committed(services.enrol, org.pegawai.user, org.pegawai, training.approval_session.pk)
    assert e.status == S.PENDING_APPROVAL
    assert Notification.objects.filter(recipient=org.atasan.user, kind="kompetensi.approval_requested").count() == 1
    with pytest.raises(PermissionDenied):
        services.approve(org.rekan.user, e.pk)
    with pytest.raises(PermissionDenied):
        services.approve(org.pegawai.user, e.pk)  # not their own
    services.approve(org.atasan.user, e.pk, "Sesuai rencana pengembangan")
    e.refresh_from_db()
    assert e.status == S.CONFIRMED
    assert e.transitions.last().reason == "Sesuai rencana pengembangan"
    assert "tidak sedang menunggu" in refusal(services.approve, org.atasan.user, e.pk)


def test_approval_when_full_waitlists(org, training):
    training.approval_session.capacity = 1
    training.approval_session.save()
    services.enrol(org.pelatihan.user, org.rekan, training.approval_session.pk)  # organiser enrols directly
    e = services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    services.approve(org.atasan.user, e.pk)
    e.refresh_from_db()
    assert e.status == S.WAITLISTED


def test_reject_needs_reason_and_notifies(org, training, committed):
    e = services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    assert "alasan" in refusal(services.reject, org.atasan.user, e.pk, " ")
    committed(services.reject, org.atasan.user, e.pk, "Beban kerja tinggi bulan itu")
    e.refresh_from_db()
    assert e.status == S.REJECTED
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kompetensi.rejected").exists()
    # a rejected request does not block asking again
    again = services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    assert again.status == S.PENDING_APPROVAL


def test_hr_stands_in_when_no_supervisor(org, training, committed):
    e = committed(
        services.enrol, org.pimpinan.user, org.pimpinan, training.approval_session.pk
    )  # pimpinan has no atasan
    assert Notification.objects.filter(recipient=org.sdm.user, kind="kompetensi.approval_requested").exists()
    services.approve(org.sdm.user, e.pk)
    with pytest.raises(PermissionDenied):
        services.approve(org.sdm_malut.user, e.pk)


def test_cancel_pending_and_refusals(org, training):
    e = services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    with pytest.raises(PermissionDenied):
        services.cancel(org.rekan.user, e.pk)
    services.cancel(org.pegawai.user, e.pk)
    assert "tidak dapat dibatalkan" in refusal(services.cancel, org.pegawai.user, e.pk)


def test_cannot_cancel_after_start(org, training):
    session = make_session(training.course, start_in=timedelta(days=1), capacity=3)
    e = services.enrol(org.pegawai.user, org.pegawai, session.pk)
    session.start_at = timezone.now() - timedelta(hours=1)
    session.enrol_opens_at = session.start_at - timedelta(days=3)
    session.enrol_closes_at = session.start_at
    session.save()
    assert "sudah dimulai" in refusal(services.cancel, org.pegawai.user, e.pk)


def test_refusal_window_closed_and_not_open(org, training):
    now = timezone.now()
    closed = make_session(
        training.course, enrol_opens_at=now - timedelta(days=9), enrol_closes_at=now - timedelta(days=1)
    )
    assert "sudah ditutup" in refusal(services.enrol, org.pegawai.user, org.pegawai, closed.pk)
    later = make_session(
        training.course, start_in=timedelta(days=60), enrol_opens_at=now + timedelta(days=3),
        enrol_closes_at=now + timedelta(days=50),
    )  # fmt: skip
    assert "belum dibuka" in refusal(services.enrol, org.pegawai.user, org.pegawai, later.pk)
    assert not Enrolment.objects.filter(pegawai=org.pegawai).exists()


def test_refusal_prerequisite_missing_then_met(org, training):
    advanced = make_course(training.catalog, "Pelayanan Publik Lanjutan")
    advanced.prerequisites.add(training.course)
    advanced.save_revision().publish()
    session = make_session(advanced, start_in=timedelta(days=40))
    assert "Prasyarat" in refusal(services.enrol, org.pegawai.user, org.pegawai, session.pk)
    past = make_session(training.course, start_in=timedelta(days=2), capacity=3)
    e = services.enrol(org.pegawai.user, org.pegawai, past.pk)
    Enrolment.objects.filter(pk=e.pk).update(status=S.COMPLETED)
    assert services.enrol(org.pegawai.user, org.pegawai, session.pk).status == S.CONFIRMED


def test_refusal_overlapping_session(org, training):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    other = make_course(training.catalog, "Digitalisasi Layanan")
    clash = make_session(other, start_in=timedelta(days=10, hours=2))
    assert "bertabrakan" in refusal(services.enrol, org.pegawai.user, org.pegawai, clash.pk)


def test_refusal_already_enrolled(org, training):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    assert "sudah terdaftar" in refusal(services.enrol, org.pegawai.user, org.pegawai, training.session.pk)


def test_refusal_not_in_audience(org, training):
    pppk_only = make_course(training.catalog, "Orientasi PPPK", audience_status="PPPK")
    session = make_session(pppk_only, start_in=timedelta(days=50))
    assert "sasaran peserta" in refusal(services.enrol, org.pegawai.user, org.pegawai, session.pk)
    for_jpt = make_course(training.catalog, "Kepemimpinan Nasional", audience_jabatan_kind="jpt")
    session = make_session(for_jpt, start_in=timedelta(days=70))
    assert "sasaran peserta" in refusal(services.enrol, org.pegawai.user, org.pegawai, session.pk)


def test_refusal_other_instansi_unless_open(org, training):
    assert "hanya untuk pegawai" in refusal(
        services.enrol, org.pegawai_malut.user, org.pegawai_malut, training.session.pk
    )
    training.session.open_to_other_instansi = True
    training.session.save()
    assert services.enrol(org.pegawai_malut.user, org.pegawai_malut, training.session.pk).status == S.CONFIRMED


def test_only_organiser_of_the_instansi_enrols_others(org, training):
    with pytest.raises(PermissionDenied):
        services.enrol(org.atasan.user, org.pegawai, training.session.pk)
    e = services.enrol(org.pelatihan.user, org.pegawai, training.approval_session.pk)
    assert e.status == S.CONFIRMED  # organisers skip approval


def test_enrol_unit(org, training):
    training.approval_session.capacity = 3
    training.approval_session.save()
    services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    enrolled, skipped = services.enrol_unit(org.pelatihan.user, training.approval_session.pk, org.bidang.pk)
    names = {e.pegawai.nama for e in enrolled}
    assert names == {"Ayu Atasan", "Budi Rekan", "Cucu Bawahan", "Eko Pelatihan"}
    assert [p.nama for p, _reason in skipped] == ["Siti Pegawai"]
    statuses = sorted(Enrolment.objects.filter(session=training.approval_session).values_list("status", flat=True))
    assert statuses.count("confirmed") == 3 and statuses.count("waitlisted") == 1
    with pytest.raises(ValidationError):
        services.enrol_unit(org.pelatihan.user, training.approval_session.pk, org.malut_unit.pk)
    with pytest.raises(PermissionDenied):
        services.enrol_unit(org.sdm.user, training.approval_session.pk, org.bidang.pk)


def test_capacity_change(org, training):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)
    waiting = services.enrol(org.cucu.user, org.cucu, training.session.pk)
    session = training.session
    session.capacity = 1
    assert "Kapasitas" in refusal(services.save_session, org.pelatihan.user, session)
    session.capacity = 3
    services.save_session(org.pelatihan.user, session)
    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED
    with pytest.raises(PermissionDenied):
        services.save_session(org.sdm_malut.user, session)


def _run_to_attended(org, training):
    session = make_session(training.course, start_in=timedelta(days=1), days=2, capacity=5)
    a = services.enrol(org.pegawai.user, org.pegawai, session.pk)
    b = services.enrol(org.rekan.user, org.rekan, session.pk)
    # yesterday 08:00-16:00 and today 08:00-16:00 in the organiser's time zone (WITA)
    local_now = timezone.localtime(timezone.now(), ZoneInfo("Asia/Makassar"))
    start = local_now.replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=1)
    session.start_at, session.end_at = start, start + timedelta(days=1, hours=8)
    session.enrol_opens_at, session.enrol_closes_at = start - timedelta(days=5), start
    session.save()
    return session, a, b


def test_attendance_results_certificate_and_jp(org, training):
    session, a, b = _run_to_attended(org, training)
    day = services.session_days(session)[0]
    services.mark_attendance(org.pelatihan.user, session.pk, day, [a.pk])
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (S.ATTENDED, S.CONFIRMED)
    assert "belum tercatat hadir" in refusal(
        services.record_results, org.pelatihan.user, session.pk, {a.pk: (True, Decimal("88")), b.pk: (True, None)}
    )
    a.refresh_from_db()
    assert a.status == S.ATTENDED  # all or nothing
    services.record_results(org.pelatihan.user, session.pk, {a.pk: (True, Decimal("88")), b.pk: (False, None)})
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (S.COMPLETED, S.NOT_COMPLETED)
    assert a.score == Decimal("88")
    cert = Certificate.objects.get(enrolment=a)
    assert cert.code.startswith("LTR-")
    entry = JPEntry.objects.get(enrolment=a)
    assert entry.jp == 12 and entry.year == services.local_time(session.end_at, session).year
    assert not JPEntry.objects.filter(enrolment=b).exists()
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kompetensi.certificate_ready").count() == 1
    # recording the same results again changes nothing and sends nothing new
    assert services.record_results(org.pelatihan.user, session.pk, {a.pk: (True, Decimal("88"))}) == 0
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kompetensi.certificate_ready").count() == 1


def test_attendance_refusals(org, training):
    session, a, _b = _run_to_attended(org, training)
    with pytest.raises(PermissionDenied):
        services.mark_attendance(org.atasan.user, session.pk, services.session_days(session)[0], [a.pk])
    assert "bukan hari" in refusal(
        services.mark_attendance, org.pelatihan.user, session.pk, session.start_at.date() - timedelta(days=5), []
    )
    assert "setelah angkatan dimulai" in refusal(services.record_results, org.pelatihan.user, training.session.pk, {})


def test_qr_checkin_only_during_hours(org, training):
    session, a, _b = _run_to_attended(org, training)
    local_start = services.local_time(session.start_at, session)
    during = session.start_at + timedelta(hours=1)
    enrolment, day = services.check_in(org.pegawai.user, session.checkin_token, now=during)
    assert day == local_start.date() and enrolment.status == S.ATTENDED
    assert "jam pelaksanaan" in refusal(
        services.check_in, org.rekan.user, session.checkin_token, now=session.start_at - timedelta(hours=3)
    )
    assert "bukan peserta" in refusal(services.check_in, org.cucu.user, session.checkin_token, now=during)
    assert "tidak dikenal" in refusal(services.check_in, org.pegawai.user, "salah", now=during)


def test_revoke_certificate(org, training):
    session, a, _b = _run_to_attended(org, training)
    services.mark_attendance(org.pelatihan.user, session.pk, services.session_days(session)[0], [a.pk])
    services.record_results(org.pelatihan.user, session.pk, {a.pk: (True, None)})
    cert = Certificate.objects.get(enrolment=a)
    assert "alasan" in refusal(services.revoke_certificate, org.pelatihan.user, cert.pk, "")
    with pytest.raises(PermissionDenied):
        services.revoke_certificate(org.pegawai.user, cert.pk, "x")
    services.revoke_certificate(org.pelatihan.user, cert.pk, "Data peserta keliru")
    assert "sudah dicabut" in refusal(services.revoke_certificate, org.pelatihan.user, cert.pk, "lagi")


def test_evaluation(org, training):
    from kompetensi.models import EvaluationQuestion

    session, a, b = _run_to_attended(org, training)
    questions = list(EvaluationQuestion.objects.values_list("pk", flat=True))
    answers = dict.fromkeys(questions, 4)
    assert "setelah Anda mengikuti" in refusal(services.submit_evaluation, org.pegawai.user, a.pk, answers)
    services.mark_attendance(org.pelatihan.user, session.pk, services.session_days(session)[0], [a.pk])
    with pytest.raises(PermissionDenied):
        services.submit_evaluation(org.rekan.user, a.pk, answers)
    assert "1 sampai 5" in refusal(services.submit_evaluation, org.pegawai.user, a.pk, {**answers, questions[0]: 9})
    services.submit_evaluation(org.pegawai.user, a.pk, answers, "Bagus")
    assert "sudah mengisi" in refusal(services.submit_evaluation, org.pegawai.user, a.pk, answers)


def test_reminders_are_sent_once(org, training):
    from kompetensi.tasks import send_session_reminders

    session = make_session(training.course, start_in=timedelta(days=1), capacity=3)
    services.enrol(org.pegawai.user, org.pegawai, session.pk)
    tomorrow_noon = services.local_time(session.start_at, session).replace(hour=12) - timedelta(days=1)
    assert services.send_session_reminders(now=tomorrow_noon) == 1
    assert services.send_session_reminders(now=tomorrow_noon) == 0
    send_session_reminders.delay()  # the beat task runs cleanly
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kompetensi.reminder").count() == 1


def test_notification_email_is_sent_once(org, training, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    assert len(mailoutbox) == 1
    assert "Pendaftaran diterima" in mailoutbox[0].subject
    from portal.tasks import send_notification_email

    notification = Notification.objects.get(recipient=org.pegawai.user, kind="kompetensi.confirmed")
    assert send_notification_email(notification.pk) is False  # a retry is a no-op
    assert len(mailoutbox) == 1
