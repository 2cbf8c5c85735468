"""Thin views: parse input, call a query or a service, render. One module per audience."""

from .catalogue import catalogue_context, catalogue_home, course_context
from .employee import (
    calendar_feed,
    calendar_feed_create,
    cancel,
    certificate_pdf,
    certificate_verify,
    checkin,
    enrol,
    evaluation,
    external_new,
    my_learning,
    session_ics,
)
from .hr import compliance
from .organiser import (
    certificate_revoke,
    organiser_sessions,
    session_attendance,
    session_enrol_unit,
    session_form,
    session_manage,
    session_participants_export,
    session_qr,
    session_results,
)
from .supervisor import approvals, decide, decide_external, evidence

__all__ = [
    "catalogue_context",
    "course_context",
    "catalogue_home",
    "enrol",
    "cancel",
    "my_learning",
    "calendar_feed_create",
    "external_new",
    "evaluation",
    "certificate_pdf",
    "certificate_verify",
    "session_ics",
    "calendar_feed",
    "checkin",
    "compliance",
    "organiser_sessions",
    "session_form",
    "session_manage",
    "session_enrol_unit",
    "session_attendance",
    "session_results",
    "session_participants_export",
    "session_qr",
    "certificate_revoke",
    "approvals",
    "decide",
    "decide_external",
    "evidence",
]
