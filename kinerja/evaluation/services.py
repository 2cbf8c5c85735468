"""The only writers of evaluations and appeals."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..skp.models import EvaluationWindow, Skp
from . import permissions, rules
from .models import Appeal, Evaluation, Feedback, Realisation
from .queries import predikat_for
from .state_machines import APPEAL, EVALUATION

Status = Evaluation.Status


@transaction.atomic
def open_evaluations(*, actor, period, window: EvaluationWindow | None = None) -> int:
    """Open a periodic evaluation (`window`) or the annual one for every approved SKP of the period whose dates
    overlap it; idempotent. Returns how many were opened."""
    if not permissions.can_open_evaluations(actor, period.instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat membuka evaluasi kinerja."))
    if window is not None and window.period_id != period.pk:
        raise ValidationError(_("Periode evaluasi ini bukan bagian dari periode kinerja tersebut."))
    kind = Evaluation.Kind.PERIODIC if window else Evaluation.Kind.ANNUAL
    skps = Skp.objects.filter(period=period, status=Skp.Status.APPROVED)
    if window is not None:
        skps = skps.filter(valid_from__lte=window.ends_on, valid_to__gte=window.starts_on)
    existing = set(Evaluation.objects.filter(skp__in=skps, kind=kind, window=window).values_list("skp_id", flat=True))
    created = []
    for skp in skps.exclude(pk__in=existing):
        evaluation = Evaluation(skp=skp, kind=kind, window=window, status="")
        evaluation.save()
        EVALUATION.apply(evaluation, Status.OPEN, actor=actor)
        created.append(evaluation)
    return len(created)


def _locked(evaluation) -> Evaluation:
    return (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("skp__pegawai", "skp__evaluator")
        .get(pk=evaluation.pk)
    )


def _as_rater(actor, evaluation):
    evaluation = _locked(evaluation)
    may_rate, on_behalf_of = permissions.rater(actor, evaluation)
    if not may_rate:
        raise PermissionDenied(_("Hanya pejabat penilai (atau Plt/Plh-nya) yang dapat menilai evaluasi ini."))
    if evaluation.status == Status.FINALISED:
        raise ValidationError(_("Evaluasi ini sudah final dan tidak dapat diubah."))
    return evaluation, on_behalf_of


@transaction.atomic
def rate(*, actor, evaluation, rating_hasil_kerja: str, rating_perilaku_kerja: str, reason: str) -> Evaluation:
    """Rate Hasil Kerja and Perilaku Kerja with a written reason; the predikat follows from the matrix. Allowed
    again until the evaluator finalises."""
    evaluation, on_behalf_of = _as_rater(actor, evaluation)
    if rating_hasil_kerja not in rules.RATINGS or rating_perilaku_kerja not in rules.RATINGS:
        raise ValidationError(_("Pilih rating Di Atas, Sesuai, atau Di Bawah Ekspektasi untuk keduanya."))
    if not reason.strip():
        raise ValidationError(_("Tuliskan alasan penilaian."))
    evaluation.rating_hasil_kerja, evaluation.rating_perilaku_kerja = rating_hasil_kerja, rating_perilaku_kerja
    evaluation.reason = reason.strip()
    evaluation.predikat = predikat_for(evaluation.skp.pegawai.instansi_id, rating_hasil_kerja, rating_perilaku_kerja)
    evaluation.rated_by, evaluation.on_behalf_of = actor, on_behalf_of
    return EVALUATION.apply(
        evaluation, Status.RATED, actor=actor, reason=reason, history={"on_behalf_of": on_behalf_of},
        data={"hasil_kerja": rating_hasil_kerja, "perilaku_kerja": rating_perilaku_kerja, "predikat": evaluation.predikat},
        extra_fields=["rating_hasil_kerja", "rating_perilaku_kerja", "reason", "predikat", "rated_by", "on_behalf_of"],
    )  # fmt: skip


@transaction.atomic
def finalise(*, actor, evaluation) -> Evaluation:
    evaluation, on_behalf_of = _as_rater(actor, evaluation)
    if evaluation.status != Status.RATED:
        raise ValidationError(_("Beri rating hasil kerja dan perilaku kerja sebelum memfinalkan."))
    evaluation.finalised_at = timezone.now()
    return EVALUATION.apply(
        evaluation, Status.FINALISED, actor=actor, history={"on_behalf_of": on_behalf_of},
        extra_fields=["finalised_at"],
    )  # fmt: skip


@transaction.atomic
def save_realisation(*, actor, evaluation, iki, text: str) -> Realisation:
    """The employee's realisation on one IKI, until the evaluation is final."""
    evaluation = _locked(evaluation)
    if evaluation.skp.pegawai.user_id != actor.pk:
        raise PermissionDenied(_("Realisasi diisi oleh pegawai yang bersangkutan."))
    if evaluation.status == Status.FINALISED:
        raise ValidationError(_("Evaluasi ini sudah final dan tidak dapat diubah."))
    if iki.rhk.skp_id != evaluation.skp_id:
        raise PermissionDenied(_("IKI ini bukan bagian dari SKP tersebut."))
    if not text.strip():
        raise ValidationError(_("Tuliskan realisasinya."))
    realisation, _created = Realisation.objects.update_or_create(
        evaluation=evaluation, iki=iki, defaults={"text": text.strip()}
    )
    return realisation


@transaction.atomic
def save_feedback(*, actor, evaluation, rhk, text: str) -> Feedback:
    """The evaluator's umpan balik berkelanjutan on one RHK, until the evaluation is final."""
    evaluation, _on_behalf_of = _as_rater(actor, evaluation)
    if rhk.skp_id != evaluation.skp_id:
        raise PermissionDenied(_("RHK ini bukan bagian dari SKP tersebut."))
    if not text.strip():
        raise ValidationError(_("Tuliskan umpan baliknya."))
    feedback, _created = Feedback.objects.update_or_create(
        evaluation=evaluation, rhk=rhk, defaults={"text": text.strip()}
    )
    return feedback


# --- keberatan --------------------------------------------------------------------------------------------------


def appeal_deadline(evaluation):
    if evaluation.finalised_at is None:
        return None
    finalised_on = timezone.localtime(evaluation.finalised_at).date()
    return rules.appeal_deadline(finalised_on, evaluation.skp.period.appeal_days)


@transaction.atomic
def file_appeal(*, actor, evaluation, reasons: str) -> Appeal:
    """The employee's keberatan against a final result, within the period's appeal days, to the Atasan Pejabat
    Penilai Kinerja (the evaluator's own supervisor)."""
    evaluation = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("skp__pegawai", "skp__evaluator__atasan", "skp__period")
        .get(pk=evaluation.pk)
    )
    if evaluation.skp.pegawai.user_id != actor.pk:
        raise PermissionDenied(_("Keberatan diajukan oleh pegawai yang dinilai."))
    if evaluation.status != Status.FINALISED:
        raise ValidationError(_("Keberatan hanya dapat diajukan atas hasil evaluasi yang sudah final."))
    deadline = appeal_deadline(evaluation)
    if timezone.localdate() > deadline:
        raise ValidationError(
            _("Batas waktu keberatan sudah lewat (%(date)s).") % {"date": deadline.strftime("%d-%m-%Y")}
        )
    if Appeal.objects.filter(evaluation=evaluation).exists():
        raise ValidationError(_("Keberatan atas evaluasi ini sudah diajukan."))
    if not reasons.strip():
        raise ValidationError(_("Tuliskan alasan keberatan Anda."))
    evaluator = evaluation.skp.evaluator
    decider = evaluator.atasan if evaluator is not None else None
    if decider is None or not decider.is_active:
        raise ValidationError(_("Pejabat penilai Anda tidak mempunyai atasan; hubungi Admin SDM."))
    appeal = Appeal(evaluation=evaluation, reasons=reasons.strip(), decider=decider, status="",
                    predikat_before=evaluation.predikat)  # fmt: skip
    appeal.save()
    return APPEAL.apply(appeal, Appeal.Status.FILED, actor=actor, reason=reasons)


@transaction.atomic
def decide_appeal(*, actor, appeal: Appeal, grant: bool, reason: str, rating_hasil_kerja: str = "",
                  rating_perilaku_kerja: str = "") -> Appeal:  # fmt: skip
    """The Atasan Pejabat Penilai's final decision: granted with the ratings they set (the predikat follows from
    the matrix) or rejected (the predikat stays). Either way it is recorded with the reason and cannot change."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("evaluation__skp__pegawai", "decider")
        .get(pk=appeal.pk)
    )
    may_decide, _on_behalf_of = permissions.appeal_decider(actor, appeal)
    if not may_decide:
        raise PermissionDenied(_("Keberatan ini diputus oleh atasan pejabat penilai."))
    if not reason.strip():
        raise ValidationError(_("Tuliskan alasan keputusan."))
    evaluation = _locked(appeal.evaluation)
    if grant:
        if rating_hasil_kerja not in rules.RATINGS or rating_perilaku_kerja not in rules.RATINGS:
            raise ValidationError(_("Tetapkan rating hasil kerja dan perilaku kerja yang baru."))
        before = evaluation.predikat
        evaluation.rating_hasil_kerja, evaluation.rating_perilaku_kerja = rating_hasil_kerja, rating_perilaku_kerja
        evaluation.predikat = predikat_for(
            evaluation.skp.pegawai.instansi_id, rating_hasil_kerja, rating_perilaku_kerja
        )
        evaluation.save(update_fields=["rating_hasil_kerja", "rating_perilaku_kerja", "predikat"])
        log(evaluation, "kinerja.appeal.predikat_changed", user=actor,
            data={"from": before, "to": evaluation.predikat, "reason": reason})  # fmt: skip
    appeal.predikat_after = evaluation.predikat
    appeal.decision_reason = reason.strip()
    target = Appeal.Status.GRANTED if grant else Appeal.Status.REJECTED
    return APPEAL.apply(appeal, target, actor=actor, reason=reason, extra_fields=["predikat_after", "decision_reason"])


# --- kalibrasi --------------------------------------------------------------------------------------------------


def recalibrate(*, actor, evaluation, rating_hasil_kerja: str, rating_perilaku_kerja: str, reason: str):
    """Calibration changes the ratings of a result that is not final yet (called by kinerja.calibration.services
    inside its transaction, after its own permission check); the predikat follows from the matrix again and the
    history records the change. Returns (before, after) snapshots."""
    evaluation = _locked(evaluation)
    if evaluation.status == Status.FINALISED:
        raise ValidationError(_("Evaluasi ini sudah final; perubahan hanya melalui keberatan."))
    if evaluation.status != Status.RATED:
        raise ValidationError(_("Pejabat penilai belum memberi rating; kalibrasi mengubah hasil yang sudah dinilai."))
    if rating_hasil_kerja not in rules.RATINGS or rating_perilaku_kerja not in rules.RATINGS:
        raise ValidationError(_("Pilih rating Di Atas, Sesuai, atau Di Bawah Ekspektasi untuk keduanya."))
    before = _snapshot(evaluation)
    evaluation.rating_hasil_kerja, evaluation.rating_perilaku_kerja = rating_hasil_kerja, rating_perilaku_kerja
    evaluation.predikat = predikat_for(evaluation.skp.pegawai.instansi_id, rating_hasil_kerja, rating_perilaku_kerja)
    EVALUATION.apply(
        evaluation, Status.RATED, actor=actor, reason=_("Kalibrasi: %(reason)s") % {"reason": reason},
        data={"hasil_kerja": rating_hasil_kerja, "perilaku_kerja": rating_perilaku_kerja, "predikat": evaluation.predikat},
        extra_fields=["rating_hasil_kerja", "rating_perilaku_kerja", "predikat"],
    )  # fmt: skip
    return before, _snapshot(evaluation)


def _snapshot(evaluation) -> dict:
    return {
        "rating_hasil_kerja": evaluation.rating_hasil_kerja,
        "rating_perilaku_kerja": evaluation.rating_perilaku_kerja,
        "predikat": evaluation.predikat,
    }
