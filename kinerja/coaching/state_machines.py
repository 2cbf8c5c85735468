"""The coaching plan's state machine on the platform's helper."""

from portal.state_machine import StateMachine

from . import rules
from .models import CoachingPlan, CoachingTransition

PLAN = StateMachine(
    name="kinerja.coaching",
    transitions=rules.TRANSITIONS,
    history_model=CoachingTransition,
    subject_field="plan",
    changed_at_field="status_changed_at",
    labels=CoachingPlan.Status,
)
