"""Reads for calibration: the evaluations a calibration covers, their distribution and the rules in force."""

from collections import Counter

from django.db.models import Count

from portal import rule_tables
from portal.org_tree import unit_descendant_ids
from portal.scoping import pegawai_of

from ..evaluation.models import Evaluation
from . import rules
from .models import Calibration, DistributionRule


def calibrations_for(user):
    me = pegawai_of(user)
    if me is None:
        return Calibration.objects.none()
    return (
        Calibration.objects.filter(period__instansi_id=me.instansi_id)
        .select_related("period", "window", "unit")
        .annotate(changed=Count("changes"))
    )


def rules_in_force(instansi_id) -> dict[str, list]:
    """organisation rating -> the rules in force for the instansi (its own rows over the defaults; one query)."""
    by_rating = {rating: [] for rating in rules.ORGANISATION_RATINGS}
    for (rating, _group), row in sorted(rule_tables.rules_for(DistributionRule, instansi_id).items()):
        if row.minimum_percent is None and row.maximum_percent is None and not row.at_least_one:
            continue  # an instansi's row without bounds switches the default off
        by_rating.setdefault(rating, []).append(row.as_rule())
    return by_rating


def evaluations(calibration):
    """The evaluations the calibration covers: the period's annual ones (or the window's), of the unit and the
    units below it (or the whole instansi)."""
    qs = Evaluation.objects.filter(skp__period=calibration.period)
    if calibration.window_id:
        qs = qs.filter(kind=Evaluation.Kind.PERIODIC, window_id=calibration.window_id)
    else:
        qs = qs.filter(kind=Evaluation.Kind.ANNUAL)
    if calibration.unit_id:
        units = unit_descendant_ids([calibration.unit_id], [calibration.period.instansi_id])
        qs = qs.filter(skp__pegawai__unit_id__in=units)
    return qs


def rows(calibration):
    """The covered evaluations with what the table shows (one query)."""
    return (
        evaluations(calibration)
        .select_related("skp__pegawai__unit", "skp__pegawai__jabatan", "skp__evaluator")
        .order_by("skp__pegawai__unit__name", "skp__pegawai__nama", "pk")
    )


def distribution(calibration) -> tuple[dict[str, int], int]:
    """({predikat: employees}, how many are not rated yet) in one aggregate query."""
    counts = Counter()
    unrated = 0
    for row in evaluations(calibration).values("predikat").annotate(n=Count("pk")):
        if row["predikat"]:
            counts[row["predikat"]] += row["n"]
        else:
            unrated += row["n"]
    return dict(counts), unrated
