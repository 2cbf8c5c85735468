"""Reads of SKP that pages, the API and services share."""

from django.db.models import Prefetch, Q
from django.utils import timezone

from portal import roles
from portal.frame import remember
from portal.permissions import acts_as
from portal.scoping import pegawai_of

from .models import ActingEvaluator, PerformancePeriod, PerilakuExpectation, Rhk, Skp, SkpTransition


def open_period_for(pegawai):
    return (
        PerformancePeriod.objects.filter(instansi_id=pegawai.instansi_id, status=PerformancePeriod.Status.OPEN)
        .order_by("-year")
        .first()
    )


def officials_acted_for(user, on=None):
    """The officials whose Plt/Plh the user is on a date, today by default (their queues are the user's too). Kept in
    the user's frame per date: an appointment's save or delete draws the user a new frame (kinerja.receivers)."""
    me = pegawai_of(user)
    if me is None:
        return []
    on = on or timezone.localdate()
    return remember(
        user,
        f"acting_for:{on.isoformat()}",
        lambda: list(
            ActingEvaluator.objects.filter(acting=me, starts_on__lte=on, ends_on__gte=on).values_list(
                "official_id", flat=True
            )
        ),
    )


def to_decide(user):
    """SKP submitted to the user as pejabat penilai, or to an official they act for."""
    me = pegawai_of(user)
    if me is None:
        return Skp.objects.none()
    evaluators = [me.pk, *officials_acted_for(user)]
    return (
        Skp.objects.filter(evaluator_id__in=evaluators, status=Skp.Status.SUBMITTED)
        .select_related("pegawai", "period")
        .order_by("status_changed_at", "pk")
    )


def intervenable_rhk(skp):
    """The RHK an RHK of `skp` may point at: those of the evaluator's approved SKP of the same period."""
    if skp.evaluator_id is None:
        return Rhk.objects.none()
    return Rhk.objects.filter(
        Q(skp__pegawai_id=skp.evaluator_id), skp__period_id=skp.period_id, skp__status=Skp.Status.APPROVED
    ).order_by("kind", "order", "pk")


def my_skp(pegawai, period):
    """The employee's SKP of the period (the latest part when the year was split), or None."""
    if period is None:
        return None
    return Skp.objects.filter(period=period, pegawai=pegawai).order_by("-valid_from").first()


def previous_skp(pegawai, period):
    """The employee's SKP of the latest earlier year, to start from."""
    return (
        Skp.objects.filter(pegawai=pegawai, period__year__lt=period.year)
        .select_related("period")
        .order_by("-period__year", "-valid_from")
        .first()
    )


def evaluator_skp(skp):
    """The pejabat penilai's own SKP of the same period (whatever its state), or None."""
    if skp.evaluator_id is None:
        return None
    return Skp.objects.filter(pegawai_id=skp.evaluator_id, period_id=skp.period_id).order_by("-valid_from").first()


def skp_page(pk):
    """One SKP with everything its page shows, loaded in a fixed number of queries."""
    return (
        Skp.objects.select_related("pegawai__user", "pegawai__unit", "period__instansi", "evaluator__user")
        .prefetch_related(
            Prefetch("rhk", queryset=Rhk.objects.select_related("intervened").prefetch_related("iki")),
            Prefetch("perilaku", queryset=PerilakuExpectation.objects.select_related("value")),
            Prefetch(
                "transitions",
                queryset=SkpTransition.objects.select_related("actor__pegawai", "on_behalf_of").order_by("at", "pk"),
            ),
        )
        .filter(pk=pk)
        .first()
    )


def team_skp(reports):
    """{pegawai_id: Skp} of the open period of each report's instansi (the latest part), in one query."""
    if not reports:
        return {}
    found = {}
    rows = Skp.objects.filter(pegawai__in=reports, period__status=PerformancePeriod.Status.OPEN).order_by(
        "period__year", "valid_from"
    )
    for skp in rows.only("pk", "pegawai_id", "status", "period_id"):
        found[skp.pegawai_id] = skp
    return found


def instansi_with_open_period(reports):
    """The instansi (ids) among the reports' whose performance period is open: only there an SKP can be written."""
    instansi_ids = {pegawai.instansi_id for pegawai in reports}
    return set(
        PerformancePeriod.objects.filter(
            instansi_id__in=instansi_ids, status=PerformancePeriod.Status.OPEN
        ).values_list("instansi_id", flat=True)
    )


def may_decide_anything(user) -> bool:
    """Whether the user may be asked to decide an SKP: they lead someone, or act for an official now."""
    me = pegawai_of(user)
    if me is None:
        return False
    if acts_as(user, roles.ATASAN, me.instansi_id):
        return True
    return remember(
        user,
        "kinerja_acting",
        lambda: ActingEvaluator.objects.filter(acting=me, ends_on__gte=timezone.localdate()).exists(),
    )


def periods_of(instansi_id):
    return PerformancePeriod.objects.filter(instansi_id=instansi_id).prefetch_related("windows").order_by("-year")


def acting_of(instansi_id):
    return (
        ActingEvaluator.objects.filter(official__instansi_id=instansi_id)
        .select_related("official__jabatan", "acting__jabatan", "created_by")
        .order_by("-starts_on", "-pk")
    )
