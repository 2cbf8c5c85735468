"""Regulation rules as data: a default row (no instansi) that an instansi may override with its own row.

A rule table is any model with a nullable `instansi` foreign key, uniqueness of its `rule_key` per instansi (and once
among the defaults), and the class attribute `rule_key` naming the fields that identify one rule besides the instansi:

    class TargetJP(models.Model):
        rule_key = ("status",)
        instansi = models.ForeignKey("portal.Instansi", null=True, blank=True, ...)

Every lookup goes through this module: one row (`rule_for`), all rules of an instansi at once (`rules_for`), or the
value as a database expression for listings that measure each row against its own instansi's rule (`rule_value`, or
`rule_case` for listings of tens of thousands of rows).
JP conversion and JP targets use it; the predikat matrix, distribution, promotion rules and the 9-box will too.
"""

import hashlib

from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from . import frame


def _key_filter(model, key):
    missing = set(model.rule_key) - set(key)
    if missing:
        raise TypeError(f"{model.__name__} rules are identified by {model.rule_key}; missing {sorted(missing)}")
    return {name: key[name] for name in model.rule_key}


def rule_for(model, instansi_id, **key):
    """The instansi's own row for this rule, else the regulation default row, else None: one query, then kept with
    the shared data until a rule of any table is saved or deleted (portal.frame_receivers)."""
    wanted = _key_filter(model, key)
    digest = hashlib.sha1(repr(sorted(wanted.items())).encode(), usedforsecurity=False).hexdigest()
    name = f"rule:{model._meta.label}:{instansi_id}:{digest}"
    return frame.shared_value(name, lambda: _rule_for(model, instansi_id, wanted))


def _rule_for(model, instansi_id, key):
    rows = list(model._default_manager.filter(Q(instansi_id=instansi_id) | Q(instansi__isnull=True), **key))
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


def rule_case(model, field, *, instansi, instansi_ids=None, fallback=None, **key):
    """What `rule_value` gives, for listings too long to look the rule up again on every row: the rules in force are
    read now (one query: the defaults and the own rows of `instansi_ids`, of every instansi when None) and written
    into the query as a CASE. `instansi` and the key values are lookups on the annotated rows ("instansi_id",
    "status"). Read per request, as the listing is, so an edited rule shows at the next one."""
    names = _key_filter(model, key)
    if not all(isinstance(key[name], str) for name in names) or not isinstance(instansi, str):
        raise TypeError("rule_case takes lookups on the annotated rows; use rule_value for expressions")
    rows = model._default_manager.all()
    if instansi_ids is not None:
        rows = rows.filter(Q(instansi_id__in=instansi_ids) | Q(instansi__isnull=True))
    # an instansi's own row first, then the default row of the same key
    whens = [
        When(
            Q(
                **{key[name]: row.serializable_value(name) for name in names},
                **({instansi: row.instansi_id} if row.instansi_id else {}),
            ),
            then=Value(getattr(row, field)),
        )
        for row in sorted(rows, key=lambda row: row.instansi_id is None)
    ]
    output = model._meta.get_field(field)
    if not whens:
        return Value(fallback, output_field=output)
    return Case(*whens, default=Value(fallback), output_field=output)
