"""Demo data of evaluation, after the SKP step: for every approved SKP of the open period the periodic evaluations
of the quarters that have ended — the earlier ones final, the latest one in several states — with their history, and
one appeal per instansi waiting for the Atasan Pejabat Penilai. Written in bulk with the rows the services write.

`pegawai.<instansi>` moved into their present position on 1 October: their SKP is split there. The first part
(January to September, approved) has Triwulan I and II final and Triwulan III open for `atasan.<instansi>` to rate
(the browser journey rates, finalises, appeals and decides it); the second part is the draft the SKP journey writes.
Idempotent: a period that has evaluations is left alone."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from portal.demo import register_demo_step
from portal.models import Instansi

from ..skp.models import Iki, PerformancePeriod, PerilakuExpectation, Rhk, Skp, SkpTransition
from . import rules
from .models import Appeal, AppealTransition, Evaluation, EvaluationTransition
from .queries import matrix_for

# (hasil kerja, perilaku kerja) by weight: most employees meet expectations
PATTERN = (
    [("SESUAI", "SESUAI")] * 6
    + [("DI_ATAS", "SESUAI"), ("DI_ATAS", "DI_ATAS"), ("SESUAI", "DI_ATAS")]
    + [("DI_BAWAH", "SESUAI")]
)
REASONS = {
    "DI_ATAS": "Realisasi melampaui target IKI berdasarkan bukti dukung.",
    "SESUAI": "Realisasi sesuai target IKI berdasarkan bukti dukung.",
    "DI_BAWAH": "Sebagian target IKI belum tercapai; bukti dukung belum lengkap.",
}
MOVED_ON = (10, 1)  # the journey's employee took their present position on 1 October


def _at(day):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _split_journey_skp(period, username):
    """Split the journey employee's SKP at 1 October: an approved first part with its plan, the draft after."""
    draft = Skp.objects.filter(period=period, pegawai__user__username=username, status=Skp.Status.DRAFT).first()
    moved = date(period.year, *MOVED_ON)
    if draft is None or draft.valid_from >= moved:
        return None
    parent = Rhk.objects.filter(skp__pegawai_id=draft.evaluator_id, skp__period=period).order_by("order").first()
    draft.valid_from = moved
    draft.save(update_fields=["valid_from"])
    first = Skp.objects.create(
        period=period, pegawai=draft.pegawai, status=Skp.Status.APPROVED, status_changed_at=_at(date(period.year, 1, 20)),
        valid_from=period.starts_on, valid_to=moved - timedelta(days=1), evaluator=draft.evaluator,
        evaluator_name=draft.evaluator_name, evaluator_position=draft.evaluator_position,
        jabatan_name="Pengadministrasi Umum", jabatan_kind="pelaksana", unit_name=draft.unit_name,
        dukungan_sumber_daya=draft.dukungan_sumber_daya, skema_pertanggungjawaban=draft.skema_pertanggungjawaban,
        konsekuensi=draft.konsekuensi,
    )  # fmt: skip
    PerilakuExpectation.objects.bulk_create(
        PerilakuExpectation(skp=first, value_id=value_id)
        for value_id in draft.perilaku.values_list("value_id", flat=True)
    )
    rhk = Rhk.objects.create(skp=first, text="Tertatanya administrasi usul layanan kepegawaian", intervened=parent)
    Iki.objects.bulk_create([
        Iki(rhk=rhk, text="Persentase berkas usul yang lengkap saat diteruskan", aspek="kualitas", target="90 %"),
        Iki(rhk=rhk, text="Jumlah berkas usul yang diadministrasikan", aspek="kuantitas", target="180 berkas", order=1),
    ])  # fmt: skip
    user, evaluator = draft.pegawai.user, draft.evaluator.user if draft.evaluator else None
    SkpTransition.objects.bulk_create([
        SkpTransition(skp=first, from_status="", to_status="draft", actor=user),
        SkpTransition(skp=first, from_status="draft", to_status="submitted", actor=user),
        SkpTransition(skp=first, from_status="submitted", to_status="approved", actor=evaluator),
    ])  # fmt: skip
    return first


def _state(window, latest, skp, journey_skp, n):
    """Final for the earlier quarters; the latest quarter open, rated or final in turn; the journey's open."""
    if skp.pk == getattr(journey_skp, "pk", None):
        return rules.FINALISED if window.sequence < latest else rules.OPEN
    if window.sequence < latest:
        return rules.FINALISED
    return (rules.OPEN, rules.RATED, rules.FINALISED)[n % 3]


def load_instansi(instansi, today):
    period = PerformancePeriod.objects.filter(instansi=instansi, status=PerformancePeriod.Status.OPEN).first()
    if period is None or Evaluation.objects.filter(skp__period=period).exists():
        return 0
    journey_skp = _split_journey_skp(period, f"pegawai.{instansi.slug}")
    windows = [w for w in period.windows.order_by("sequence") if w.ends_on < today]
    if not windows:
        return 0
    latest = windows[-1].sequence
    matrix = {**rules.DEFAULT_MATRIX, **matrix_for(instansi.pk)}
    skps = list(Skp.objects.filter(period=period, status=Skp.Status.APPROVED).select_related("evaluator__user"))
    evaluations, plans = [], []
    for window in windows:
        for n, skp in enumerate(skps):
            if skp.valid_from > window.ends_on or skp.valid_to < window.starts_on:
                continue
            state = _state(window, latest, skp, journey_skp, n + window.sequence)
            hasil, perilaku = PATTERN[(skp.pk * 7 + window.sequence) % len(PATTERN)]
            rated = state != rules.OPEN
            evaluation = Evaluation(
                skp=skp, kind=Evaluation.Kind.PERIODIC, window=window, status=state,
                status_changed_at=_at(window.deadline - timedelta(days=2)),
                rating_hasil_kerja=hasil if rated else "", rating_perilaku_kerja=perilaku if rated else "",
                reason=REASONS[hasil] if rated else "", predikat=matrix[(hasil, perilaku)] if rated else "",
                rated_by=skp.evaluator.user if rated and skp.evaluator else None,
                finalised_at=_at(window.deadline - timedelta(days=2)) if state == rules.FINALISED else None,
            )  # fmt: skip
            evaluations.append(evaluation)
            plans.append((evaluation, skp, state))
    Evaluation.objects.bulk_create(evaluations)
    EvaluationTransition.objects.bulk_create(_history(plans))
    _appeal(instansi, evaluations, journey_skp)
    return len(evaluations)


def _history(plans):
    rows = []
    for evaluation, skp, state in plans:
        rater = skp.evaluator.user if skp.evaluator else None
        steps = {rules.OPEN: ["open"], rules.RATED: ["open", "rated"], rules.FINALISED: ["open", "rated", "finalised"]}
        previous = ""
        for step in steps[state]:
            reason = evaluation.reason if step == "rated" else ""
            rows.append(EvaluationTransition(evaluation=evaluation, from_status=previous, to_status=step,
                                             actor=rater, reason=reason))  # fmt: skip
            previous = step
    return rows


def _appeal(instansi, evaluations, journey_skp):
    """One appeal waiting for a decision: a final 'Butuh Perbaikan' of someone whose evaluator has a supervisor."""
    for evaluation in evaluations:
        skp = evaluation.skp
        decider = skp.evaluator.atasan if skp.evaluator else None
        if (evaluation.predikat == "BUTUH_PERBAIKAN" and evaluation.status == rules.FINALISED and decider
                and skp.pk != getattr(journey_skp, "pk", None)):  # fmt: skip
            appeal = Appeal.objects.create(
                evaluation=evaluation, status=Appeal.Status.FILED, decider=decider,
                predikat_before=evaluation.predikat, status_changed_at=evaluation.finalised_at + timedelta(days=3),
                reasons="Realisasi IKI triwulan ini sudah saya lengkapi dengan bukti dukung (laporan dan daftar "
                "berkas), tetapi belum dipertimbangkan dalam penilaian.",
            )  # fmt: skip
            AppealTransition.objects.create(appeal=appeal, from_status="", to_status="filed", actor=skp.pegawai.user)
            return appeal
    return None


@register_demo_step("kinerja-evaluation", order=55)
def load_evaluations(stdout=None):
    today = timezone.localdate()
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi, today)
        if stdout and made:
            stdout.write(f"  {instansi.name}: {made} evaluasi kinerja")
