"""The import job's state machine, on the platform's helper: every status change is checked against this table,
recorded (who, when, why) and written to the audit log."""

from ..models import ImportJob, ImportJobTransition
from ..state_machine import StateMachine

S = ImportJob.Status

IMPORT_JOB = StateMachine(
    name="lentera.import.job",
    transitions={
        "": {S.PREVIEWED, S.PREVIEWING},
        S.PREVIEWED: {S.PREVIEWING, S.QUEUED, S.CANCELLED},  # a big upload's preview runs in the background
        S.PREVIEWING: {S.PREVIEWED, S.FAILED},
        S.QUEUED: {S.RUNNING, S.FAILED},
        S.RUNNING: {S.DONE, S.FAILED},
        S.FAILED: {S.PREVIEWING, S.QUEUED, S.CANCELLED},  # retry (preview or run again) or give up
        S.DONE: set(),
        S.CANCELLED: set(),
    },
    history_model=ImportJobTransition,
    subject_field="job",
    changed_at_field="status_changed_at",
    labels=S,
)
