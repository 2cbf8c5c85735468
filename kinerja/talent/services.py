"""Every change to talent management: the placements (the nightly recomputation per instansi, which tells HR whose
box changed), the potential assessments HR records, and the succession plans with their candidates. Keyword-only,
in a transaction, checking permission and state."""

import datetime
import hashlib
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal import audit, roles
from portal.models import Instansi, Jabatan, Pegawai, UnitKerja
from portal.services import notify

from . import permissions, queries
from .models import PotentialAssessment, Readiness, SuccessionCandidate, SuccessionPlan, TalentPlacement

NOTE_MAX = 1000
ASSESSMENT_FIELDS = ("score", "lembaga", "note")
PLACEMENT_FIELDS = ["box", "kinerja", "potensial", "score", "reason", "evidence", "computed_at", "changed_at"]


class OutsidePool(ValidationError):
    """The proposed candidate is not in the talent pool and HR gave no reason."""


def _must_manage(actor, instansi_id):
    if not permissions.can_manage(actor, instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat mengelola manajemen talenta."))


# --- placements ----------------------------------------------------------------------------------------------------


def _cell(kinerja, potensial, box):
    return (kinerja, potensial) if box is not None else None


@transaction.atomic
def recompute_instansi(*, instansi: Instansi, pegawai_ids=None, notify_hr: bool = True, now=None) -> dict:
    """Store the placement of each active employee of the instansi (or of `pegawai_ids`); tell HR, once, whose box
    changed since the last run. A first placement is no change. Returns {"stored", "mapped", "changed": [ids]}."""
    now = now or timezone.now()
    instansi_rules = queries.rules_of(instansi.pk)
    found = queries.placements_of(instansi.pk, pegawai_ids, instansi_rules, today=timezone.localdate(now))
    if pegawai_ids is None:  # who left or was deactivated is no longer on the grid
        TalentPlacement.objects.filter(pegawai__instansi=instansi, pegawai__is_active=False).delete()
    existing = {
        row.pegawai_id: row
        for row in TalentPlacement.objects.select_for_update(of=("self",)).filter(
            pegawai_id__in=[person.pk for person, _placement in found]
        )
    }
    new, update, changed = [], [], []
    for person, placement in found:
        values = {
            "box": placement.box.number if placement.box else None,
            "kinerja": placement.kinerja or "",
            "potensial": placement.potensial or "",
            "score": placement.score,
            "reason": placement.reason_text[:500],
            "evidence": placement.evidence,
            "computed_at": now,
        }
        row = existing.get(person.pk)
        if row is None:
            new.append(TalentPlacement(pegawai=person, changed_at=now, **values))
            continue
        moved = _cell(row.kinerja, row.potensial, row.box) != _cell(
            values["kinerja"], values["potensial"], values["box"]
        )
        for name, value in values.items():
            setattr(row, name, value)
        if moved:
            row.changed_at = now
            changed.append((person, row.box))
        update.append(row)
    TalentPlacement.objects.bulk_create(new, batch_size=1000)
    TalentPlacement.objects.bulk_update(update, PLACEMENT_FIELDS, batch_size=1000)
    if changed and notify_hr:
        _notify_hr(instansi, changed, now)
    return {
        "stored": len(found),
        "mapped": sum(placement.mappable for _person, placement in found),
        "changed": [person.pk for person, _box in changed],
    }


def _names(changed):
    names = [
        f"{person.full_name} ({_('kotak %(n)s') % {'n': box} if box else _('belum dipetakan')})"
        for person, box in changed[:5]
    ]
    return ", ".join(names) + (f" (+{len(changed) - 5})" if len(changed) > 5 else "")


def _notify_hr(instansi, changed, now):
    users = (
        get_user_model()
        .objects.filter(
            is_active=True, groups__name=roles.ADMIN_SDM, pegawai__instansi=instansi, pegawai__is_active=True
        )
        .distinct()
    )
    # the same moves on the same day are told once, however often the job runs
    moves = ",".join(f"{person.pk}:{box}" for person, box in sorted(changed, key=lambda item: item[0].pk))
    digest = hashlib.sha1(moves.encode(), usedforsecurity=False).hexdigest()[:16]
    key = f"talent:{instansi.pk}:{timezone.localdate(now).isoformat()}:{digest}"
    params = {"count": len(changed), "names": _names(changed)}
    for user in users:
        notify(user, kind="kinerja.talent_changed", dedupe_key=key, url=reverse("kinerja:talent_grid"), params=params)


def refresh(*, actor, instansi: Instansi) -> dict:
    """HR asks for the placements now instead of waiting for the night (nobody is notified: they are looking)."""
    _must_manage(actor, instansi.pk)
    return recompute_instansi(instansi=instansi, notify_hr=False)


# --- potential assessments -----------------------------------------------------------------------------------------


def _score(value) -> Decimal:
    try:
        score = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(_("Nilai potensi harus berupa angka 0 sampai 100.")) from None
    if not score.is_finite() or score < 0 or score > 100:
        raise ValidationError(_("Nilai potensi harus berupa angka 0 sampai 100."))
    return score.quantize(Decimal("0.01"))


@transaction.atomic
def record_assessment(
    *, actor, pegawai: Pegawai, assessed_on: datetime.date, score, lembaga: str = "", note: str = "",
    recompute: bool = True,
) -> PotentialAssessment:  # fmt: skip
    """A potential assessment result (0-100) of an employee on a date; a second result for the same date corrects
    the first. The employee's placement is recomputed at once unless the caller does it for many (an import)."""
    _must_manage(actor, pegawai.instansi_id)
    if not pegawai.is_active:
        raise ValidationError(_("%(name)s tidak aktif.") % {"name": pegawai.full_name})
    if assessed_on is None or assessed_on > timezone.localdate():
        raise ValidationError(_("Tanggal asesmen wajib diisi dan tidak boleh di masa depan."))
    score = _score(score)
    lembaga, note = (lembaga or "").strip(), (note or "").strip()
    if len(lembaga) > 200 or len(note) > NOTE_MAX:
        raise ValidationError(_("Lembaga paling panjang 200 karakter dan catatan 1.000 karakter."))
    row = PotentialAssessment.objects.filter(pegawai=pegawai, assessed_on=assessed_on).first()
    before = audit.snapshot(row, ASSESSMENT_FIELDS)
    if row is None:
        row = PotentialAssessment(pegawai=pegawai, assessed_on=assessed_on)
    row.score, row.lembaga, row.note, row.recorded_by = score, lembaga, note, actor
    row.save()
    audit.log_changes(row, before, ASSESSMENT_FIELDS, actor=actor, created=not before)
    if recompute:
        recompute_instansi(instansi=pegawai.instansi, pegawai_ids=[pegawai.pk], notify_hr=False)
    return row


@transaction.atomic
def delete_assessment(*, actor, assessment: PotentialAssessment) -> None:
    pegawai = assessment.pegawai
    _must_manage(actor, pegawai.instansi_id)
    log(assessment, "wagtail.delete", user=actor)
    assessment.delete()
    recompute_instansi(instansi=pegawai.instansi, pegawai_ids=[pegawai.pk], notify_hr=False)


# --- succession plans ----------------------------------------------------------------------------------------------


@transaction.atomic
def create_plan(*, actor, instansi: Instansi, jabatan: Jabatan, unit: UnitKerja | None = None,
                note: str = "") -> SuccessionPlan:  # fmt: skip
    """A key position of the instansi (a jabatan, optionally in one unit) to prepare successors for."""
    _must_manage(actor, instansi.pk)
    if jabatan.instansi_id != instansi.pk or (unit is not None and unit.instansi_id != instansi.pk):
        raise ValidationError(_("Jabatan dan unit kerja harus milik instansi Anda."))
    note = (note or "").strip()[:NOTE_MAX]
    if SuccessionPlan.objects.filter(jabatan=jabatan, unit=unit).exists():
        raise ValidationError(_("Rencana suksesi untuk jabatan ini sudah ada."))
    try:
        with transaction.atomic():
            plan = SuccessionPlan.objects.create(
                instansi=instansi, jabatan=jabatan, unit=unit, note=note, created_by=actor
            )
    except IntegrityError:  # created by someone else a moment ago
        raise ValidationError(_("Rencana suksesi untuk jabatan ini sudah ada.")) from None
    log(plan, "wagtail.create", user=actor)
    return plan


@transaction.atomic
def delete_plan(*, actor, plan: SuccessionPlan) -> None:
    _must_manage(actor, plan.instansi_id)
    log(plan, "wagtail.delete", user=actor)
    plan.delete()


def _pool_message(pegawai, placement, instansi_rules):
    pool = ", ".join(str(box.number) for box in instansi_rules.boxes if box.in_pool) or "-"
    box = queries.current_box(placement, instansi_rules)
    where = _("berada di kotak %(n)s") % {"n": box.number} if box else _("belum dapat dipetakan")
    return _(
        "%(name)s %(where)s, di luar kelompok talenta (kotak %(pool)s). Tuliskan alasan bila tetap diusulkan "
        "sebagai kandidat."
    ) % {"name": pegawai.full_name, "where": where, "pool": pool}


@transaction.atomic
def add_candidate(
    *, actor, plan: SuccessionPlan, pegawai: Pegawai, readiness: str, note: str = "", outside_pool_reason: str = ""
) -> SuccessionCandidate:
    """A candidate for a key position from the talent pool. Someone outside the pool (another box, or not mapped
    yet) is refused unless HR writes why they are proposed all the same."""
    _must_manage(actor, plan.instansi_id)
    if pegawai.instansi_id != plan.instansi_id or not pegawai.is_active:
        raise ValidationError(_("Kandidat harus pegawai aktif instansi Anda."))
    if readiness not in Readiness.values:
        raise ValidationError(_("Pilih kesiapan kandidat."))
    if plan.candidates.filter(pegawai=pegawai).exists():
        raise ValidationError(_("%(name)s sudah menjadi kandidat jabatan ini.") % {"name": pegawai.full_name})
    instansi_rules = queries.rules_of(plan.instansi_id)
    placement = queries.placement_of(pegawai)
    reason = (outside_pool_reason or "").strip()
    if queries.in_pool(placement, instansi_rules):
        reason = ""
    elif not reason:
        raise OutsidePool(_pool_message(pegawai, placement, instansi_rules))
    current = queries.current_box(placement, instansi_rules)
    box = current.number if current else None
    candidate = SuccessionCandidate.objects.create(
        plan=plan, pegawai=pegawai, readiness=readiness, note=(note or "").strip()[:NOTE_MAX], box=box,
        outside_pool_reason=reason[:NOTE_MAX], added_by=actor,
    )  # fmt: skip
    log(candidate, "wagtail.create", user=actor)
    return candidate


@transaction.atomic
def remove_candidate(*, actor, candidate: SuccessionCandidate) -> None:
    _must_manage(actor, candidate.plan.instansi_id)
    log(candidate, "wagtail.delete", user=actor)
    candidate.delete()
