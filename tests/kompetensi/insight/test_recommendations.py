"""Fits my gaps: the catalogue filter and the home panel list open sessions whose course targets one of my gaps above
my level, the largest gap first, in a constant number of queries, never from a shared cache."""

from django.test import RequestFactory, override_settings
from django.urls import reverse

from kompetensi.insight import queries
from kompetensi.insight.panels import recommendations_panel
from kompetensi.models import Enrolment

from ..conftest import make_course, make_session
from .conftest import target

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "insight-tests"}}


def titles(recommendations):
    return [r.session.course.title for r in recommendations]


def test_my_gaps_largest_first(org, levels):
    gaps = queries.my_gaps(org.pegawai)
    assert [(g.competency.code, g.gap) for g in gaps] == [("T.SDM.01", 4), ("M.03", 2), ("M.04", 1)]
    assert queries.my_gaps(org.rekan) == []


def test_recommendations_fit_my_gaps_above_my_level_largest_first(org, courses):
    found = queries.recommendations(org.pegawai.user, limit=None)
    # integritas: no gap in M.01; dasar: level 2 is not above mine; tertutup: enrolment closed
    assert titles(found) == ["Kursus Komunikasi", "Kursus Kinerja"]
    assert (found[0].gap.competency.code, found[0].target_level) == ("M.03", 2)
    assert queries.recommendations(org.rekan.user) == []


def test_a_session_i_am_in_is_not_recommended_again(org, courses):
    Enrolment.objects.create(pegawai=org.pegawai, session=courses.komunikasi_session, status="confirmed")
    assert titles(queries.recommendations(org.pegawai.user, limit=None)) == ["Kursus Kinerja"]


def test_recommendations_cost_the_same_for_many_courses(org, courses, django_assert_max_num_queries):
    queries.recommendations(org.pegawai.user)
    with django_assert_max_num_queries(4) as few:
        queries.recommendations(org.pegawai.user)
    count = len(few.captured_queries)
    for n in range(15):
        course = make_course(courses.catalog, f"Kursus Tambahan {n}")
        target(course, competency=courses.kinerja.competencies.first().competency, level=3)
        make_session(course)
    with django_assert_max_num_queries(count):
        assert len(queries.recommendations(org.pegawai.user, limit=None)) == 17


def test_the_panel_shows_the_top_few_with_an_enrol_button(org, courses, django_assert_max_num_queries):
    request = RequestFactory().get("/")
    request.user = org.pegawai.user
    recommendations_panel(request)  # the catalogue's address and the user's frame are kept
    with django_assert_max_num_queries(5):
        context = recommendations_panel(request)
    assert titles(context["recommendations"]) == ["Kursus Komunikasi", "Kursus Kinerja"]
    request.user = org.rekan.user
    assert recommendations_panel(request) is None  # no gap, no panel


def test_the_home_page_shows_the_panel_and_its_enrol_works(org, courses, login):
    client = login(org.pegawai)
    body = client.get("/", follow=True).content.decode()
    assert "Rekomendasi untuk Anda" in body
    enrol = reverse("kompetensi:enrol", args=[courses.komunikasi_session.pk])
    assert enrol in body
    client.post(enrol, {"next": "/"})
    assert Enrolment.objects.filter(pegawai=org.pegawai, session=courses.komunikasi_session).exists()


def _catalogue_titles(client, catalog, query="celah=1"):
    response = client.get(f"{catalog.url}?{query}")
    assert response.status_code == 200
    return [course.title for course in response.context["courses"]]


def test_the_catalogue_filter_lists_courses_that_fit_largest_gap_first(org, courses, login):
    client = login(org.pegawai)
    assert _catalogue_titles(client, courses.catalog) == ["Kursus Komunikasi", "Kursus Kinerja"]
    body = client.get(f"{courses.catalog.url}?celah=1").content.decode()
    assert "Menutup kesenjangan Anda 2 level" in body
    assert len(_catalogue_titles(client, courses.catalog, "")) == 5  # without the filter: every course


@override_settings(CACHES=LOCMEM)
def test_the_personal_filter_is_never_served_from_a_shared_cache(org, courses, login):
    """The course cards are cached fragments shared by everyone; what fits is worked out per person."""
    first = login(org.pegawai)
    assert _catalogue_titles(first, courses.catalog) == ["Kursus Komunikasi", "Kursus Kinerja"]
    other = login(org.rekan)
    assert _catalogue_titles(other, courses.catalog) == []
    body = other.get(f"{courses.catalog.url}?celah=1").content.decode()
    assert "Menutup kesenjangan" not in body
    assert _catalogue_titles(login(org.pegawai), courses.catalog) == ["Kursus Komunikasi", "Kursus Kinerja"]


def test_the_catalogue_filter_costs_the_same_for_more_courses(org, courses, login, django_assert_max_num_queries):
    client = login(org.pegawai)
    client.get(f"{courses.catalog.url}?celah=1")
    with django_assert_max_num_queries(60) as few:
        client.get(f"{courses.catalog.url}?celah=1")
    count = len(few.captured_queries)
    for n in range(8):
        course = make_course(courses.catalog, f"Kursus Tambahan {n}")
        target(course, code="M.03", level=3)
        make_session(course)
    client.get(f"{courses.catalog.url}?celah=1")  # new cards are rendered once, then kept
    with django_assert_max_num_queries(count):
        assert len(_catalogue_titles(client, courses.catalog)) == 10
