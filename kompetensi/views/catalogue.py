"""Catalogue and course pages (Wagtail pages whose `get_context` calls these)."""

import datetime

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone

from portal.scoping import pegawai_or_404

from .. import fragments, permissions, queries
from ..models import TrainingCatalogPage, TrainingSession
from .helpers import paginate, query_string_without_page

# --- catalogue pages -------------------------------------------------------------------------------------------


def catalogue_context(request, catalog):
    filters = queries.CatalogueFilters.from_querydict(request.GET)
    now = timezone.now()
    ids = queries.catalogue_listing(request.user, catalog, filters, now)
    if ids is None:
        page = paginate(request, queries.catalogue_courses(request.user, catalog, filters, now), 12)
    else:
        page = paginate(request, ids, 12)
        page.object_list = queries.courses_in_order(page.object_list, now)
    other_sessions = queries.sessions_open_from_other_instansi(request.user, now, limit=6, filters=filters)
    session_ids = [s.pk for course in page for s in course.upcoming_sessions] + [s.pk for s in other_sessions]
    today = timezone.localdate()
    months = []
    for offset in range(12):
        month = (today.month - 1 + offset) % 12 + 1
        year = today.year + (today.month - 1 + offset) // 12
        months.append((f"{year:04d}-{month:02d}", datetime.date(year, month, 1)))
    shown_sessions = [s for course in page for s in course.upcoming_sessions[:3]]
    return {
        "courses": page,
        # the shared html of the cards and session lines, each set read in one cache round trip
        "course_cards": fragments.course_cards(request, page),
        "session_infos": {
            **fragments.session_infos(shown_sessions),
            **fragments.session_infos(other_sessions, show_course=True),
        },
        "filters": filters,
        "facets": queries.catalogue_facets(catalog),
        "months": months,
        "gap_filter": queries.gap_filter_available(),
        "session_kinds": TrainingSession.Kind.choices,
        "my_enrolments": queries.my_active_enrolments(request.user, session_ids),
        "other_instansi_sessions": other_sessions,
        "query_string": query_string_without_page(request),
        "now": now,
    }


def course_context(request, course):
    now = timezone.now()
    upcoming, past = queries.course_sessions(course, now)
    prefetch_related_objects(upcoming, "materials")  # a workshop's materials, shown under its session
    return {
        "session_infos": fragments.session_infos(upcoming),
        "catalog": course.get_parent(),
        "upcoming": upcoming,
        "past": past,
        "my_enrolments": queries.my_active_enrolments(request.user, [s.pk for s in upcoming]),
        "prerequisites": list(course.prerequisites.live().order_by("title")),
        "competencies": list(course.competencies.order_by("sort_order", "pk")),
        "can_manage": permissions.can_manage_course(request.user, course),
        "now": now,
    }


def catalogue_home(request):
    """/pelatihan/: the catalogue of the user's own instansi."""
    me = pegawai_or_404(request.user)
    catalog = TrainingCatalogPage.objects.live().filter(instansi_id=me.instansi_id).first()
    if catalog is None:
        raise Http404
    return redirect(catalog.url)
