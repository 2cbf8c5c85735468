"""Reads of the progress log, bukti dukung and dialogs that pages share, scoped to the user, each in a fixed number
of queries."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from kompetensi.models import JPEntry
from portal.models import Pegawai
from portal.scoping import pegawai_of

from ..evaluation.models import Evaluation
from ..skp.models import EvaluationWindow, PerformancePeriod, Rhk, Skp
from . import rules
from .models import Dialog, DialogNote, FollowUp, ProgressEntry, RhkEvidence


def approved_skp_of(pegawai):
    """The employee's approved SKP (all parts) of their open period, newest part first."""
    return list(
        Skp.objects.filter(pegawai=pegawai, status=Skp.Status.APPROVED, period__status=PerformancePeriod.Status.OPEN)
        .select_related("period")
        .order_by("-valid_from")
    )


def loggable_rhk(pegawai):
    """RHK that progress may be logged against: those of the employee's approved SKP of the open period."""
    return (
        Rhk.objects.filter(
            skp__pegawai=pegawai, skp__status=Skp.Status.APPROVED, skp__period__status=PerformancePeriod.Status.OPEN
        )
        .select_related("skp__period")
        .order_by("-skp__valid_from", "kind", "order", "pk")
    )


def finalised_window_ids(skp_ids):
    """{(skp_id, window_id)} whose periodic evaluation is final: their progress and bukti dukung are locked."""
    return set(
        Evaluation.objects.filter(
            skp_id__in=skp_ids, kind=Evaluation.Kind.PERIODIC, status=Evaluation.Status.FINALISED
        ).values_list("skp_id", "window_id")
    )


def windows_of(period_ids):
    return list(EvaluationWindow.objects.filter(period_id__in=period_ids).order_by("period_id", "sequence"))


def recent_entries(pegawai, days=rules.RECENT_DAYS):
    """The employee's entries of the latest `days` days that have any (one query)."""
    latest = ProgressEntry.objects.filter(pegawai=pegawai).order_by("-day").values_list("day", flat=True).first()
    if latest is None:
        return []
    since = min(latest, timezone.localdate()) - timedelta(days=days - 1)
    return list(
        ProgressEntry.objects.filter(pegawai=pegawai, day__gte=since)
        .select_related("rhk__skp")
        .order_by("-day", "-created_at", "-pk")[:200]
    )


def last_rhk_id(pegawai):
    return ProgressEntry.objects.filter(pegawai=pegawai).order_by("-created_at", "-pk").values_list(
        "rhk_id", flat=True
    ).first()  # fmt: skip


def own_entry(user, pk):
    return ProgressEntry.objects.filter(pegawai__user=user, pk=pk).select_related("rhk__skp__period", "pegawai").first()


def rhk_page(pk):
    return Rhk.objects.select_related("skp__pegawai__user", "skp__period", "skp__evaluator").filter(pk=pk).first()


def window_work(rhk_ids, pegawai_id, starts_on, ends_on, window_ids):
    """Bukti dukung of the RHK in the windows, their progress entries in the dates, and the employee's completed
    training in the dates: three queries, whatever the number of RHK."""
    evidence = list(RhkEvidence.objects.filter(rhk_id__in=rhk_ids, window_id__in=window_ids).select_related("window"))
    entries = list(
        ProgressEntry.objects.filter(rhk_id__in=rhk_ids, day__gte=starts_on, day__lte=ends_on).order_by("day", "pk")
    )
    training = list(
        JPEntry.objects.filter(pegawai_id=pegawai_id, day__gte=starts_on, day__lte=ends_on).order_by("day", "pk")
    )
    return evidence, entries, training


def evaluation_range(evaluation):
    """(first day, last day, window ids) an evaluation covers: its window within the SKP's dates, or (annual) the
    whole SKP."""
    skp = evaluation.skp
    if evaluation.window_id:
        window = evaluation.window
        return max(window.starts_on, skp.valid_from), min(window.ends_on, skp.valid_to), [window.pk]
    ids = list(
        EvaluationWindow.objects.filter(
            period_id=skp.period_id, starts_on__lte=skp.valid_to, ends_on__gte=skp.valid_from
        ).values_list("pk", flat=True)
    )
    return skp.valid_from, skp.valid_to, ids


def today_count(pegawai):
    return ProgressEntry.objects.filter(pegawai=pegawai, day=timezone.localdate()).count()


# --- dialog kinerja -----------------------------------------------------------------------------------------------


def _dialogs():
    return Dialog.objects.select_related("supervisor__jabatan", "pegawai__jabatan").annotate(
        follow_up_count=Count("follow_ups", distinct=True),
        open_follow_ups=Count("follow_ups", filter=Q(follow_ups__done=False), distinct=True),
    )


def my_dialogs(user):
    """Dialogs where the user is the employee."""
    me = pegawai_of(user)
    if me is None:
        return Dialog.objects.none()
    return _dialogs().filter(pegawai=me).order_by("-planned_on", "-pk")


def led_dialogs(user):
    """Dialogs the user leads as supervisor."""
    me = pegawai_of(user)
    if me is None:
        return Dialog.objects.none()
    return _dialogs().filter(supervisor=me).order_by("-planned_on", "-pk")


def visible_dialogs(user):
    me = pegawai_of(user)
    if me is None:
        return Dialog.objects.none()
    return Dialog.objects.filter(Q(pegawai=me) | Q(supervisor=me))


def dialog_page(user, pk):
    return (
        visible_dialogs(user)
        .select_related("supervisor__jabatan", "pegawai__jabatan")
        .prefetch_related(
            Prefetch("notes", queryset=DialogNote.objects.select_related("author")),
            Prefetch("follow_ups", queryset=FollowUp.objects.all()),
        )
        .filter(pk=pk)
        .first()
    )


def direct_reports(user):
    """The user's active direct reports, with whom they may plan a dialog kinerja."""
    me = pegawai_of(user)
    if me is None:
        return Pegawai.objects.none()
    return Pegawai.objects.filter(atasan=me, is_active=True).select_related("jabatan").order_by("nama")
