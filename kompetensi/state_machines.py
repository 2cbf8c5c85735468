"""The training module's state machines, on the platform's helper: the transition tables live in `rules` (pure
data), the machines bind them to their models and history tables."""

from portal.state_machine import StateMachine

from . import rules
from .models import Enrolment, EnrolmentTransition, ExternalLearning, ExternalLearningTransition

ENROLMENT = StateMachine(
    name="kompetensi.enrolment",
    transitions=rules.ENROLMENT_TRANSITIONS,
    history_model=EnrolmentTransition,
    subject_field="enrolment",
    changed_at_field="status_changed_at",
    labels=Enrolment.Status,
)

EXTERNAL_LEARNING = StateMachine(
    name="kompetensi.external",
    transitions=rules.EXTERNAL_LEARNING_TRANSITIONS,
    history_model=ExternalLearningTransition,
    subject_field="external",
    labels=ExternalLearning.Status,
)
