"""Regulation rules as data: a default row (no instansi) that an instansi may override with its own row.

A rule table is any model with a nullable `instansi` foreign key, uniqueness of its `rule_key` per instansi (and once
among the defaults), and the class attribute `rule_key` naming the fields that identify one rule besides the instansi:

    class TargetJP(models.Model):
        rule_key = ("status",)
        instansi = models.ForeignKey("portal.Instansi", null=True, blank=True, ...)

Every lookup goes through this module: one row (`rule_for`), all rules of an instansi at once (`rules_for`), or the
value as a database expression for listings that measure each row against its own instansi's rule (`rule_value`).
JP conversion and JP targets use it; the predikat matrix, distribution, promotion rules and the 9-box will too.
"""

from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce


def _key_filter(model, key):
    missing = set(model.rule_key) - set(key)
    if missing:
        raise TypeError(f"{model.__name__} rules are identified by {model.rule_key}; missing {sorted(missing)}")
    return {name: key[name] for name in model.rule_key}


def rule_for(model, instansi_id, **key):
    """The instansi's own row for this rule, else the regulation default row, else None (one query)."""
    rows = list(
        model._default_manager.filter(Q(instansi_id=instansi_id) | Q(instansi__isnull=True), **_key_filter(model, key))
    )
    own = [row for row in rows if instansi_id is not None and row.instansi_id == instansi_id]
    defaults = [row for row in rows if row.instansi_id is None]
    return (own or defaults or [None])[0]


def rules_for(model, instansi_id):
    """Every rule in force for an instansi, keyed by the tuple of its `rule_key` values (one query)."""
    effective = {}
    rows = model._default_manager.filter(Q(instansi_id=instansi_id) | Q(instansi__isnull=True))
    for row in sorted(rows, key=lambda row: row.instansi_id is not None):  # defaults first, overrides win
        effective[tuple(getattr(row, name) for name in model.rule_key)] = row
    return effective


def _ref(value):
    if isinstance(value, str):
        return OuterRef(value)
    return value


def rule_value(model, field, *, instansi, fallback=None, **key):
    """The rule's `field` as an expression for annotating a queryset of other rows, each measured against its own
    instansi's rule: `instansi` and the key values are lookups on the annotated rows ("instansi_id", "status") or
    expressions. Falls back to the default row, then to `fallback`."""

    def rows(**instansi_filter):
        filters = {name: _ref(key[name]) for name in _key_filter(model, key)}
        return Subquery(model._default_manager.filter(**instansi_filter, **filters).values(field)[:1])

    own = rows(instansi_id=_ref(instansi))
    expression = Coalesce(own, rows(instansi__isnull=True))
    if fallback is not None:
        expression = Coalesce(expression, Value(fallback))
    return expression
