"""Every change of peer feedback: opening a round with its raters, answering an assignment, closing a round.

Answering writes the assignment's `answered` flag and a response without its rater in one transaction; it writes no
audit entry, no notification and no time finer than the day, so nothing records who answered what."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portal.services import notify

from ..evaluation.models import Rating
from ..skp.models import BerakhlakValue, PerformancePeriod
from . import permissions, queries, rules
from .models import Answer, Assignment, PeerRound, Response

COMMENT_MAX = 1000


@transaction.atomic
def open_round(*, actor, subject, period: PerformancePeriod, closes_on: date, raters, window=None) -> PeerRound:
    """HR or the supervisor opens a round on an employee and assigns raters of the same instansi; each rater is
    notified."""
    if not permissions.can_open_round(actor, subject):
        raise PermissionDenied(_("Putaran dibuka oleh Admin SDM atau atasan langsung pegawai."))
    if period.instansi_id != subject.instansi_id or period.status != PerformancePeriod.Status.OPEN:
        raise ValidationError(_("Pilih periode kinerja yang sedang berjalan di instansi pegawai."))
    if window is not None and window.period_id != period.pk:
        raise ValidationError(_("Evaluasi periodik harus berada pada periode yang dipilih."))
    if closes_on < timezone.localdate():
        raise ValidationError(_("Batas menjawab tidak boleh sebelum hari ini."))
    people = {person.pk: person for person in raters}
    if any(p.instansi_id != subject.instansi_id or not p.is_active for p in people.values()):
        raise ValidationError(_("Penilai harus pegawai aktif di instansi yang sama."))
    people.pop(subject.pk, None)
    minimum = queries.minimum_raters(subject.instansi_id)
    if len(people) < minimum:
        raise ValidationError(
            _("Tugaskan paling sedikit %(n)s penilai: hasil hanya ditampilkan bila sekurangnya %(n)s orang menjawab.")
            % {"n": minimum}
        )
    try:
        with transaction.atomic():
            peer_round = PeerRound.objects.create(
                instansi_id=subject.instansi_id, subject=subject, period=period, window=window, closes_on=closes_on,
                opened_by=actor,
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError(_("Pegawai ini sudah memiliki putaran umpan balik rekan untuk periode itu.")) from None
    Assignment.objects.bulk_create(
        Assignment(round=peer_round, rater=person, relation=rules.relation(subject, person))
        for person in sorted(people.values(), key=lambda p: p.nama)
    )
    url = reverse("kinerja:peer")
    for assignment in peer_round.assignments.select_related("rater__user"):
        if assignment.rater.user_id:
            notify(
                assignment.rater.user, kind="kinerja.peer_assigned", url=url,
                params={"subject": subject.full_name, "day": formats.date_format(closes_on, "j F Y")},
                dedupe_key=f"kinerja:peer:{peer_round.pk}:assigned:{assignment.rater_id}",
            )  # fmt: skip
    return peer_round


def _clean_answers(answers) -> list[tuple[int, str, str]]:
    """[(value id, rating, comment)] for every BerAKHLAK value, or a ValidationError."""
    wanted = list(BerakhlakValue.objects.values_list("pk", flat=True))
    cleaned = []
    for value_id in wanted:
        rating, comment = answers.get(value_id, ("", ""))
        if rating not in Rating.values:
            raise ValidationError(_("Beri penilaian pada ketujuh nilai BerAKHLAK."))
        comment = (comment or "").strip()
        if len(comment) > COMMENT_MAX:
            raise ValidationError(_("Komentar paling banyak %(n)s karakter.") % {"n": COMMENT_MAX})
        cleaned.append((value_id, rating, comment))
    return cleaned


@transaction.atomic
def answer(*, actor, assignment, answers: dict) -> None:
    """The rater answers once: `answers` is {BerAKHLAK value id: (rating code, comment)}. The response keeps only the
    round and the day; the assignment keeps only that it was answered. Nothing is returned that links the two."""
    locked = Assignment.objects.select_for_update(of=("self",)).select_related("round", "rater").get(pk=assignment.pk)
    if locked.rater.user_id != actor.pk:
        raise PermissionDenied(_("Penugasan ini bukan milik Anda."))
    if locked.answered:
        raise ValidationError(_("Anda sudah menjawab umpan balik ini; jawaban tidak dapat dibuka lagi."))
    peer_round = locked.round
    if rules.is_closed(peer_round.status, peer_round.closes_on, timezone.localdate()):
        raise ValidationError(_("Putaran umpan balik ini sudah ditutup."))
    cleaned = _clean_answers(answers)
    Assignment.objects.filter(pk=locked.pk).update(answered=True)
    response = Response.objects.create(round=peer_round, submitted_on=timezone.localdate())
    Answer.objects.bulk_create(
        Answer(response=response, value_id=value_id, rating=rating, comment=comment)
        for value_id, rating, comment in cleaned
    )


@transaction.atomic
def close_round(*, actor, peer_round) -> PeerRound:
    """Close a round now: its results show if enough raters answered; unanswered assignments lapse."""
    locked = PeerRound.objects.select_for_update(of=("self",)).select_related("subject").get(pk=peer_round.pk)
    if not permissions.can_manage(actor, locked):
        raise PermissionDenied(_("Putaran ditutup oleh Admin SDM atau atasan langsung pegawai."))
    if locked.status == PeerRound.Status.CLOSED:
        raise ValidationError(_("Putaran ini sudah ditutup."))
    locked.status, locked.closed_at = PeerRound.Status.CLOSED, timezone.now()
    locked.save(update_fields=["status", "closed_at"])
    return locked
