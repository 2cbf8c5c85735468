"""Every time on the training pages carries its zone and is right for the viewer: session times in the session's
instansi zone with its label, whoever looks (a superadmin, whose requests run in UTC, or an employee of another
zone); other times in the viewer's zone with the viewer's label."""

import pytest
from django.urls import reverse

from kompetensi import services

from .conftest import FIXED_START, make_fixed_session

START = FIXED_START


@pytest.fixture
def session(org, training):
    return make_fixed_session(
        training.course,
        open_to_other_instansi=True,
    )


def test_organiser_page_for_a_superadmin_shows_the_sessions_local_time(org, session, login):
    page = login(org.superadmin).get(reverse("kompetensi:session_manage", args=[session.pk])).content.decode()
    assert "4 Maret 2030 09:30 WITA – 5 Maret 2030 15:30 WITA" in page
    assert "01:30" not in page  # the UTC time, once shown labelled WITA


def test_my_learning_for_an_employee_of_another_zone(org, session, login):
    services.enrol(org.pegawai_malut.user, org.pegawai_malut, session.pk)
    page = login(org.pegawai_malut).get(reverse("kompetensi:my_learning")).content.decode()
    assert "4 Maret 2030 09:30 WITA" in page and "5 Maret 2030 15:30 WITA" in page
    assert "10:30" not in page  # no unlabelled conversion into the viewer's zone


def test_catalogue_line_and_organiser_list_carry_the_sessions_zone(org, session, login):
    client = login(org.pelatihan)
    listing = client.get(reverse("kompetensi:organiser_sessions")).content.decode()
    assert "4 Maret 2030 09:30 WITA" in listing
    course = client.get(session.course.url).content.decode()
    assert "4 Maret 2030 09:30 WITA" in course


def test_request_time_in_the_viewers_zone_with_the_viewers_label(org, training, login):
    enrolment = services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    enrolment.requested_at = START
    enrolment.save(update_fields=["requested_at"])
    atasan_page = login(org.atasan).get(reverse("kompetensi:approvals")).content.decode()
    assert "4 Maret 2030 09:30 WITA" in atasan_page
    superadmin_page = login(org.superadmin).get(reverse("kompetensi:approvals")).content.decode()
    assert "4 Maret 2030 01:30 UTC" in superadmin_page
