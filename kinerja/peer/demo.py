"""Demo data of peer feedback, after the progress step, for each instansi with a `pegawai.<instansi>` account:

- a round on `pegawai.<instansi>` with five raters, four answers, closed: its aggregate is released (and shown on the
  evaluation page `atasan.<instansi>` rates);
- a closed round on a colleague with only two answers: not released, "not enough answers";
- an open round on another colleague where `pegawai.<instansi>` still has to answer.

Written through the services (so answers are stored without their raters as the pages store them). Idempotent: an
employee who already has a round is left alone."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.demo import register_demo_step
from portal.models import Pegawai

from ..evaluation.models import Evaluation
from ..skp.models import BerakhlakValue
from . import queries, services
from .models import PeerRound

# rating per BerAKHLAK value (in value order) and a comment on the first, per rater
ANSWERS = [
    (["DI_ATAS", "SESUAI", "SESUAI", "DI_ATAS", "SESUAI", "SESUAI", "DI_ATAS"],
     "Selalu sigap membantu pegawai yang datang mengurus berkas usul."),
    (["SESUAI", "SESUAI", "DI_BAWAH", "SESUAI", "SESUAI", "DI_ATAS", "SESUAI"],
     "Ramah dan sabar menjelaskan persyaratan layanan."),
    (["DI_ATAS", "DI_ATAS", "SESUAI", "SESUAI", "DI_ATAS", "SESUAI", "SESUAI"], ""),
    (["SESUAI", "SESUAI", "SESUAI", "DI_ATAS", "SESUAI", "SESUAI", "DI_ATAS"],
     "Bisa lebih cepat membalas pesan dari unit lain."),
]  # fmt: skip


def _answer(peer_round, raters, count, values):
    for n, person in enumerate(raters[:count]):
        ratings, comment = ANSWERS[n % len(ANSWERS)]
        answers = {value.pk: (ratings[i % len(ratings)], comment if i == 0 else "") for i, value in enumerate(values)}
        assignment = peer_round.assignments.get(rater=person)
        services.answer(actor=person.user, assignment=assignment, answers=answers)


def _window_of(pegawai, period):
    """The window of the evaluation of `pegawai` that their supervisor has open, so the evaluation page shows it."""
    evaluation = (
        Evaluation.objects.filter(skp__pegawai=pegawai, skp__period=period, kind=Evaluation.Kind.PERIODIC)
        .exclude(status=Evaluation.Status.FINALISED)
        .order_by("-window__ends_on")
        .first()
    )
    return evaluation.window if evaluation else None


def load_pegawai(pegawai, today) -> int:
    supervisor = pegawai.atasan
    period = queries.open_period_of(pegawai.instansi_id)
    if supervisor is None or period is None or PeerRound.objects.filter(subject=pegawai).exists():
        return 0
    values = list(BerakhlakValue.objects.order_by("order", "pk"))
    people = list(
        Pegawai.objects.filter(instansi_id=pegawai.instansi_id, is_active=True, user__isnull=False)
        .exclude(pk__in=[pegawai.pk, supervisor.pk])
        .select_related("user")
        .order_by("nama")
    )
    colleagues = [p for p in people if p.atasan_id == supervisor.pk]
    others = [p for p in people if p.atasan_id != supervisor.pk and p.pk != pegawai.pk]
    if len(colleagues) < 2 or len(people) < 8:
        return 0
    boss = supervisor.user
    closes = today + timedelta(days=14)
    # 1. released: five raters, four answers, closed
    raters = (colleagues + others)[:5]
    first = services.open_round(actor=boss, subject=pegawai, period=period, window=_window_of(pegawai, period),
                                closes_on=closes, raters=raters)  # fmt: skip
    _answer(first, raters, 4, values)
    services.close_round(actor=boss, peer_round=first)
    # 2. not released: a colleague, three raters, two answers, closed
    subject = colleagues[0]
    raters = [p for p in people if p.pk != subject.pk][:3]
    second = services.open_round(actor=boss, subject=subject, period=period, closes_on=closes, raters=raters)
    _answer(second, raters, 2, values)
    services.close_round(actor=boss, peer_round=second)
    # 3. open: another colleague, pegawai.<instansi> among the raters and still to answer
    subject = colleagues[1]
    raters = [pegawai, *[p for p in people if p.pk != subject.pk][3:6]]
    third = services.open_round(actor=boss, subject=subject, period=period, closes_on=closes, raters=raters)
    _answer(third, raters[1:], 1, values)
    return 3


@register_demo_step("kinerja-peer", order=65)
def load_peer(stdout=None):
    today = timezone.localdate()
    for pegawai in Pegawai.objects.filter(user__username__startswith="pegawai.").select_related("atasan__user"):
        with transaction.atomic():
            made = load_pegawai(pegawai, today)
        if stdout and made:
            stdout.write(f"  {pegawai.nama}: {made} putaran umpan balik rekan")
