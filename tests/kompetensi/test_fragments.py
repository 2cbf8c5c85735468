"""The catalogue's and course page's cached fragments (kompetensi.fragments, portal.frame_fragments): each change
they show is there on the very next request, and nothing of one viewer is shown to another."""

import pytest
from django.urls import reverse

from kompetensi.models import CoursePage
from kompetensi.services import enrol

from .conftest import make_course

pytestmark = pytest.mark.django_db


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _publish(course, **fields):
    course = CoursePage.objects.get(pk=course.pk)
    for name, value in fields.items():
        setattr(course, name, value)
    course.save_revision().publish()


def test_a_new_revision_of_a_course_shows_on_the_next_catalogue_request(training, org, login):
    client = login(org.pegawai)
    _html(client, training.catalog.url)  # fills the cards
    assert "Pelayanan Publik Prima" in _html(client, training.catalog.url)
    _publish(training.course, title="Pelayanan Publik Unggul", summary="Ringkasan terbaru.")
    html = _html(client, training.catalog.url)
    assert "Pelayanan Publik Unggul" in html and "Ringkasan terbaru." in html
    assert "Pelayanan Publik Prima" not in html


def test_a_new_competency_published_shows_on_the_card(training, org, login):
    from kompetensi.models import CourseCompetency

    client = login(org.pegawai)
    _html(client, training.catalog.url)
    course = CoursePage.objects.get(pk=training.course.pk)
    course.competencies.add(CourseCompetency(name="Orientasi Pelayanan", level=3))
    course.save_revision().publish()
    assert "Orientasi Pelayanan" in _html(client, training.catalog.url)


def test_the_language_switch_shows_the_cards_and_sessions_in_the_new_language(training, org, login):
    client = login(org.pegawai)
    url = training.catalog.url
    html = _html(client, url)
    assert "perlu persetujuan atasan" in html  # filled in Indonesian
    client.post(reverse("set_language"), {"language": "en", "next": url})
    html = _html(client, url)
    assert "requires supervisor approval" in html and "perlu persetujuan atasan" not in html


def test_a_session_change_shows_on_the_next_request(training, org, login):
    client = login(org.pegawai)
    _html(client, training.catalog.url)
    training.session.place = "Gedung Serbaguna"
    training.session.save()
    assert "Gedung Serbaguna" in _html(client, training.catalog.url)
    assert "Gedung Serbaguna" in _html(client, training.course.url)


def _client(who):
    from django.test import Client

    client = Client()
    client.force_login(who.user)
    return client


def test_my_enrolment_is_mine_only(training, org, committed):
    other = _client(org.rekan)
    _html(other, training.catalog.url)  # the shared fragments are filled by someone else first
    committed(enrol, org.pegawai.user, org.pegawai, training.session.pk)
    mine = _html(_client(org.pegawai), training.catalog.url)
    theirs = _html(other, training.catalog.url)
    line = f'data-session="{training.session.pk}"'
    assert line in mine and line in theirs
    assert "Tambah ke kalender" in mine  # my confirmed seat
    assert "Tambah ke kalender" not in theirs
    assert "Daftar</button>" in theirs
    # the seats left follow the enrolment for everyone (never part of a fragment)
    assert "1 kursi tersisa" in theirs


def test_the_cards_cost_no_competency_query_once_cached(training, org, login, django_assert_max_num_queries):
    for n in range(12):
        make_course(training.catalog, f"Kursus Tambahan {n}")
    client = login(org.pegawai)
    _html(client, training.catalog.url)
    with django_assert_max_num_queries(9):
        _html(client, training.catalog.url)


def test_a_new_revision_of_the_course_body_shows_on_the_course_page(training, org, login):
    client = login(org.pegawai)
    _publish(training.course, description="<p>Deskripsi lama.</p>")
    assert "Deskripsi lama." in _html(client, training.course.url)
    _publish(training.course, description="<p>Deskripsi baru.</p>")
    html = _html(client, training.course.url)
    assert "Deskripsi baru." in html and "Deskripsi lama." not in html


# --- the listing kept a minute (kompetensi.queries.catalogue_listing) ------------------------------------------------


def _titles(html):
    import re

    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_a_session_added_lists_its_course_under_its_kind_at_once(training, org, login):
    from .conftest import make_session

    client = login(org.pegawai)
    course = make_course(training.catalog, title="Lokakarya Rencana Aksi")
    url = training.catalog.url + "?jenis=workshop"
    assert "Lokakarya Rencana Aksi" not in _titles(_html(client, url))
    make_session(course, kind="workshop")
    assert "Lokakarya Rencana Aksi" in _titles(_html(client, url))


def test_a_course_published_or_unpublished_changes_the_listing_at_once(training, org, login):
    client = login(org.pegawai)
    before = _titles(_html(client, training.catalog.url))
    course = make_course(training.catalog, title="Etika Birokrasi")
    assert "Etika Birokrasi" in _titles(_html(client, training.catalog.url))
    CoursePage.objects.get(pk=course.pk).unpublish()
    assert _titles(_html(client, training.catalog.url)) == before


def test_a_listing_kept_for_one_audience_is_never_shown_to_another(training, org, login):
    from home.models import AudienceRule

    course = make_course(training.catalog, title="Khusus Kominfo")
    AudienceRule.objects.create(page=course, unit=org.kominfo)
    # the content editor sees every audience and fills the kept listing first
    assert "Khusus Kominfo" in _titles(_html(login(org.konten), training.catalog.url))
    assert "Khusus Kominfo" not in _titles(_html(login(org.pegawai), training.catalog.url))
    superuser = org.pegawai.user.__class__.objects.create_superuser("super-uji", password="x-Lentera-2026")
    from django.test import Client

    client = Client()
    client.force_login(superuser)
    # and the other way round: what a superuser may see is kept apart from everyone else's
    assert "Khusus Kominfo" in _titles(_html(client, training.catalog.url))
    assert "Khusus Kominfo" not in _titles(_html(login(org.rekan), training.catalog.url))
