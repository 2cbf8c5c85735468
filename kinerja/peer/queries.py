"""Reads of peer feedback that pages and the API share, scoped to the user, each in a fixed number of queries.
Answers are read only here, and only in aggregate."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from portal import rule_tables
from portal.models import Pegawai
from portal.scoping import pegawai_of

from ..evaluation.models import Rating
from ..skp.models import ActingEvaluator, BerakhlakValue, PerformancePeriod
from . import permissions, rules
from .models import SCORES, Answer, Assignment, PeerFeedbackRule, PeerRound


def minimum_raters(instansi_id) -> int:
    rule = rule_tables.rule_for(PeerFeedbackRule, instansi_id, setting=PeerFeedbackRule.Setting.MIN_RATERS)
    return rules.threshold(rule.value if rule else None)


def _rounds():
    return PeerRound.objects.select_related("subject__jabatan", "subject__unit", "period", "window").annotate(
        assigned=Count("assignments", distinct=True),
        answered_count=Count("assignments", filter=Q(assignments__answered=True), distinct=True),
    )


def mark(rounds, minimum=None):
    """Each round's `closed`, `minimum` and `released` (the minimum looked up once per instansi)."""
    today = timezone.localdate()
    minimums = {}
    for item in rounds:
        if item.instansi_id not in minimums:
            minimums[item.instansi_id] = minimum or minimum_raters(item.instansi_id)
        item.minimum = minimums[item.instansi_id]
        item.closed = rules.is_closed(item.status, item.closes_on, today)
        item.released = rules.released(closed=item.closed, answered=item.answered_count, minimum=item.minimum)
    return rounds


def pending(user):
    """The user's assignments still to answer, in open rounds."""
    me = pegawai_of(user)
    if me is None:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(
            rater=me, answered=False, round__status=PeerRound.Status.OPEN, round__closes_on__gte=timezone.localdate()
        )
        .select_related("round__subject__jabatan", "round__subject__unit", "round__period", "round__window")
        .order_by("round__closes_on", "pk")
    )


def answered_by_me(user):
    me = pegawai_of(user)
    if me is None:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(rater=me, answered=True)
        .select_related("round__subject", "round__period", "round__window")
        .order_by("-round__created_at", "-pk")
    )


def about_me(user):
    me = pegawai_of(user)
    if me is None:
        return PeerRound.objects.none()
    return _rounds().filter(subject=me).order_by("-created_at", "-pk")


def managed_q(user):
    """Rounds the user manages: every round of their instansi for HR; for a supervisor (or their Plt/Plh today),
    those on their direct reports."""
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])
    if permissions.is_hr(user, me.instansi_id):
        return Q(instansi_id=me.instansi_id)
    today = timezone.localdate()
    acting_for = ActingEvaluator.objects.filter(
        acting=me, official_id=OuterRef("subject__atasan_id"), starts_on__lte=today, ends_on__gte=today
    )
    return Q(subject__atasan=me) | Q(Exists(acting_for))


def managed(user):
    return _rounds().filter(managed_q(user)).order_by("-created_at", "-pk")


def visible_round(user, pk):
    """A round the user may see (its employee or a manager), with its counts; None otherwise."""
    me = pegawai_of(user)
    if me is None:
        return None
    found = _rounds().filter(Q(subject=me) | managed_q(user)).filter(pk=pk).first()
    return mark([found])[0] if found else None


def own_assignment(user, pk):
    me = pegawai_of(user)
    if me is None:
        return None
    return (
        Assignment.objects.filter(rater=me, pk=pk)
        .select_related("round__subject__jabatan", "round__subject__unit", "round__period", "round__window")
        .first()
    )


def values():
    return list(BerakhlakValue.objects.order_by("order", "pk"))


def results(peer_round) -> dict:
    """The aggregate of a round, or why it is not shown. Below the minimum nothing of the answers is read at all."""
    if not getattr(peer_round, "minimum", None):
        peer_round = mark([_rounds().get(pk=peer_round.pk)])[0]
    if not peer_round.closed:
        return {"released": False, "reason": "open", "round": peer_round}
    if not peer_round.released:
        return {"released": False, "reason": "below_threshold", "round": peer_round}
    answers = Answer.objects.filter(response__round=peer_round)
    rows = answers.values_list("value_id", "rating").annotate(n=Count("pk")).order_by()
    comments = answers.exclude(comment="").values_list("value_id", "comment").order_by()
    found = rules.aggregate(values(), list(rows), list(comments))
    return {
        "released": True, "reason": "", "round": peer_round, "raters": peer_round.answered_count, "values": found,
        "bars": rules.bars(found, dict(Rating.choices)),
        "legend": [{"label": Rating(code).label, "tone": rules.TONES[code]} for code in SCORES],
    }  # fmt: skip


def round_for(subject_id, period_id, window_id=None):
    """The round that speaks for a period (or a window of it): the window's own, else the one of the whole year."""
    found = list(_rounds().filter(subject_id=subject_id, period_id=period_id).filter(
        Q(window_id=window_id) | Q(window__isnull=True) if window_id else Q(window__isnull=True)
    ))  # fmt: skip
    found.sort(key=lambda item: item.window_id is None)
    return mark(found[:1])[0] if found else None


def latest_round(subject_id, period_id):
    found = _rounds().filter(subject_id=subject_id, period_id=period_id).order_by("-created_at", "-pk").first()
    return mark([found])[0] if found else None


# --- opening a round --------------------------------------------------------------------------------------------


def open_period_of(instansi_id):
    return (
        PerformancePeriod.objects.filter(instansi_id=instansi_id, status=PerformancePeriod.Status.OPEN)
        .prefetch_related("windows")
        .order_by("-year")
        .first()
    )


def subjects_for(user, search=""):
    """Employees the user may open a round on: every active employee of the instansi for HR (searched by name or
    NIP, 20 at most), the direct reports (and those of whom they are Plt/Plh) for a supervisor."""
    me = pegawai_of(user)
    if me is None:
        return Pegawai.objects.none()
    people = Pegawai.objects.filter(instansi_id=me.instansi_id, is_active=True).select_related("jabatan", "unit")
    if permissions.is_hr(user, me.instansi_id):
        if search:
            people = people.filter(Q(nama__icontains=search) | Q(nip__icontains=search))
        return people.exclude(pk=me.pk).order_by("nama")[:20]
    today = timezone.localdate()
    officials = ActingEvaluator.objects.filter(acting=me, starts_on__lte=today, ends_on__gte=today).values("official")
    return people.filter(Q(atasan=me) | Q(atasan__in=officials)).order_by("nama")


def suggested_raters(subject):
    """Peers in the same unit and direct reports, by default; then whoever else the opener adds by NIP."""
    return list(
        Pegawai.objects.filter(instansi_id=subject.instansi_id, is_active=True)
        .filter(Q(unit_id=subject.unit_id) | Q(atasan=subject))
        .exclude(pk=subject.pk)
        .exclude(pk=subject.atasan_id or 0)
        .select_related("jabatan", "unit")
        .order_by("nama")[:50]
    )


def instansi_people_by_nip(instansi_id, nips):
    return list(Pegawai.objects.filter(instansi_id=instansi_id, is_active=True, nip__in=nips))
