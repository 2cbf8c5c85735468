"""The career decision's state machine on the platform's helper."""

from portal.state_machine import StateMachine

from . import rules
from .models import CareerDecision, DecisionTransition

DECISION = StateMachine(
    name="kinerja.decision",
    transitions=rules.TRANSITIONS,
    history_model=DecisionTransition,
    subject_field="decision",
    changed_at_field="status_changed_at",
    labels=CareerDecision.Status,
)
