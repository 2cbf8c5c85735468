"""Reads shared by the pages, views and API, scoped to the user, with joins and prefetches done once so every
list costs the same few queries however many courses, sessions and enrolments there are."""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal import roles
from portal.models import Pegawai
from portal.scoping import has_role, instansi_q, pegawai_of, visible_pegawai

from . import rules
from .models import (
    BentukPengembangan,
    CourseCompetency,
    CoursePage,
    Enrolment,
    EvaluationQuestion,
    ExternalLearning,
    JPEntry,
    TargetJP,
    TrainingSession,
)

S = Enrolment.Status

# "fits my gaps": the competency module registers a function (user, queryset) -> queryset here. Until then
# the catalogue does not offer the filter.
_gap_filter = None


def register_gap_filter(function):
    global _gap_filter
    _gap_filter = function
    return function


def gap_filter_available():
    return _gap_filter is not None


@dataclass
class CatalogueFilters:
    q: str = ""
    bentuk: str = ""
    competency: str = ""
    provider: str = ""
    month: str = ""  # YYYY-MM
    open_seats: bool = False
    gaps: bool = False

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


def catalogue_courses(user, catalog, filters, now=None):
    """The catalogue's courses the user may see, filtered, soonest session first. Sessions still to come are
    prefetched as `upcoming_sessions`."""
    now = now or timezone.now()
    # the rich-text body is shown on the course page only
    courses = CoursePage.visible_to(user).child_of(catalog).select_related("bentuk").defer("description", "objectives")
    if filters.q:
        found = CoursePage.objects.live().child_of(catalog).search(filters.q, operator="and")
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
        start, end = _month_bounds(filters.month, timezone.get_current_timezone())
        courses = courses.filter(
            Exists(TrainingSession.objects.filter(course_id=OuterRef("pk"), start_at__gte=start, start_at__lt=end))
        )
    if filters.open_seats:
        courses = courses.filter(Exists(open_seat_sessions(now).filter(course_id=OuterRef("pk"))))
    if filters.gaps and _gap_filter is not None:
        courses = _gap_filter(user, courses)
    next_start = (
        TrainingSession.objects.filter(course_id=OuterRef("pk"), start_at__gte=now)
        .order_by("start_at")
        .values("start_at")[:1]
    )
    return (
        courses.annotate(next_start=Subquery(next_start))
        .order_by(F("next_start").asc(nulls_last=True), "title", "pk")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=TrainingSession.objects.filter(end_at__gte=now).order_by("start_at", "pk"),
                to_attr="upcoming_sessions",
            ),
            Prefetch("competencies", queryset=CourseCompetency.objects.order_by("sort_order", "pk")),
        )
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
    """{session_id: enrolment} of the user's own live enrolments among these sessions (one query)."""
    me = pegawai_of(user)
    if me is None or not session_ids:
        return {}
    return {
        e.session_id: e
        for e in Enrolment.objects.filter(pegawai=me, session_id__in=session_ids).exclude(
            status__in=rules.CLOSED_STATES
        )
    }


def sessions_open_from_other_instansi(user, now=None, limit=10):
    now = now or timezone.now()
    me = pegawai_of(user)
    qs = (
        TrainingSession.objects.filter(
            open_to_other_instansi=True, enrol_closes_at__gt=now, start_at__gt=now, course__live=True
        )
        .select_related("course", "instansi")
        .order_by("start_at", "pk")
    )
    if me is not None:
        qs = qs.exclude(instansi_id=me.instansi_id)
    return list(qs[:limit])


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
    if not getattr(user, "is_superuser", False):
        if me is None:
            return qs.none()
        qs = qs.filter(Q(instansi_id=me.instansi_id) | Q(open_to_other_instansi=True))
    return qs.select_related("course__bentuk", "instansi").order_by("start_at", "pk")


def session_for_user_or_none(user, session_id):
    """A session the user may see (own instansi, open to all, or superuser), else None."""
    me = pegawai_of(user)
    qs = TrainingSession.objects.select_related("course", "instansi").filter(pk=session_id)
    if not getattr(user, "is_superuser", False):
        if me is None:
            return None
        qs = qs.filter(Q(instansi_id=me.instansi_id) | Q(open_to_other_instansi=True))
    return qs.first()


# --- my learning -----------------------------------------------------------------------------------------------


def my_enrolments(user):
    me = pegawai_of(user)
    if me is None:
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(pegawai=me)
        .select_related("session__course", "session__instansi", "certificate", "evaluation")
        .order_by("-session__start_at", "-pk")
    )


def target_for(pegawai):
    if pegawai.status == Pegawai.Status.PPPK:
        return pegawai.instansi.jp_target_pppk
    return pns_target(pegawai.instansi_id)


def pns_target(instansi_id):
    rows = {row.instansi_id: row.target for row in TargetJP.objects.filter(status="PNS")}
    return rows.get(instansi_id, rows.get(None, rules.PNS_DEFAULT_TARGET))


def jp_summary(pegawai, year):
    jp = JPEntry.objects.filter(pegawai=pegawai, year=year).aggregate(total=Sum("jp"))["total"] or 0
    target = target_for(pegawai)
    return {
        "year": year,
        "jp": jp,
        "target": target,
        "percent": rules.progress_percent(jp, target),
        "remaining": max(0, target - jp),
    }


def jp_entries(pegawai, year):
    return JPEntry.objects.filter(pegawai=pegawai, year=year).order_by("-day", "-pk")


def my_external_learning(user):
    me = pegawai_of(user)
    return ExternalLearning.objects.filter(pegawai=me).select_related("bentuk").order_by("-submitted_at", "-pk")


def upcoming_for(pegawai, now=None, limit=3):
    now = now or timezone.now()
    return list(
        Enrolment.objects.filter(pegawai=pegawai, status__in=[S.CONFIRMED, S.WAITLISTED, S.PENDING_APPROVAL])
        .filter(session__end_at__gte=now)
        .select_related("session__course", "session__instansi")
        .order_by("session__start_at")[:limit]
    )


# --- approvals -------------------------------------------------------------------------------------------------


def _approvable_pegawai_q(user, path):
    """Rows whose employee the user decides for: direct reports; HR: everyone of the instansi."""
    if getattr(user, "is_superuser", False):
        return Q()
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])
    q = Q(**{f"{path}__atasan_id": me.pk})
    if has_role(user, roles.ADMIN_SDM):
        q |= Q(**{f"{path}__instansi_id": me.instansi_id})
    return q & ~Q(**{f"{path}__user_id": user.pk})


def pending_approvals(user):
    return (
        Enrolment.objects.filter(_approvable_pegawai_q(user, "pegawai"), status=S.PENDING_APPROVAL)
        .select_related("pegawai__unit", "pegawai__jabatan", "session__course", "session__instansi")
        .order_by("requested_at", "pk")
    )


def pending_external(user):
    return (
        ExternalLearning.objects.filter(
            _approvable_pegawai_q(user, "pegawai"), status=ExternalLearning.Status.SUBMITTED
        )
        .select_related("pegawai__unit", "bentuk")
        .order_by("submitted_at", "pk")
    )


def is_approver(user):
    me = pegawai_of(user)
    return (
        getattr(user, "is_superuser", False)
        or has_role(user, roles.ATASAN, roles.ADMIN_SDM)
        or (me is not None and me.has_reports)
    )


# --- organisers ------------------------------------------------------------------------------------------------


def managed_sessions(user, now=None):
    """Running and coming sessions first (soonest first), then finished ones (latest first)."""
    now = now or timezone.now()
    qs = TrainingSession.objects.filter(instansi_q(user, "instansi"))
    return (
        qs.select_related("course", "instansi")
        .annotate(
            waitlist=Count("enrolments", filter=Q(enrolments__status=S.WAITLISTED)),
            pending=Count("enrolments", filter=Q(enrolments__status=S.PENDING_APPROVAL)),
            finished=Case(When(end_at__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()),
        )
        .order_by(
            "finished",
            Case(When(end_at__gte=now, then=F("start_at"))).asc(nulls_last=True),
            F("start_at").desc(),
            "-pk",
        )
    )


def managed_courses(user):
    return CoursePage.objects.filter(instansi_q(user, "instansi")).order_by("title")


def session_participants(session):
    return (
        Enrolment.objects.filter(session=session)
        .select_related("pegawai__unit", "pegawai__jabatan", "certificate")
        .order_by(
            Case(
                When(status__in=rules.SEAT_STATES, then=Value(0)),
                When(status=S.WAITLISTED, then=Value(1)),
                When(status=S.PENDING_APPROVAL, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            ),
            "status_changed_at",
            "pk",
        )
    )


def evaluation_results(session):
    """Average rating per question and the comments of one session."""
    from .models import EvaluationResponse

    questions = list(EvaluationQuestion.objects.filter(is_active=True))
    responses = list(EvaluationResponse.objects.filter(enrolment__session=session).order_by("submitted_at"))
    rows = []
    for question in questions:
        ratings = [r.answers.get(str(question.pk)) for r in responses if r.answers.get(str(question.pk))]
        rows.append(
            {
                "question": question,
                "average": round(sum(ratings) / len(ratings), 2) if ratings else None,
                "count": len(ratings),
            }
        )
    return {"rows": rows, "responses": len(responses), "comments": [r.comment for r in responses if r.comment]}


# --- HR compliance ---------------------------------------------------------------------------------------------


def compliance(user, year, unit_id=None, below_only=True):
    """Active employees the user may see with their JP for the year and their target."""
    jp = (
        JPEntry.objects.filter(pegawai_id=OuterRef("pk"), year=year)
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum("jp"))
        .values("total")
    )
    people = (
        visible_pegawai(user)
        .filter(is_active=True)
        .annotate(
            jp=Coalesce(Subquery(jp, output_field=IntegerField()), 0),
            target=Case(
                When(status=Pegawai.Status.PPPK, then=F("instansi__jp_target_pppk")),
                default=Value(_pns_target_for_user(user)),
                output_field=IntegerField(),
            ),
        )
        .select_related("unit", "instansi")
    )
    people = people.annotate(shortfall=F("target") - F("jp"))
    if unit_id:
        people = people.filter(unit_id=unit_id)
    if below_only:
        people = people.filter(jp__lt=F("target"))
    return people.order_by("unit__name", "nama", "pk")


def _pns_target_for_user(user):
    me = pegawai_of(user)
    return pns_target(me.instansi_id if me else None)


def compliance_by_unit(user, year):
    rows = (
        compliance(user, year, below_only=False)
        .order_by()
        .values("unit_id", "unit__name")
        .annotate(total=Count("pk"), below=Count("pk", filter=Q(jp__lt=F("target"))))
        .order_by("unit__name")
    )
    return [
        {
            **row,
            "compliant": row["total"] - row["below"],
            "percent": rules.progress_percent(row["total"] - row["below"], row["total"]),
        }
        for row in rows
    ]


def tz_of(session):
    return zoneinfo.ZoneInfo(session.instansi.time_zone)
