"""The writers of lateness: the daily escalation to the next level after a deadline, and the Atasan Pejabat
Penilai's nudge to an evaluator of theirs. Both only notify; each notification is sent once through its dedupe key,
so the daily task may run any number of times."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.rules import format_name
from portal.scoping import pegawai_of
from portal.services import notify

from ..evaluation.models import Evaluation
from ..skp.models import PerformancePeriod
from . import permissions, queries

NAMES_SHOWN = 5


def escalation_days() -> int:
    """How many days after a deadline a step still open goes to the next level (KINERJA_ESCALATION_DAYS, 3)."""
    return max(1, int(getattr(settings, "KINERJA_ESCALATION_DAYS", 3)))


def _name(row, prefix):
    return format_name(row[f"{prefix}nama"], row[f"{prefix}gelar_depan"], row[f"{prefix}gelar_belakang"])


def _names(prefix):
    return [f"{prefix}nama", f"{prefix}gelar_depan", f"{prefix}gelar_belakang"]


def _users(ids):
    return get_user_model().objects.in_bulk(ids)


def _filers(period, today, days) -> int:
    """Each supervisor of employees still without a submitted SKP, once per period: how many, and who."""
    rows = list(
        queries.late_filers(period, today, at_least=days)
        .filter(atasan__is_active=True)
        .order_by("atasan_id", "nama", "pk")
        .values("atasan_id", "atasan__user_id", *_names(""))
    )
    by_supervisor = {}
    for row in rows:
        by_supervisor.setdefault((row["atasan_id"], row["atasan__user_id"]), []).append(_name(row, ""))
    users = _users({user_id for _pk, user_id in by_supervisor})
    sent = 0
    for (supervisor_id, user_id), names in by_supervisor.items():
        shown = ", ".join(names[:NAMES_SHOWN]) + (" …" if len(names) > NAMES_SHOWN else "")
        sent += bool(notify(
            users[user_id], kind="kinerja.escalate_plan", url=reverse("team"),
            params={"year": period.year, "deadline": date_format(period.planning_deadline, "j F Y"),
                    "count": len(names), "names": shown},
            dedupe_key=f"kinerja:escalate:plan:{period.pk}:{supervisor_id}",
        ))  # fmt: skip
    return sent


def _to_next_level(rows, prefix):
    """[(row, user of the evaluator's own atasan)] for the rows whose evaluator has an active atasan."""
    rows = [row for row in rows if row[f"{prefix}atasan_id"] and row[f"{prefix}atasan__is_active"]]
    users = _users({row[f"{prefix}atasan__user_id"] for row in rows})
    return [(row, users[row[f"{prefix}atasan__user_id"]]) for row in rows]


def _approvals(period, today, days) -> int:
    """The Atasan Pejabat Penilai of each evaluator with SKP undecided `days` after they fell due, once per
    period and evaluator."""
    prefix = "evaluator__"
    fields = [
        "evaluator_id",
        *_names(prefix),
        f"{prefix}atasan_id",
        f"{prefix}atasan__user_id",
        f"{prefix}atasan__is_active",
    ]
    rows = (
        queries.late_approvals(today, queries.tz_of(period.instansi), at_least=days, period=period)
        .order_by().values(*fields).annotate(n=Count("pk"))
    )  # fmt: skip
    sent = 0
    for row, user in _to_next_level(rows, prefix):
        sent += bool(notify(
            user, kind="kinerja.escalate_approve", url=reverse("kinerja:queue"),
            params={"name": _name(row, prefix), "count": row["n"], "year": period.year, "days": days},
            dedupe_key=f"kinerja:escalate:approve:{period.pk}:{row['evaluator_id']}",
        ))  # fmt: skip
    return sent


def _ratings(period, today, days) -> int:
    """The Atasan Pejabat Penilai of each evaluator with evaluations not rated `days` after the deadline, once per
    window (or the annual evaluation) and evaluator."""
    prefix = "skp__evaluator__"
    fields = ["skp__evaluator_id", "window_id", "window__label", *_names(prefix), f"{prefix}atasan_id",
              f"{prefix}atasan__user_id", f"{prefix}atasan__is_active"]  # fmt: skip
    rows = (
        queries.late_ratings(today, at_least=days, skp__period=period)
        .order_by()
        .values(*fields)
        .annotate(n=Count("pk"))
    )
    annual = str(Evaluation.Kind.ANNUAL.label)
    sent = 0
    for row, user in _to_next_level(rows, prefix):
        step = f"w{row['window_id']}" if row["window_id"] else "annual"
        sent += bool(notify(
            user, kind="kinerja.escalate_rate", url=reverse("kinerja:queue"),
            params={"name": _name(row, prefix), "count": row["n"], "label": row["window__label"] or annual,
                    "year": period.year, "days": days},
            dedupe_key=f"kinerja:escalate:rate:{period.pk}:{step}:{row['skp__evaluator_id']}",
        ))  # fmt: skip
    return sent


def escalate(today=None) -> int:
    """Every open period's steps still open `escalation_days()` after they fell due, each told to the next level
    once; `today` in each instansi's own time zone unless given. Returns how many notifications were sent."""
    days = escalation_days()
    sent = 0
    for period in PerformancePeriod.objects.filter(status=PerformancePeriod.Status.OPEN).select_related("instansi"):
        day = today or timezone.localdate(timezone=queries.tz_of(period.instansi))
        sent += _filers(period, day, days) + _approvals(period, day, days) + _ratings(period, day, days)
    return sent


@transaction.atomic
def nudge(*, actor, evaluator_id: int):
    """The Atasan Pejabat Penilai reminds a direct report of the decisions and ratings overdue with them: one
    notification a day at most, recorded in the evaluator's history."""
    evaluator = permissions.nudgeable(actor, evaluator_id)
    if evaluator is None:
        raise PermissionDenied(_("Hanya atasan langsung pejabat penilai yang dapat mengingatkannya."))
    today = timezone.localdate(timezone=queries.tz_of(evaluator.instansi))
    approvals, ratings = queries.overdue_counts(evaluator, today)
    if not approvals and not ratings:
        raise ValidationError(_("Tidak ada yang terlambat pada %(name)s.") % {"name": evaluator.nama})
    me = pegawai_of(actor)
    sent = notify(
        evaluator.user, kind="kinerja.escalation_nudge", url=reverse("kinerja:queue"),
        params={"name": me.full_name, "approvals": approvals, "ratings": ratings},
        dedupe_key=f"kinerja:nudge:{evaluator.pk}:{today.isoformat()}",
    )  # fmt: skip
    if sent is None:
        raise ValidationError(_("%(name)s sudah diingatkan hari ini.") % {"name": evaluator.nama})
    log(evaluator, "kinerja.escalation_nudge", user=actor, data={"approvals": approvals, "ratings": ratings})
    return sent
