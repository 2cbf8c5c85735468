"""The one state-machine helper: a transition table per machine, and one call that checks a move, writes the state,
records the history row (who, when, why), logs to Wagtail's audit log and tells whoever must know.

    ENROLMENT = StateMachine(
        name="kompetensi.enrolment",
        transitions={"": {"requested"}, "requested": {"confirmed", ...}, ...},
        history_model=EnrolmentTransition, subject_field="enrolment",
        changed_at_field="status_changed_at", labels=Enrolment.Status,
    )
    ENROLMENT.apply(enrolment, "confirmed", actor=user, reason="...")

Enrolment, external learning claims and import jobs use it; SKP, evaluation, appeal, plan and decision will.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log


@dataclass(frozen=True)
class StateMachine:
    name: str  # the audit-log action prefix: "<name>.<target state>"
    transitions: Mapping[str, Iterable[str]]  # state -> the states it may move to; "" is "not yet created"
    history_model: type | None = None  # a concrete portal.models.TransitionRecord
    subject_field: str = ""  # its foreign key to the object
    state_field: str = "status"
    changed_at_field: str | None = None
    labels: Mapping | type | None = None  # TextChoices (or a mapping) for messages
    on_enter: Mapping[str, Callable] = field(default_factory=dict)  # state -> callback(obj, actor, reason)

    def allowed(self, current: str, target: str) -> bool:
        return target in set(self.transitions.get(current or "", ()))

    def targets(self, current: str) -> set[str]:
        return set(self.transitions.get(current or "", ()))

    def label(self, state: str) -> str:
        if not state:
            return "—"
        if isinstance(self.labels, Mapping):
            return str(self.labels.get(state, state))
        if self.labels is not None:
            try:
                return str(self.labels(state).label)
            except ValueError:
                return state
        return state

    def log_actions(self, title: str):
        """(action, label) of every state this machine moves to, for Wagtail's audit log: `title` names the object
        ("Pendaftaran"), the label reads "Pendaftaran: Disetujui"."""
        states = {target for targets in self.transitions.values() for target in targets}
        return [(f"{self.name}.{state}", f"{title}: {self.label(state)}") for state in sorted(states)]

    def check(self, obj, target: str) -> None:
        current = getattr(obj, self.state_field) or ""
        if not self.allowed(current, target):
            raise ValidationError(
                _("Status tidak dapat diubah dari '%(from)s' menjadi '%(to)s'.")
                % {"from": self.label(current), "to": self.label(target)}
            )

    def record(self, obj, from_state: str, to_state: str, *, actor=None, reason: str = "", history=None):
        """An unsaved history row (for a caller that writes several at once with bulk_create); `history` holds the
        values of the machine's own extra history columns (e.g. on whose behalf an acting official moved it)."""
        if self.history_model is None:
            return None
        return self.history_model(
            **{self.subject_field: obj},
            from_status=from_state or "",
            to_status=to_state,
            actor=actor if getattr(actor, "pk", None) else None,
            reason=(reason or "")[:300],
            **(history or {}),
        )

    def apply(
        self, obj, target: str, *, actor=None, reason: str = "", data: dict | None = None, extra_fields=(), history=None
    ):
        """Move `obj` to `target` (the caller holds the row lock and the transaction), or raise ValidationError."""
        self.check(obj, target)
        previous = getattr(obj, self.state_field) or ""
        setattr(obj, self.state_field, target)
        fields = [self.state_field, *extra_fields]
        if self.changed_at_field:
            setattr(obj, self.changed_at_field, timezone.now())
            fields.append(self.changed_at_field)
        obj.save(update_fields=fields)
        row = self.record(obj, previous, target, actor=actor, reason=reason, history=history)
        if row is not None:
            row.save()
        self.log(obj, target, actor=actor, previous=previous, reason=reason, data=data)
        callback = self.on_enter.get(target)
        if callback is not None:
            callback(obj, actor, reason)
        return obj

    def apply_if(self, obj, target: str, *, expected, actor=None, reason: str = "", data: dict | None = None, **values):
        """Move `obj` to `target` only if its row is still in one of the `expected` states, by one conditional
        UPDATE (for work that two processes may race for, such as a worker and a sweep); returns whether it moved.
        `values` are other fields written in the same UPDATE."""
        sources = [state for state in expected if self.allowed(state, target)]
        if not sources:
            raise ValidationError(
                _("Status tidak dapat diubah dari '%(from)s' menjadi '%(to)s'.")
                % {"from": ", ".join(self.label(state) for state in expected), "to": self.label(target)}
            )
        if self.changed_at_field and self.changed_at_field not in values:
            values[self.changed_at_field] = timezone.now()
        moved = (
            type(obj)
            ._default_manager.filter(pk=obj.pk, **{f"{self.state_field}__in": sources})
            .update(**{self.state_field: target}, **values)
        )
        if not moved:
            return False
        previous = sources[0] if len(sources) == 1 else getattr(obj, self.state_field)
        setattr(obj, self.state_field, target)
        for name, value in values.items():
            setattr(obj, name, value)
        row = self.record(obj, previous, target, actor=actor, reason=reason)
        if row is not None:
            row.save()
        self.log(obj, target, actor=actor, previous=previous, reason=reason, data=data)
        return True

    def log(self, obj, target: str, *, actor=None, previous: str = "", reason: str = "", data: dict | None = None):
        log(
            obj,
            f"{self.name}.{target}",
            user=actor if getattr(actor, "pk", None) else None,
            data={"from": previous, "reason": reason, **(data or {})},
        )
