"""The evaluation's and the appeal's state machines on the platform's helper."""

from portal.state_machine import StateMachine

from . import rules
from .models import Appeal, AppealTransition, Evaluation, EvaluationTransition

EVALUATION = StateMachine(
    name="kinerja.evaluation",
    transitions=rules.EVALUATION_TRANSITIONS,
    history_model=EvaluationTransition,
    subject_field="evaluation",
    changed_at_field="status_changed_at",
    labels=Evaluation.Status,
)

APPEAL = StateMachine(
    name="kinerja.appeal",
    transitions=rules.APPEAL_TRANSITIONS,
    history_model=AppealTransition,
    subject_field="appeal",
    changed_at_field="status_changed_at",
    labels=Appeal.Status,
)
