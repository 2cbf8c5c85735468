"""Every state change of the training module: one function per use case, in a transaction, checking who may
do it and whether the state allows it, recording the transition and the audit log, and telling the people
concerned (portal notifications, emailed by Celery after commit). One module per concern."""

from .editors import ensure_catalogue_editors
from .enrolment import (
    approve,
    cancel,
    enrol,
    enrol_unit,
    enrolment_refusal,
    reject,
)
from .ledger import (
    approve_external_learning,
    reject_external_learning,
    rule_for,
    rule_for_code,
    submit_external_learning,
    suggested_jp,
    with_suggested_jp,
)
from .reminders import send_session_reminders
from .running import (
    check_in,
    completion_jp,
    mark_attendance,
    record_results,
    revoke_certificate,
    session_days,
    submit_evaluation,
)
from .session_time import format_time, local_time, my_learning_url
from .sessions import add_material, remove_material, save_session

__all__ = [
    "local_time",
    "ensure_catalogue_editors",
    "enrolment_refusal",
    "enrol",
    "enrol_unit",
    "approve",
    "reject",
    "cancel",
    "rule_for",
    "rule_for_code",
    "suggested_jp",
    "with_suggested_jp",
    "submit_external_learning",
    "approve_external_learning",
    "reject_external_learning",
    "send_session_reminders",
    "session_days",
    "mark_attendance",
    "check_in",
    "completion_jp",
    "record_results",
    "revoke_certificate",
    "submit_evaluation",
    "local_time",
    "format_time",
    "my_learning_url",
    "save_session",
    "add_material",
    "remove_material",
]
