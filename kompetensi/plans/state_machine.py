"""The plan's state machine on the platform's helper: the table lives in `rules` (pure data)."""

from portal.state_machine import StateMachine

from ..models import DevelopmentPlan, PlanTransition
from . import rules

PLAN = StateMachine(
    name="kompetensi.plan",
    transitions=rules.PLAN_TRANSITIONS,
    history_model=PlanTransition,
    subject_field="plan",
    changed_at_field="status_changed_at",
    labels=DevelopmentPlan.Status,
)
