"""Training emails say what they are about: the session's name in the subject, and in the body its date and
time in the organising instansi's zone with the zone's label, and its place."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kompetensi import services

from .conftest import FIXED_START, make_course, make_fixed_session, make_session

START = FIXED_START


@pytest.fixture
def session(org, training):
    return make_fixed_session(
        training.course,
        name="Angkatan Nusantara",
        place="Aula Lantai 2 BKD Gorontalo",
        capacity=1,
    )


def deliver(django_capture_on_commit_callbacks, action, *args):
    with django_capture_on_commit_callbacks(execute=True):
        return action(*args)


def assert_about_the_session(message):
    assert "Angkatan Nusantara" in message.subject
    assert "4 Maret 2030 09:30 WITA" in message.body
    assert "5 Maret 2030 15:30 WITA" in message.body
    assert "Aula Lantai 2 BKD Gorontalo" in message.body


def test_confirmed_waitlisted_and_promoted_emails(org, session, mailoutbox, django_capture_on_commit_callbacks):
    first = deliver(django_capture_on_commit_callbacks, services.enrol, org.pegawai.user, org.pegawai, session.pk)
    deliver(django_capture_on_commit_callbacks, services.enrol, org.rekan.user, org.rekan, session.pk)
    deliver(django_capture_on_commit_callbacks, services.cancel, org.pegawai.user, first.pk)
    subjects = [m.subject for m in mailoutbox]
    assert [s.split(":")[0] for s in subjects] == [
        "[Lentera] Pendaftaran diterima",
        "[Lentera] Masuk daftar tunggu",
        "[Lentera] Anda mendapat kursi",
    ], subjects
    for message in mailoutbox:
        assert_about_the_session(message)


def test_approval_request_email(org, training, mailoutbox, django_capture_on_commit_callbacks):
    approval = make_session(
        training.approval_course,
        start_in=START - timezone.now(),
        end_at=START + timedelta(days=1, hours=6),
        name="Angkatan Nusantara",
        place="Aula Lantai 2 BKD Gorontalo",
    )
    deliver(django_capture_on_commit_callbacks, services.enrol, org.pegawai.user, org.pegawai, approval.pk)
    (message,) = mailoutbox
    assert message.to == [org.atasan.user.email]
    assert message.subject.startswith("[Lentera] Persetujuan diperlukan: Siti Pegawai mendaftar Kepemimpinan")
    assert_about_the_session(message)


def test_reminder_email_in_the_sessions_zone(org, malut_catalog, mailoutbox, django_capture_on_commit_callbacks):
    course = make_course(malut_catalog, "Literasi Digital")
    malut_session = make_session(
        course, start_in=START - timezone.now(), name="Angkatan Sofifi", place="Gedung Sultan Sofifi"
    )
    services.enrol(org.pegawai_malut.user, org.pegawai_malut, malut_session.pk)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_session_reminders(now=START - timedelta(hours=20)) == 1
    (message,) = mailoutbox
    assert "Angkatan Sofifi" in message.subject
    assert "4 Maret 2030 10:30 WIT" in message.body and "Gedung Sultan Sofifi" in message.body
