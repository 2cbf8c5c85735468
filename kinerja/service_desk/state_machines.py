"""The service request's state machine on the platform's helper."""

from portal.state_machine import StateMachine

from . import rules
from .models import RequestTransition, ServiceRequest

REQUEST = StateMachine(
    name="kinerja.service_request",
    transitions=rules.TRANSITIONS,
    history_model=RequestTransition,
    subject_field="request",
    changed_at_field="status_changed_at",
    labels=ServiceRequest.Status,
)
