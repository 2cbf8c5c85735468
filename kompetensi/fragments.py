"""The cached fragments of the catalogue and course pages (portal.frame_fragments): a course card's shared part,
keyed by the course's revision, and a session's "which, when, where", keyed by the fields it shows. What a viewer
may do (enrol, their own status, the CSRF token) and the seats left are never in a fragment."""

from django.db.models import Prefetch, prefetch_related_objects

from portal.frame_fragments import key_of, render_many, shared_key

from .models import CourseCompetency

CARD_TEMPLATE = "kompetensi/includes/course_card_head.html"
SESSION_TEMPLATE = "kompetensi/includes/session_info.html"


def card_key(request, course):
    # publishing draws a new content token too; the revision and url path name the version in the key itself, the
    # host the site its links are relative to, and the form's name is a reference table's, which no publish touches
    return shared_key(
        request.user,
        "course-card",
        request.get_host(),
        course.pk,
        course.latest_revision_id,
        course.last_published_at,
        course.url_path,
        course.bentuk_id and course.bentuk.name,
    )


def _prefetch_competencies(courses):
    prefetch_related_objects(
        courses, Prefetch("competencies", queryset=CourseCompetency.objects.order_by("sort_order", "pk"))
    )


def course_cards(request, courses):
    """{course pk: the card's shared html}, one cache round trip; the competencies are read for the missing only."""
    keys = {course.pk: card_key(request, course) for course in courses}
    html = render_many(
        CARD_TEMPLATE,
        courses,
        key=lambda course: keys[course.pk],
        context=lambda course: {"course": course, "request": request},
        prepare=_prefetch_competencies,
    )
    return {pk: html[key] for pk, key in keys.items()}


def session_key(session, show_course):
    instansi = session.instansi
    return key_of(
        "session-info",
        session.pk,
        session.name,
        session.kind,
        session.start_at,
        session.end_at,
        session.place,
        bool(session.online_url),
        instansi.name,
        instansi.time_zone,
        session.course.title if show_course else None,
    )


def session_infos(sessions, show_course=False):
    """{(session pk, show_course): the line's shared html}, one cache round trip (the `session_info` tag's
    `session_infos` in the page's context)."""
    sessions = list(sessions)
    keys = {session.pk: session_key(session, show_course) for session in sessions}
    html = render_many(
        SESSION_TEMPLATE,
        sessions,
        key=lambda session: keys[session.pk],
        context=lambda session: {"s": session, "show_course": show_course},
    )
    return {(pk, show_course): html[key] for pk, key in keys.items()}
