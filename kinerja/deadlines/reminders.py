"""Reminders before each deadline of a performance period, once per step and person: the employee whose SKP is not
submitted before the planning deadline, the pejabat penilai with SKP waiting for their decision (the nudge), and the
pejabat penilai with evaluations not yet rated before a window's or the year's deadline. Run daily by Celery beat;
idempotent through each notification's dedupe key."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from portal.models import Pegawai
from portal.services import notify

from ..evaluation.models import Evaluation
from ..skp.models import PerformancePeriod, Skp


def days_before() -> int:
    """How many days before a deadline the reminder goes out (setting KINERJA_REMINDER_DAYS, default 7)."""
    return int(getattr(settings, "KINERJA_REMINDER_DAYS", 7))


def _due(deadline, today) -> bool:
    return today <= deadline <= today + timedelta(days=days_before())


def _planning(period) -> int:
    """Employees without a submitted or approved SKP, and evaluators with SKP waiting for their decision."""
    done = Skp.objects.filter(period=period, status__in=[Skp.Status.SUBMITTED, Skp.Status.APPROVED]).values("pegawai")
    late = (
        Pegawai.objects.filter(instansi_id=period.instansi_id, is_active=True, atasan__isnull=False)
        .exclude(pk__in=done)
        .select_related("user")
    )
    sent = 0
    params = {"year": period.year, "deadline": date_format(period.planning_deadline, "j F Y")}
    for pegawai in late:
        sent += bool(notify(
            pegawai.user, kind="kinerja.remind_plan", params=params, url=reverse("kinerja:my_skp"),
            dedupe_key=f"kinerja:remind:plan:{period.pk}:{pegawai.pk}",
        ))  # fmt: skip
    waiting = (
        Skp.objects.filter(period=period, status=Skp.Status.SUBMITTED, evaluator__isnull=False)
        .values("evaluator__user", "evaluator")
        .annotate(n=Count("pk"))
    )
    users = _users({row["evaluator__user"] for row in waiting})
    for row in waiting:
        sent += bool(notify(
            users[row["evaluator__user"]], kind="kinerja.remind_approve", params={**params, "count": row["n"]},
            url=reverse("kinerja:queue"), dedupe_key=f"kinerja:remind:approve:{period.pk}:{row['evaluator']}",
        ))  # fmt: skip
    return sent


def _rating(period, window, deadline) -> int:
    """Pejabat penilai with evaluations of this window (or the annual ones) not yet rated."""
    open_ones = Evaluation.objects.filter(
        skp__period=period, status=Evaluation.Status.OPEN, skp__evaluator__isnull=False
    )
    open_ones = open_ones.filter(window=window) if window else open_ones.filter(kind=Evaluation.Kind.ANNUAL)
    rows = list(open_ones.values("skp__evaluator", "skp__evaluator__user").annotate(n=Count("pk")))
    users = _users({row["skp__evaluator__user"] for row in rows})
    step = f"w{window.pk}" if window else "annual"
    label = window.label if window else str(Evaluation.Kind.ANNUAL.label)
    sent = 0
    for row in rows:
        sent += bool(notify(
            users[row["skp__evaluator__user"]], kind="kinerja.remind_rate",
            params={"label": label, "year": period.year, "deadline": date_format(deadline, "j F Y"), "count": row["n"]},
            url=reverse("kinerja:evaluations_team"),
            dedupe_key=f"kinerja:remind:rate:{period.pk}:{step}:{row['skp__evaluator']}",
        ))  # fmt: skip
    return sent


def _users(ids):
    return get_user_model().objects.in_bulk(ids)


def send_reminders(today=None) -> int:
    """Every open period's steps whose deadline falls within the reminder days; returns how many were sent."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=days_before())
    sent = 0
    periods = PerformancePeriod.objects.filter(status=PerformancePeriod.Status.OPEN).filter(
        Q(planning_deadline__range=(today, horizon))
        | Q(annual_deadline__range=(today, horizon))
        | Q(windows__deadline__range=(today, horizon))
    )
    for period in periods.distinct().prefetch_related("windows"):
        if _due(period.planning_deadline, today):
            sent += _planning(period)
        for window in period.windows.all():
            if _due(window.deadline, today):
                sent += _rating(period, window, window.deadline)
        if _due(period.annual_deadline, today):
            sent += _rating(period, None, period.annual_deadline)
    return sent
