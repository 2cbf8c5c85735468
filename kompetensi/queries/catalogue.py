"""The catalogue: courses with their open sessions and facets, the 'fits my gaps' hook."""

from dataclasses import astuple, dataclass, replace
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from home.models.privacy import privacy_context
from portal import frame
from portal.frame_fragments import shared_key
from portal.permissions import is_superadmin
from portal.registry import Registry
from portal.scoping import pegawai_of

from .. import rules
from ..models import (
    BentukPengembangan,
    CourseCompetency,
    CoursePage,
    Enrolment,
    TrainingSession,
)

S = Enrolment.Status


# "fits my gaps": the competency module registers a function (user, queryset) -> queryset here. Until then
# the catalogue does not offer the filter. The function may annotate `gap_fit` (how large a gap of the user's the
# course closes): the catalogue then lists the largest first. It is personal: never part of a cached fragment.
gap_filters = Registry("catalogue gap filter")


def register_gap_filter(function):
    gap_filters.add("gaps", function)
    return function


def gap_filter_available():
    return "gaps" in gap_filters


@dataclass
class CatalogueFilters:
    q: str = ""
    bentuk: str = ""
    competency: str = ""
    provider: str = ""
    month: str = ""  # YYYY-MM
    open_seats: bool = False
    gaps: bool = False
    kind: str = ""  # a session type (TrainingSession.Kind): courses with a session of that type

    @classmethod
    def from_querydict(cls, data):
        month = data.get("bulan", "")
        if month and not _parse_month(month):
            month = ""
        return cls(
            q=data.get("q", "").strip()[:100],
            bentuk=data.get("bentuk", "")[:60],
            competency=data.get("kompetensi", "")[:200],
            provider=data.get("penyelenggara", "")[:200],
            month=month,
            open_seats=data.get("kursi") == "1",
            gaps=data.get("celah") == "1",
            kind=data.get("jenis", "") if data.get("jenis", "") in TrainingSession.Kind.values else "",
        )


def _parse_month(value):
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        return None


def _month_bounds(value, tz):
    first = _parse_month(value)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return (
        datetime.combine(first, datetime.min.time(), tzinfo=tz),
        datetime.combine(following, datetime.min.time(), tzinfo=tz),
    )


def open_seat_sessions(now):
    return TrainingSession.objects.filter(
        seats_taken__lt=F("capacity"), enrol_opens_at__lte=now, enrol_closes_at__gt=now
    )


def _month_sessions(filters):
    start, end = _month_bounds(filters.month, timezone.get_current_timezone())
    return TrainingSession.objects.filter(start_at__gte=start, start_at__lt=end)


def filter_courses(courses, user, filters, now, searched=None):
    """The courses matching the catalogue's filters; `searched` is where the keyword is looked up (by default
    every live course)."""
    if filters.q:
        searched = searched if searched is not None else CoursePage.objects.live()
        found = searched.search(filters.q, operator="and")
        courses = courses.filter(pk__in=[page.pk for page in found[:500]])
    if filters.bentuk:
        courses = courses.filter(bentuk__code=filters.bentuk)
    if filters.competency:
        courses = courses.filter(
            Exists(CourseCompetency.objects.filter(course_id=OuterRef("pk"), name=filters.competency))
        )
    if filters.provider:
        courses = courses.filter(provider=filters.provider)
    if filters.month:
        courses = courses.filter(Exists(_month_sessions(filters).filter(course_id=OuterRef("pk"))))
    if filters.open_seats:
        courses = courses.filter(Exists(open_seat_sessions(now).filter(course_id=OuterRef("pk"))))
    if filters.kind:
        courses = courses.filter(Exists(TrainingSession.objects.filter(course_id=OuterRef("pk"), kind=filters.kind)))
    if filters.gaps and gap_filter_available():
        courses = gap_filters.get("gaps")(user, courses)
    return courses


def catalogue_courses(user, catalog, filters, now=None):
    """The catalogue's courses the user may see, filtered, soonest session first. Sessions still to come are
    prefetched as `upcoming_sessions`; the competencies are read with the cards not cached yet
    (kompetensi.fragments)."""
    now = now or timezone.now()
    # the rich-text body is shown on the course page only
    courses = CoursePage.visible_to(user).child_of(catalog).select_related("bentuk").defer("description", "objectives")
    courses = filter_courses(courses, user, filters, now, searched=CoursePage.objects.live().child_of(catalog))
    next_start = (
        TrainingSession.objects.filter(course_id=OuterRef("pk"), start_at__gte=now)
        .order_by("start_at")
        .values("start_at")[:1]
    )
    ordering = [F("next_start").asc(nulls_last=True), "title", "pk"]
    if "gap_fit" in courses.query.annotations:
        ordering.insert(0, F("gap_fit").desc(nulls_last=True))
    return (
        courses.annotate(next_start=Subquery(next_start)).order_by(*ordering).prefetch_related(_upcoming_sessions(now))
    )


# --- the listing kept a minute ------------------------------------------------------------------------------------
# Which courses a catalogue lists, and in what order, is the same for everyone who may see the same pages: the ids
# are kept LISTING_TTL seconds under a key of the catalogue, the filters, the viewer's privacy class, the content
# token (publishing) and the sessions token (a session added, edited or deleted). What is left to time (a session
# starting, a window closing, the last seat taken under "Masih ada kursi") shows within that minute; each card's
# seats, window and the viewer's own status are read on every request.
LISTING_TTL = 60
_SESSIONS_TOKEN = "kompetensi:sessions-token"


def forget_listings():
    frame.draw(_SESSIONS_TOKEN)


def _listing_key(user, kind, *parts):
    privacy = (getattr(user, "is_superuser", False), privacy_context(user).key)
    return shared_key(user, kind, frame.token(_SESSIONS_TOKEN), privacy, *parts)


def _kept_ids(key, queryset):
    ids = cache.get(key)
    if ids is None:
        ids = list(queryset.values_list("pk", flat=True))
        cache.set(key, ids, LISTING_TTL)
    return ids


def catalogue_listing(user, catalog, filters, now=None):
    """The ids of `catalogue_courses`, in order, kept for a minute; None when the filters are personal ("fits my
    gaps"), which the caller then reads itself."""
    if filters.gaps:
        return None
    key = _listing_key(user, "catalogue-ids", catalog.pk, astuple(filters))
    return _kept_ids(key, catalogue_courses(user, catalog, filters, now))


def courses_in_order(ids, now=None):
    """The courses of these ids, in this order, with their sessions still to come as `upcoming_sessions`: what a
    catalogue card shows (two queries)."""
    now = now or timezone.now()
    courses = (
        CoursePage.objects.filter(pk__in=ids)
        .select_related("bentuk")
        .defer("description", "objectives")
        .prefetch_related(_upcoming_sessions(now))
    )
    by_pk = {course.pk: course for course in courses}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _upcoming_sessions(now):
    return Prefetch(
        "sessions",
        queryset=TrainingSession.objects.filter(end_at__gte=now).select_related("instansi").order_by("start_at", "pk"),
        to_attr="upcoming_sessions",
    )


def facets_cache_key(catalog_id):
    return f"kompetensi:facets:{catalog_id}"


def catalogue_facets(catalog):
    """Choices for the catalogue's filters, cached per catalogue (dropped when one of its courses is published or
    unpublished): they change with the catalogue, not with every request."""
    key = facets_cache_key(catalog.pk)
    facets = cache.get(key)
    if facets is None:
        facets = _catalogue_facets(catalog)
        cache.set(key, facets, FACETS_TTL)
    return facets


FACETS_TTL = 15 * 60


def _catalogue_facets(catalog):
    children = CoursePage.objects.live().child_of(catalog)
    return {
        "bentuk": list(BentukPengembangan.objects.filter(courses__in=children).distinct().order_by("order")),
        "providers": list(children.order_by("provider").values_list("provider", flat=True).distinct()),
        "competencies": list(
            CourseCompetency.objects.filter(course__in=children)
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()
        ),
    }


def my_active_enrolments(user, session_ids):
    """{session_id: enrolment} of the user's own live enrolments among these sessions; a waitlisted one carries
    `waitlist_position`, its place in the queue the seats are given from. One query, and a second only when one of
    them is waitlisted (most are not, and the position's subquery costs more to build than the rest of the page's)."""
    me = pegawai_of(user)
    if me is None or not session_ids:
        return {}
    mine = {
        e.session_id: e
        for e in Enrolment.objects.filter(pegawai=me, session_id__in=session_ids).exclude(
            status__in=rules.CLOSED_STATES
        )
    }
    waiting = [e for e in mine.values() if e.status == S.WAITLISTED]
    for e in waiting:
        e.waitlist_position = None
    if waiting:
        ahead = Enrolment.objects.filter(session_id=OuterRef("session_id"), status=S.WAITLISTED).filter(
            Q(status_changed_at__lt=OuterRef("status_changed_at"))
            | Q(status_changed_at=OuterRef("status_changed_at"), pk__lte=OuterRef("pk"))
        )
        positions = Enrolment.objects.filter(pk__in=[e.pk for e in waiting]).annotate(
            position=Subquery(
                ahead.order_by().values("session_id").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            )
        )
        for session_id, position in positions.values_list("session_id", "position"):
            mine[session_id].waitlist_position = position
    return mine


def sessions_open_from_other_instansi(user, now=None, limit=10, filters=None):
    """Sessions of other instansi open to the user's, filtered like the catalogue's courses when `filters` are
    given (the course filters on their course, month and open seats on the session itself). Which ones is kept a
    minute like the catalogue's listing, unless the filters are personal."""
    now = now or timezone.now()
    me = pegawai_of(user)
    qs = TrainingSession.objects.filter(
        open_to_other_instansi=True, enrol_closes_at__gt=now, start_at__gt=now, course__live=True
    ).order_by("start_at", "pk")
    if me is not None:
        qs = qs.exclude(instansi_id=me.instansi_id)
    if filters is not None:
        course_filters = replace(filters, month="", open_seats=False)
        qs = qs.filter(course__in=filter_courses(CoursePage.objects.live(), user, course_filters, now).values("pk"))
        if filters.month:
            qs = qs.filter(pk__in=_month_sessions(filters).values("pk"))
        if filters.open_seats:
            qs = qs.filter(pk__in=open_seat_sessions(now).values("pk"))
    qs = qs[:limit]
    if filters is not None and filters.gaps:
        return list(qs.select_related("course", "instansi"))
    key = _listing_key(user, "other-instansi-ids", me and me.instansi_id, limit, filters and astuple(filters))
    ids = _kept_ids(key, qs)
    by_pk = TrainingSession.objects.select_related("course", "instansi").in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def course_sessions(course, now=None):
    """Sessions of a course: the ones to come first, then the three most recent past ones."""
    now = now or timezone.now()
    base = TrainingSession.objects.filter(course=course).select_related("instansi", "organiser")
    upcoming = list(base.filter(end_at__gte=now).order_by("start_at", "pk"))
    past = list(base.filter(end_at__lt=now).order_by("-start_at")[:3])
    return upcoming, past


def sessions_user_may_join(user, now=None):
    """Open sessions (window open, not started) of the user's instansi or open to every instansi."""
    now = now or timezone.now()
    me = pegawai_of(user)
    qs = TrainingSession.objects.filter(enrol_closes_at__gt=now, start_at__gt=now, course__live=True)
    if not is_superadmin(user):
        if me is None:
            return qs.none()
        qs = qs.filter(Q(instansi_id=me.instansi_id) | Q(open_to_other_instansi=True))
    return qs.select_related("course__bentuk", "instansi").order_by("start_at", "pk")


def session_for_user_or_none(user, session_id):
    """A session the user may see (own instansi, open to all, or superuser), else None."""
    me = pegawai_of(user)
    qs = TrainingSession.objects.select_related("course", "instansi").filter(pk=session_id)
    if not is_superadmin(user):
        if me is None:
            return None
        qs = qs.filter(Q(instansi_id=me.instansi_id) | Q(open_to_other_instansi=True))
    return qs.first()
