"""Demo data of talent management, after the career step: a filled 9-box for each instansi.

- Every active employee without a final annual predikat in the last two years gets one for last year (a closed
  period with one approved SKP each), most of them Baik, some Sangat Baik, some Butuh Perbaikan. The named demo
  accounts keep their own journeys' data.
- Two thirds of the staff get a potential assessment, its score chosen from the instansi's weight and thresholds
  and from the employee's competency match so that each kinerja column holds high, middle and low potential; the
  others are placed on their competency match alone, and whoever has neither stays "belum dapat dipetakan".
- The placements are computed, and Provinsi Gorontalo gets a succession plan for the head of its Mutasi dan Promosi
  division with candidates from the pool.

Fast (bulk writes, a constant number of queries per instansi) and idempotent: employees who have a predikat keep
it, an instansi that has assessments gets no more, the plan and its candidates are found again."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from portal.demo import register_demo_step
from portal.models import Instansi, Jabatan, Pegawai, UnitKerja

from ..career.demo import NAMED, RATINGS
from ..career.demo import _past_period as past_period  # the closed period the career demo also writes
from ..evaluation.models import Evaluation
from ..skp.models import Skp
from . import queries, rules, services
from .models import PotentialAssessment, Readiness, SuccessionCandidate, SuccessionPlan

# last year's predikat of employees without one: most meet expectations (the calibration's usual shape)
PREDIKAT = ["BAIK", "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "BAIK", "BAIK", "SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN"]
LEMBAGA = "UPT Penilaian Kompetensi BKD (data demo)"
KEY_POSITION = ("KABID-BKD-MP", "BKD-MP")  # jabatan code, unit code of the Gorontalo succession plan


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _staff(instansi):
    return list(
        Pegawai.objects.active()
        .filter(instansi=instansi)
        .select_related("user", "unit", "jabatan", "instansi", "atasan")
        .order_by("nip")
    )


def _give_predikat(instansi, people, today):
    """A final annual evaluation of last year for the employees who have none in the last two years."""
    year = today.year - 1
    have = set(
        Evaluation.objects.filter(kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED,
                                  skp__pegawai__instansi=instansi, skp__period__year__gte=year - 1)
        .values_list("skp__pegawai_id", flat=True)
    )  # fmt: skip
    needing = [p for p in people if p.pk not in have and not p.user.username.startswith(("pegawai.", *NAMED))]
    if not needing:
        return 0
    period = past_period(instansi, year)
    skps = {
        skp.pegawai_id: skp for skp in Skp.objects.filter(period=period, pegawai__in=needing).order_by("valid_from")
    }
    Skp.objects.bulk_create([
        Skp(period=period, pegawai=p, status=Skp.Status.APPROVED, valid_from=period.starts_on, valid_to=period.ends_on,
            evaluator=p.atasan, evaluator_name=p.atasan.full_name if p.atasan_id else "", unit_name=p.unit.name,
            jabatan_name=p.jabatan.name if p.jabatan_id else "", status_changed_at=_at(period.starts_on))
        for p in needing if p.pk not in skps
    ])  # fmt: skip
    skps = {
        skp.pegawai_id: skp for skp in Skp.objects.filter(period=period, pegawai__in=needing).order_by("valid_from")
    }
    rated = set(
        Evaluation.objects.filter(skp__in=skps.values(), kind=Evaluation.Kind.ANNUAL).values_list("skp_id", flat=True)
    )
    finalised = _at(datetime.date(year + 1, 1, 20))
    evaluations = []
    for index, person in enumerate(needing):
        skp = skps[person.pk]
        if skp.pk in rated:
            continue
        predikat = PREDIKAT[index % len(PREDIKAT)]
        hasil, perilaku = RATINGS[predikat]
        evaluations.append(Evaluation(
            skp=skp, kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED, rating_hasil_kerja=hasil,
            rating_perilaku_kerja=perilaku, predikat=predikat, reason="Evaluasi kinerja tahunan (data demo).",
            finalised_at=finalised, status_changed_at=finalised,
        ))  # fmt: skip
    Evaluation.objects.bulk_create(evaluations)
    return len(evaluations)


def _score_for(target, match, thresholds):
    """An assessment score that, weighed with `match`, lands in the `target` potensial level (as near as 0-100
    allows)."""
    aim = {
        rules.TINGGI: thresholds.tinggi_min + 4,
        rules.MENENGAH: (thresholds.tinggi_min + thresholds.menengah_min) / 2,
        rules.RENDAH: thresholds.menengah_min - 12,
    }[target]
    weight = Decimal(thresholds.assessment_weight) / 100
    alone = match is None or weight == 0
    score = Decimal(aim) if alone else (Decimal(aim) - (1 - weight) * Decimal(match)) / weight
    score = min(Decimal(99), max(Decimal(30), score))
    return (score * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2  # to the half point, as assessors write it


def _give_assessments(instansi, people, today):
    if PotentialAssessment.objects.filter(pegawai__instansi=instansi).exists():
        return 0
    instansi_rules = queries.rules_of(instansi.pk)
    facts = queries.facts_of(instansi.pk, today.year, instansi_rules.thresholds.kinerja_years)
    by_kinerja = {level: [] for level in rules.KINERJA_LEVELS}
    for person, fact in facts:
        latest = rules.latest_predikat(fact.predikat, today.year, instansi_rules.thresholds.kinerja_years)
        if latest is not None:
            by_kinerja[rules.kinerja_level(latest.predikat, instansi_rules.thresholds)].append((person, fact))
    assessed_on = datetime.date(today.year - 1, 11, 15)
    rows = []
    levels = (rules.TINGGI, rules.MENENGAH, rules.RENDAH)
    for group in by_kinerja.values():
        # the best competency match aims high: an assessment can then lift them there
        group.sort(
            key=lambda item: (-(item[1].match_percent if item[1].match_percent is not None else 101), item[0].nip)
        )
        for index, (person, fact) in enumerate(group):
            if index % 3 == 2 and fact.match_percent is not None:
                continue  # a third is placed on the competency match alone
            target = levels[min(2, index * 3 // max(1, len(group)))]
            score = _score_for(target, fact.match_percent, instansi_rules.thresholds)
            rows.append(PotentialAssessment(pegawai=person, assessed_on=assessed_on, score=score, lembaga=LEMBAGA,
                                            note="Asesmen potensi (data demo)."))  # fmt: skip
    PotentialAssessment.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _succession_plan(instansi):
    jabatan = Jabatan.objects.filter(instansi=instansi, code=KEY_POSITION[0]).first()
    unit = UnitKerja.objects.filter(instansi=instansi, code=KEY_POSITION[1]).first()
    if jabatan is None:
        return 0
    hr = Pegawai.objects.filter(instansi=instansi, user__username__startswith="sdm.").select_related("user").first()
    actor = hr.user if hr else None
    plan, _created = SuccessionPlan.objects.get_or_create(
        instansi=instansi, jabatan=jabatan, unit=unit,
        defaults={"note": "Kepala bidang memasuki batas usia pensiun dalam dua tahun.", "created_by": actor},
    )  # fmt: skip
    if plan.candidates.exists():
        return 0
    instansi_rules = queries.rules_of(instansi.pk)
    scope = queries.TalentScope(instansi.pk, None, manage=True, top=True)
    # successors of a head of division come from below it: no head of an agency or of another division
    senior = (Jabatan.Kind.JPT, Jabatan.Kind.ADMINISTRATOR)
    pool = [
        row
        for row in queries.box_list(scope, instansi_rules, pool=True)
        if row.pegawai.jabatan_id is None or row.pegawai.jabatan.kind not in senior
    ]
    readiness = [Readiness.NOW, Readiness.ONE_TWO, Readiness.ONE_TWO, Readiness.LATER]
    SuccessionCandidate.objects.bulk_create([
        SuccessionCandidate(plan=plan, pegawai=row.pegawai, readiness=ready, box=row.current_box, added_by=actor,
                            note="Diusulkan dari kelompok talenta (data demo).")
        for row, ready in zip(pool, readiness, strict=False)
    ])  # fmt: skip
    return min(len(pool), len(readiness))


def load_instansi(instansi, today=None):
    today = today or timezone.localdate()
    people = _staff(instansi)
    predikat = _give_predikat(instansi, people, today)
    assessments = _give_assessments(instansi, people, today)
    services.recompute_instansi(instansi=instansi, notify_hr=False)
    candidates = _succession_plan(instansi) if instansi.slug == "gorontalo" else 0
    return predikat, assessments, candidates


@register_demo_step("kinerja-talent", order=59)
def load_talent(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            predikat, assessments, candidates = load_instansi(instansi)
        if stdout:
            stdout.write(f"  {instansi.name}: kotak talenta ({predikat} predikat, {assessments} asesmen potensi"
                         f"{f', {candidates} kandidat suksesi' if candidates else ''})")  # fmt: skip
