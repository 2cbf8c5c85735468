"""The only writers of periods and SKP: each use case one function, keyword-only, in a transaction, checking
permission and state."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import frame
from portal.models import Pegawai
from portal.services import notify

from . import permissions, rules, start_sources
from .models import (
    ActingEvaluator,
    BerakhlakValue,
    EvaluationWindow,
    Iki,
    PerformancePeriod,
    PerilakuExpectation,
    Rhk,
    Skp,
)
from .state_machines import SKP

Status = Skp.Status


# --- periods ----------------------------------------------------------------------------------------------------


@transaction.atomic
def open_period(
    *, actor, instansi, year: int, cadence: str = PerformancePeriod.Cadence.QUARTERLY,
    planning_deadline: date | None = None, annual_deadline: date | None = None,
) -> PerformancePeriod:  # fmt: skip
    """Open the performance year of an instansi with its periodic evaluations (quarterly unless it says monthly)."""
    if not permissions.can_manage_periods(actor, instansi.pk):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat membuka periode kinerja."))
    if PerformancePeriod.objects.filter(instansi=instansi, year=year).exists():
        raise ValidationError(_("Periode kinerja tahun %(year)s sudah ada.") % {"year": year})
    period = PerformancePeriod.objects.create(
        instansi=instansi, year=year, cadence=cadence, starts_on=date(year, 1, 1), ends_on=date(year, 12, 31),
        planning_deadline=planning_deadline or date(year, 1, 31),
        annual_deadline=annual_deadline or date(year + 1, 1, 31),
        status=PerformancePeriod.Status.OPEN,
    )  # fmt: skip
    EvaluationWindow.objects.bulk_create(
        EvaluationWindow(period=period, **vars(window)) for window in rules.evaluation_windows(year, cadence)
    )
    return period


# --- writing an SKP ---------------------------------------------------------------------------------------------


def evaluator_of(pegawai: Pegawai) -> Pegawai | None:
    """The pejabat penilai: the direct supervisor, when active and in the same instansi."""
    atasan = pegawai.atasan
    if atasan is None or not atasan.is_active or atasan.instansi_id != pegawai.instansi_id:
        return None
    return atasan


def _snapshot(pegawai: Pegawai) -> dict:
    evaluator = evaluator_of(pegawai)
    return {
        "evaluator": evaluator,
        "evaluator_name": evaluator.full_name if evaluator else "",
        "evaluator_position": evaluator.jabatan.name if evaluator and evaluator.jabatan_id else "",
        "jabatan_name": pegawai.jabatan.name if pegawai.jabatan_id else "",
        "jabatan_kind": pegawai.jabatan.kind if pegawai.jabatan_id else "",
        "unit_name": pegawai.unit.name,
    }


@transaction.atomic
def start_skp(*, actor, pegawai: Pegawai, period: PerformancePeriod, approach: str = Skp.Approach.KUANTITATIF,
              copy_from: Skp | None = None, from_evaluator: bool = False, from_source: str = "") -> Skp:  # fmt: skip
    """A new draft SKP for the year, optionally starting from an earlier SKP's RHK and IKI (the cascade links are
    not copied: the evaluator's RHK of this year are other rows), from the evaluator's approved RHK of this year
    (one RHK utama per evaluator's RHK, each already intervening it, for the employee to reword), or from a source
    a sibling package registered in `start_sources` (the RHK templates of the employee's jabatan: their RHK and
    IKI, with the intervened RHK left for the employee to choose)."""
    if pegawai.user_id != actor.pk:
        raise PermissionDenied(_("SKP disusun oleh pegawai yang bersangkutan."))
    if period.instansi_id != pegawai.instansi_id or period.status != PerformancePeriod.Status.OPEN:
        raise ValidationError(_("Periode kinerja ini tidak terbuka untuk Anda."))
    if Skp.objects.filter(period=period, pegawai=pegawai).exists():
        raise ValidationError(_("Anda sudah mempunyai SKP pada periode ini."))
    if copy_from is not None and copy_from.pegawai_id != pegawai.pk:
        raise PermissionDenied(_("Hanya SKP Anda sendiri yang dapat disalin."))
    source = start_sources.source(from_source) if from_source else None
    if from_source and source is None:
        raise ValidationError(_("Pilih titik awal SKP Anda."))
    skp = Skp(period=period, pegawai=pegawai, approach=approach, valid_from=period.starts_on,
              valid_to=period.ends_on, status="", **_snapshot(pegawai))  # fmt: skip
    skp.save()
    SKP.apply(skp, Status.DRAFT, actor=actor)
    PerilakuExpectation.objects.bulk_create(
        PerilakuExpectation(skp=skp, value=value) for value in BerakhlakValue.objects.all()
    )
    if copy_from is not None:
        _copy_plan(copy_from, skp)
    if from_evaluator:
        _cascade_plan(skp)
    if source is not None:
        planned = source.plan(pegawai)
        if not planned:
            raise ValidationError(source.empty_message())
        _write_plan(skp, planned)
    return skp


def _cascade_plan(skp: Skp):
    parents = list(
        Rhk.objects.filter(
            skp__pegawai_id=skp.evaluator_id, skp__period_id=skp.period_id, skp__status=Status.APPROVED
        ).order_by("kind", "order", "pk")
    )
    if not parents:
        raise ValidationError(_("Pejabat penilai Anda belum mempunyai SKP yang disetujui untuk dijadikan titik awal."))
    Rhk.objects.bulk_create(
        Rhk(skp=skp, kind=Rhk.Kind.UTAMA, text=parent.text, intervened=parent, order=order)
        for order, parent in enumerate(parents)
    )


def _copy_plan(source: Skp, target: Skp):
    _write_plan(target, [
        start_sources.PlannedRhk(
            kind=rhk.kind, text=rhk.text, perspektif=rhk.perspektif,
            iki=tuple(start_sources.PlannedIki(iki.text, iki.aspek, iki.target) for iki in rhk.iki.all()),
        )
        for rhk in source.rhk.prefetch_related("iki")
    ])  # fmt: skip


def _write_plan(skp: Skp, planned: list[start_sources.PlannedRhk]):
    """The RHK and IKI of a new draft in two queries, in the given order. A perspektif is kept only on an SKP of a
    Jabatan Pimpinan Tinggi (as `save_rhk` allows it)."""
    rows = Rhk.objects.bulk_create(
        Rhk(skp=skp, kind=item.kind, text=item.text, perspektif=item.perspektif if skp.is_jpt else "", order=order)
        for order, item in enumerate(planned)
    )
    Iki.objects.bulk_create(
        Iki(rhk=row, text=iki.text, aspek=iki.aspek, target=iki.target, order=order)
        for row, item in zip(rows, planned, strict=True)
        for order, iki in enumerate(item.iki)
    )


def _writable(actor, skp: Skp) -> Skp:
    skp = Skp.objects.select_for_update(of=("self",)).select_related("pegawai", "period").get(pk=skp.pk)
    if skp.pegawai.user_id != actor.pk:
        raise PermissionDenied(_("SKP disusun oleh pegawai yang bersangkutan."))
    if not skp.editable:
        raise ValidationError(_("SKP yang sudah diajukan atau disetujui tidak dapat diubah; ajukan revisi."))
    return skp


def check_cascade(skp: Skp, intervened: Rhk | None):
    if intervened is None:
        return
    # read the parent's SKP afresh: its state may have changed since the caller loaded it
    parent = Skp.objects.values("pegawai_id", "status", "period_id").get(pk=intervened.skp_id)
    problem = rules.cascade_problem(
        parent_skp_pegawai_id=parent["pegawai_id"], parent_status=parent["status"],
        parent_period_id=parent["period_id"], evaluator_id=skp.evaluator_id, period_id=skp.period_id,
    )  # fmt: skip
    messages = {
        "no_evaluator": _("Anda tidak mempunyai pejabat penilai, jadi RHK Anda tidak mengintervensi RHK lain."),
        "not_evaluator": _("RHK yang diintervensi harus RHK pejabat penilai Anda."),
        "other_period": _("RHK yang diintervensi harus dari periode yang sama."),
        "not_approved": _("SKP pejabat penilai Anda belum disetujui; RHK-nya belum dapat diintervensi."),
    }
    if problem:
        raise ValidationError(messages[problem])


@transaction.atomic
def save_rhk(*, actor, skp: Skp, text: str, kind: str = Rhk.Kind.UTAMA, intervened: Rhk | None = None,
             perspektif: str = "", rhk: Rhk | None = None) -> Rhk:  # fmt: skip
    """Add an RHK, or change `rhk`, of a draft or returned SKP."""
    skp = _writable(actor, skp)
    if not text.strip():
        raise ValidationError(_("Tuliskan rencana hasil kerja."))
    if perspektif and not skp.is_jpt:
        raise ValidationError(_("Perspektif hanya untuk SKP Jabatan Pimpinan Tinggi."))
    check_cascade(skp, intervened)
    if rhk is None:
        rhk = Rhk(skp=skp, order=skp.rhk.count())
    elif rhk.skp_id != skp.pk:
        raise PermissionDenied(_("RHK ini bukan bagian dari SKP tersebut."))
    rhk.text, rhk.kind, rhk.intervened, rhk.perspektif = text.strip(), kind, intervened, perspektif
    rhk.save()
    return rhk


@transaction.atomic
def save_details(*, actor, skp: Skp, approach: str, dukungan_sumber_daya: str = "",
                 skema_pertanggungjawaban: str = "", konsekuensi: str = "") -> Skp:  # fmt: skip
    """The approach and the lampiran (dukungan sumber daya, skema pertanggungjawaban, konsekuensi) of a draft."""
    skp = _writable(actor, skp)
    if approach not in Skp.Approach.values:
        raise ValidationError(_("Pilih pendekatan kuantitatif atau kualitatif."))
    skp.approach = approach
    skp.dukungan_sumber_daya = dukungan_sumber_daya.strip()
    skp.skema_pertanggungjawaban = skema_pertanggungjawaban.strip()
    skp.konsekuensi = konsekuensi.strip()
    skp.save(update_fields=["approach", "dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi",
                            "updated_at"])  # fmt: skip
    return skp


@transaction.atomic
def delete_rhk(*, actor, rhk: Rhk) -> None:
    _writable(actor, rhk.skp)
    if rhk.cascaded.exists():
        raise ValidationError(_("RHK ini diintervensi oleh RHK bawahan; minta mereka mengubahnya dahulu."))
    rhk.delete()


@transaction.atomic
def save_iki(*, actor, rhk: Rhk, text: str, aspek: str, target: str, iki: Iki | None = None) -> Iki:
    _writable(actor, rhk.skp)
    if not text.strip() or not target.strip():
        raise ValidationError(_("Tuliskan indikator dan targetnya."))
    if aspek not in Iki.Aspek.values:
        raise ValidationError(_("Pilih aspek: kuantitas, kualitas, atau waktu."))
    if iki is None:
        iki = Iki(rhk=rhk, order=rhk.iki.count())
    elif iki.rhk_id != rhk.pk:
        raise PermissionDenied(_("IKI ini bukan bagian dari RHK tersebut."))
    iki.text, iki.aspek, iki.target = text.strip(), aspek, target.strip()
    iki.save()
    return iki


@transaction.atomic
def delete_iki(*, actor, iki: Iki) -> None:
    _writable(actor, iki.rhk.skp)
    iki.delete()


# --- the cycle --------------------------------------------------------------------------------------------------


def submission_problems(skp: Skp) -> list[str]:
    """What keeps an SKP from being submitted, in words the employee can act on (empty when ready)."""
    problems = []
    rhk = list(skp.rhk.prefetch_related("iki").select_related("intervened__skp"))
    if not any(item.kind == Rhk.Kind.UTAMA for item in rhk):
        problems.append(_("Tambahkan paling sedikit satu RHK utama."))
    for item in rhk:
        if not item.iki.all():
            problems.append(_("RHK \u201c%(rhk)s\u201d belum mempunyai indikator.") % {"rhk": item.text[:60]})
        if item.kind == Rhk.Kind.UTAMA and skp.evaluator_id and item.intervened_id is None:
            problems.append(
                _("RHK \u201c%(rhk)s\u201d belum menyebut RHK pimpinan yang diintervensi.") % {"rhk": item.text[:60]}
            )
    return problems


@transaction.atomic
def submit_skp(*, actor, skp: Skp) -> Skp:
    skp = _writable(actor, skp)
    problems = submission_problems(skp)
    if problems:
        raise ValidationError(problems)
    for item in skp.rhk.select_related("intervened"):
        check_cascade(skp, item.intervened)
    skp = SKP.apply(skp, Status.SUBMITTED, actor=actor)
    _tell_evaluators(skp)
    return skp


def _skp_url(skp: Skp) -> str:
    return reverse("kinerja:skp_detail", args=[skp.pk])


def _tell_evaluators(skp: Skp):
    """The pejabat penilai and whoever acts for them today hear that an SKP waits for their decision."""
    if skp.evaluator_id is None:
        return
    today = timezone.localdate()
    people = [skp.evaluator_id, *ActingEvaluator.objects.filter(
        official_id=skp.evaluator_id, starts_on__lte=today, ends_on__gte=today
    ).values_list("acting_id", flat=True)]  # fmt: skip
    for person in Pegawai.objects.filter(pk__in=people, is_active=True).select_related("user"):
        notify(
            person.user,
            kind="kinerja.skp_submitted",
            params={"name": skp.pegawai.nama, "year": skp.period.year, "skp": skp.pk},
            url=_skp_url(skp),
            dedupe_key=f"kinerja:skp:{skp.pk}:submitted:{skp.status_changed_at.isoformat()}",
        )


def _tell_employee(skp: Skp, kind: str, reason: str = ""):
    notify(
        skp.pegawai.user,
        kind=kind,
        params={"year": skp.period.year, "reason": reason},
        url=_skp_url(skp),
        dedupe_key=f"kinerja:skp:{skp.pk}:{skp.status}:{skp.status_changed_at.isoformat()}",
    )


def _as_evaluator(actor, skp: Skp):
    skp = (
        Skp.objects.select_for_update(of=("self",))
        .select_related("pegawai__user", "evaluator", "period")
        .get(pk=skp.pk)
    )
    may_act, on_behalf_of = permissions.acting_for(actor, skp.evaluator)
    if not may_act:
        raise PermissionDenied(_("Hanya pejabat penilai (atau Plt/Plh-nya) yang dapat memutuskan SKP ini."))
    return skp, {"on_behalf_of": on_behalf_of}


@transaction.atomic
def approve_skp(*, actor, skp: Skp, reason: str = "") -> Skp:
    skp, history = _as_evaluator(actor, skp)
    skp = SKP.apply(skp, Status.APPROVED, actor=actor, reason=reason, history=history)
    _tell_employee(skp, "kinerja.skp_approved", reason)
    return skp


@transaction.atomic
def return_skp(*, actor, skp: Skp, reason: str) -> Skp:
    if not reason.strip():
        raise ValidationError(_("Tuliskan apa yang perlu diperbaiki."))
    skp, history = _as_evaluator(actor, skp)
    skp = SKP.apply(skp, Status.RETURNED, actor=actor, reason=reason.strip(), history=history)
    _tell_employee(skp, "kinerja.skp_returned", reason.strip())
    return skp


@transaction.atomic
def revise_skp(*, actor, skp: Skp, reason: str) -> Skp:
    """Reopen an approved SKP as a draft: the change is approved again, and the history says why."""
    skp = Skp.objects.select_for_update(of=("self",)).select_related("pegawai").get(pk=skp.pk)
    if skp.pegawai.user_id != actor.pk:
        raise PermissionDenied(_("Revisi SKP diajukan oleh pegawai yang bersangkutan."))
    if not reason.strip():
        raise ValidationError(_("Tuliskan alasan revisi."))
    skp.revision += 1
    return SKP.apply(skp, Status.DRAFT, actor=actor, reason=reason, extra_fields=["revision"])


@transaction.atomic
def set_expectation(*, actor, skp: Skp, value: BerakhlakValue, text: str) -> PerilakuExpectation:
    """The pejabat penilai's ekspektasi khusus pimpinan for one BerAKHLAK value, before the SKP is approved."""
    skp, _history = _as_evaluator(actor, skp)
    if skp.status == Status.APPROVED:
        raise ValidationError(_("SKP sudah disetujui; ekspektasi diubah melalui revisi."))
    expectation, _created = PerilakuExpectation.objects.update_or_create(
        skp=skp, value=value, defaults={"ekspektasi_khusus": text.strip()}
    )
    return expectation


# --- Plt / Plh --------------------------------------------------------------------------------------------------


@transaction.atomic
def assign_acting_evaluator(*, actor, official: Pegawai, acting: Pegawai, kind: str, starts_on: date,
                            ends_on: date, note: str = "") -> ActingEvaluator:  # fmt: skip
    """HR of the instansi names a Plt or Plh who decides for `official` as pejabat penilai between two dates."""
    if not permissions.can_manage_periods(actor, official.instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat menunjuk Plt/Plh."))
    if acting.instansi_id != official.instansi_id:
        raise ValidationError(_("Plt/Plh harus pegawai instansi yang sama."))
    if acting.pk == official.pk:
        raise ValidationError(_("Pejabat tidak dapat menjadi Plt/Plh bagi dirinya sendiri."))
    if not (official.is_active and acting.is_active):
        raise ValidationError(_("Pejabat dan Plt/Plh harus pegawai aktif."))
    if kind not in ActingEvaluator.Kind.values:
        raise ValidationError(_("Pilih Plt atau Plh."))
    if ends_on < starts_on:
        raise ValidationError(_("Tanggal selesai tidak boleh sebelum tanggal mulai."))
    overlapping = ActingEvaluator.objects.filter(official=official, starts_on__lte=ends_on, ends_on__gte=starts_on)
    if overlapping.exists():
        raise ValidationError(_("%(name)s sudah mempunyai Plt/Plh pada rentang tanggal itu.") % {"name": official.nama})
    assignment = ActingEvaluator.objects.create(
        official=official, acting=acting, kind=kind, starts_on=starts_on, ends_on=ends_on, note=note.strip()[:200],
        created_by=actor,
    )  # fmt: skip
    frame.forget_users(acting.user_id)  # their menu gains the SKP queue
    return assignment
