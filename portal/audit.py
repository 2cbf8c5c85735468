"""A generic audited diff: who changed which field of any model from what to what, in Wagtail's audit log.

    before = audit.snapshot(obj, FIELDS)
    ... change and save obj ...
    audit.log_changes(obj, before, FIELDS, actor=user)        # logs "wagtail.edit" with {"changes": {...}}

or, for a service that receives the new values, `audit.update_fields(obj, actor=user, **values)` which applies only
what changed, saves those fields and logs them (and reports whether anything changed).
"""

from django.db import models
from wagtail.log_actions import log


def _normal(value):
    return value.pk if isinstance(value, models.Model) else value


def _value(obj, name):
    return _normal(getattr(obj, name))


def snapshot(obj, fields) -> dict:
    if obj is None or obj.pk is None:
        return {}
    return {name: _value(obj, name) for name in fields}


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for every field whose value differs, as text (the audit log stores JSON)."""
    return {
        name: ["" if before.get(name) is None else str(before.get(name)), "" if value is None else str(value)]
        for name, value in after.items()
        if before.get(name) != value
    }


def log_changes(obj, before: dict, fields, *, actor=None, action: str | None = None, created: bool = False) -> dict:
    changes = diff(before, snapshot(obj, fields))
    if changes or created:
        log(obj, action or ("wagtail.create" if created else "wagtail.edit"), user=actor, data={"changes": changes})
    return changes


def update_fields(obj, *, actor=None, action: str | None = None, **values) -> tuple[object, bool]:
    """Apply only the values that differ, save just those fields, log the diff. Returns (obj, changed)."""
    before = snapshot(obj, values)
    changed = [name for name, value in values.items() if before.get(name) != _normal(value)]
    for name in changed:
        setattr(obj, name, values[name])
    if not changed:
        return obj, False
    obj.full_clean()
    obj.save(update_fields=changed)
    log_changes(obj, before, changed, actor=actor, action=action)
    return obj, True
