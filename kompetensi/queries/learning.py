"""The employee's own learning: enrolments, JP summary and ledger, external learning."""

from django.db.models import Sum
from django.utils import timezone

from portal import rule_tables
from portal.scoping import pegawai_of

from .. import rules
from ..models import (
    Enrolment,
    ExternalLearning,
    JPEntry,
    TargetJP,
)

S = Enrolment.Status


# --- my learning -----------------------------------------------------------------------------------------------


def my_enrolments(user):
    me = pegawai_of(user)
    if me is None:
        return Enrolment.objects.none()
    return (
        Enrolment.objects.filter(pegawai=me)
        .select_related("session__course", "session__instansi", "certificate", "evaluation")
        .order_by("-session__start_at", "-pk")
    )


def recent_training(pegawai, limit=5):
    """The employee's latest enrolments that went somewhere (not cancelled or rejected), for their profile."""
    return list(
        Enrolment.objects.filter(pegawai=pegawai)
        .exclude(status__in=[S.CANCELLED, S.REJECTED])
        .select_related("session__course", "session__instansi")
        .order_by("-session__start_at", "-pk")[:limit]
    )


def target_for(pegawai):
    """The yearly JP target of the employee's own instansi for their status (PNS or PPPK)."""
    rule = rule_tables.rule_for(TargetJP, pegawai.instansi_id, status=pegawai.status)
    return rule.target if rule is not None else rules.DEFAULT_JP_TARGETS[pegawai.status]


def jp_summary(pegawai, year):
    jp = JPEntry.objects.filter(pegawai=pegawai, year=year).aggregate(total=Sum("jp"))["total"] or 0
    target = target_for(pegawai)
    return {
        "year": year,
        "jp": jp,
        "target": target,
        "percent": rules.progress_percent(jp, target),
        "remaining": max(0, target - jp),
    }


def jp_entries(pegawai, year):
    return JPEntry.objects.filter(pegawai=pegawai, year=year).order_by("-day", "-pk")


def my_external_learning(user):
    me = pegawai_of(user)
    return (
        ExternalLearning.objects.filter(pegawai=me).select_related("bentuk", "pegawai").order_by("-submitted_at", "-pk")
    )


def upcoming_for(pegawai, now=None, limit=3):
    now = now or timezone.now()
    return list(
        Enrolment.objects.filter(pegawai=pegawai, status__in=[S.CONFIRMED, S.WAITLISTED, S.PENDING_APPROVAL])
        .filter(session__end_at__gte=now)
        .select_related("session__course", "session__instansi")
        .order_by("session__start_at")[:limit]
    )
