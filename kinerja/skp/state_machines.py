"""The SKP's state machine on the platform's helper."""

from portal.state_machine import StateMachine

from . import rules
from .models import Skp, SkpTransition

SKP = StateMachine(
    name="kinerja.skp",
    transitions=rules.SKP_TRANSITIONS,
    history_model=SkpTransition,
    subject_field="skp",
    changed_at_field="status_changed_at",
    labels=Skp.Status,
)
