"""Reads shared by the pages, views and API, scoped to the user, with joins and prefetches done once so every
list costs the same few queries however many courses, sessions and enrolments there are."""

from .approvals import is_approver, pending_approvals, pending_count, pending_external, pending_querysets
from .catalogue import (
    FACETS_TTL,
    CatalogueFilters,
    catalogue_courses,
    catalogue_facets,
    course_sessions,
    facets_cache_key,
    gap_filter_available,
    my_active_enrolments,
    open_seat_sessions,
    register_gap_filter,
    session_for_user_or_none,
    sessions_open_from_other_instansi,
    sessions_user_may_join,
)
from .compliance import BelowTarget, compliance, compliance_by_unit, jp_targets, tz_of
from .learning import (
    jp_entries,
    jp_summary,
    my_enrolments,
    my_external_learning,
    recent_training,
    target_for,
    upcoming_for,
)
from .organiser import evaluation_results, managed_courses, managed_sessions, session_participants

__all__ = [
    "recent_training",
    "pending_approvals",
    "pending_count",
    "pending_querysets",
    "pending_external",
    "is_approver",
    "register_gap_filter",
    "gap_filter_available",
    "CatalogueFilters",
    "open_seat_sessions",
    "catalogue_courses",
    "facets_cache_key",
    "catalogue_facets",
    "my_active_enrolments",
    "sessions_open_from_other_instansi",
    "course_sessions",
    "sessions_user_may_join",
    "session_for_user_or_none",
    "FACETS_TTL",
    "BelowTarget",
    "compliance",
    "compliance_by_unit",
    "jp_targets",
    "tz_of",
    "my_enrolments",
    "target_for",
    "jp_summary",
    "jp_entries",
    "my_external_learning",
    "upcoming_for",
    "managed_sessions",
    "managed_courses",
    "session_participants",
    "evaluation_results",
]
