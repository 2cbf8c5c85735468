"""The only writers of the competency ledger. Every write appends an entry and rewrites the employee's profile row
for that competency from the ledger, under a lock on the employee so two writes never race."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import roles
from portal.models import Pegawai
from portal.services import notify

from . import permissions, rules
from .models import Competency, CompetencyProfile, Evidence
from .queries import competencies_for, ledger_entries

S = Evidence.Source


def _lock(pegawai) -> Pegawai:
    return Pegawai.objects.select_for_update().get(pk=pegawai.pk)


def _check_entry(*, pegawai, competency, level, observed_on):
    if competency.instansi_id not in (None, pegawai.instansi_id) or not competency.is_active:
        raise ValidationError(_("Kompetensi ini tidak berlaku untuk instansi pegawai tersebut."))
    if not competencies_for(pegawai.instansi_id).filter(pk=competency.pk).exists():
        raise ValidationError(_("Kompetensi ini tidak berlaku untuk instansi pegawai tersebut."))
    if not 1 <= int(level) <= 5:
        raise ValidationError(_("Level kompetensi harus antara 1 dan 5."))
    if observed_on > timezone.localdate():
        raise ValidationError(_("Tanggal bukti tidak boleh di masa depan."))


def refresh_profile(pegawai_id: int, competency_id: int) -> CompetencyProfile | None:
    """Rewrite the confirmed level of one competency of one employee from the ledger (the caller holds the lock)."""
    entry = rules.confirmed_entry(ledger_entries(pegawai_id, competency_id))
    if entry is None:
        CompetencyProfile.objects.filter(pegawai_id=pegawai_id, competency_id=competency_id).delete()
        return None
    profile, _created = CompetencyProfile.objects.update_or_create(
        pegawai_id=pegawai_id,
        competency_id=competency_id,
        defaults={"level": entry.level, "evidence_id": entry.pk},
    )
    return profile


def _append(**fields) -> Evidence:
    try:
        with transaction.atomic():
            entry = Evidence.objects.create(**fields)
    except IntegrityError:
        raise ValidationError(_("Bukti ini sudah diproses sebelumnya; muat ulang halaman.")) from None
    refresh_profile(entry.pegawai_id, entry.competency_id)
    return entry


def _reviewers(pegawai) -> list:
    """Who is told that a claim waits: the direct supervisor, or HR of the instansi when there is none."""
    atasan = pegawai.atasan
    if atasan is not None and atasan.is_active and atasan.user_id:
        return [atasan.user]
    return [
        p.user
        for p in Pegawai.objects.filter(
            instansi_id=pegawai.instansi_id, user__groups__name=roles.ADMIN_SDM, is_active=True
        ).select_related("user")
        if p.user_id != pegawai.user_id
    ]


def _ask_for_review(claim: Evidence):
    """A new claim (self assessment, external learning, a completed course) waits: the reviewer is told."""
    params = {
        "claim": claim.pk, "name": claim.pegawai.nama, "competency": claim.competency.name, "level": claim.level,
        "details": claim.note,
    }  # fmt: skip
    for user in _reviewers(claim.pegawai):
        notify(
            user, kind="kompetensi.competency_claim", params=params, url=reverse("kompetensi:competency_reviews"),
            dedupe_key=f"kompetensi:competency-claim:{claim.pk}",
        )  # fmt: skip


def _tell_verdict(verdict: Evidence):
    claim = verdict.review_of
    if not claim.pegawai.user_id:
        return
    confirmed = verdict.decision == Evidence.Decision.CONFIRMED
    notify(
        claim.pegawai.user,
        kind="kompetensi.competency_confirmed" if confirmed else "kompetensi.competency_rejected",
        params={
            "competency": claim.competency.name,
            "level": verdict.level,
            "claimed": claim.level,
            "reason": verdict.note,
        },  # fmt: skip
        url=reverse("kompetensi:my_competency"),
        dedupe_key=f"kompetensi:competency-verdict:{verdict.pk}",
    )


@transaction.atomic
def record_evidence(
    *,
    actor,
    pegawai: Pegawai,
    competency: Competency,
    source: str,
    level: int,
    observed_on: date,
    note: str = "",
    link: str = "",
    attachment=None,
) -> Evidence:
    """An entry written by a person: an assessment result or supervisor's rating (HR, supervisor), or a claim of
    the employee (self assessment, external learning), which then waits for review."""
    if source not in permissions.sources_user_may_record(actor, pegawai):
        raise PermissionDenied(_("Anda tidak berwenang mencatat bukti kompetensi jenis ini untuk pegawai ini."))
    pegawai = _lock(pegawai)
    _check_entry(pegawai=pegawai, competency=competency, level=level, observed_on=observed_on)
    entry = _append(
        pegawai=pegawai, competency=competency, source=source, level=level, observed_on=observed_on,
        recorded_by=actor, note=note[:500], link=link, attachment=attachment or "",
    )  # fmt: skip
    if source in rules.CLAIMS:
        _ask_for_review(entry)
    return entry


@transaction.atomic
def record_system_evidence(
    *, pegawai: Pegawai, competency: Competency, source: str, level: int, observed_on: date, reference: str, note=""
) -> Evidence | None:
    """Evidence the product itself records (a completed course, a confirmed mentoring session): a claim that waits
    for review, once per `reference`; None when it was recorded before."""
    if source not in rules.CLAIMS:
        raise ValueError(f"system evidence is a claim, not {source!r}")
    pegawai = _lock(pegawai)
    if Evidence.objects.filter(pegawai=pegawai, competency=competency, reference=reference).exists():
        return None
    _check_entry(pegawai=pegawai, competency=competency, level=level, observed_on=observed_on)
    entry = _append(
        pegawai=pegawai, competency=competency, source=source, level=level, observed_on=observed_on,
        note=note[:500], reference=reference,
    )  # fmt: skip
    _ask_for_review(entry)
    return entry


@transaction.atomic
def review_claim(*, actor, claim: Evidence, confirm: bool, level: int | None = None, note: str = "") -> Evidence:
    """The supervisor's (or HR's) verdict on a claimed level: confirmed (at the claimed level or the one they
    judge right) or not. Only a confirmation changes the confirmed level."""
    if not permissions.can_review(actor, claim.pegawai):
        raise PermissionDenied(_("Anda tidak berwenang memverifikasi bukti kompetensi pegawai ini."))
    _lock(claim.pegawai)
    claim = Evidence.objects.select_related("pegawai", "competency").get(pk=claim.pk)
    entry = rules.Entry(
        pk=claim.pk, source=claim.source, level=claim.level, observed_on=claim.observed_on,
        recorded_at=claim.recorded_at, superseded=hasattr(claim, "superseded_by"), reviewed=claim.reviews.exists(),
    )  # fmt: skip
    if not rules.awaits_review(entry):
        raise ValidationError(_("Bukti ini tidak (lagi) menunggu verifikasi."))
    if not confirm and not note.strip():
        raise ValidationError(_("Tuliskan alasan bila level tidak dikonfirmasi."))
    level = claim.level if level is None else int(level)
    if not 1 <= level <= 5:
        raise ValidationError(_("Level kompetensi harus antara 1 dan 5."))
    verdict = _append(
        pegawai=claim.pegawai, competency=claim.competency, source=S.REVIEW, level=level,
        observed_on=timezone.localdate(), recorded_by=actor, note=note[:500], review_of=claim,
        decision=Evidence.Decision.CONFIRMED if confirm else Evidence.Decision.REJECTED,
    )  # fmt: skip
    _tell_verdict(verdict)
    return verdict


@transaction.atomic
def correct_evidence(*, actor, entry: Evidence, level: int, note: str, observed_on: date | None = None) -> Evidence:
    """A correction: a new entry that supersedes `entry` (which stays in the history, marked as corrected)."""
    pegawai = entry.pegawai
    if not permissions.can_correct(actor, entry):
        raise PermissionDenied(_("Anda tidak berwenang mengoreksi bukti ini."))
    if not note.strip():
        raise ValidationError(_("Tuliskan alasan koreksi."))
    _lock(pegawai)
    if Evidence.objects.filter(supersedes=entry).exists():
        raise ValidationError(_("Bukti ini sudah dikoreksi; koreksi entri yang terbaru."))
    observed_on = observed_on or entry.observed_on
    _check_entry(pegawai=pegawai, competency=entry.competency, level=level, observed_on=observed_on)
    return _append(
        pegawai=pegawai, competency=entry.competency, source=entry.source, level=level, observed_on=observed_on,
        recorded_by=actor, note=note[:500], link=entry.link, attachment=entry.attachment.name if entry.attachment else "",
        supersedes=entry, review_of=entry.review_of if entry.source == S.REVIEW else None,
        decision=entry.decision,
    )  # fmt: skip


def _dictionary_entry(target, instansi_id):
    """The dictionary entry a course target names: its link, else its code (the instansi's own entry first)."""
    if target.competency_id:
        return target.competency
    code = target.code.strip()
    if not code:
        return None
    found = {c.instansi_id: c for c in competencies_for(instansi_id).filter(code__iexact=code)}
    return found.get(instansi_id) or found.get(None)


def record_course_evidence(*, enrolment, day: date) -> list[Evidence]:
    """A completed course claims the levels it targets, each waiting for the supervisor's review (completion alone
    never raises a level). Targets outside the employee's dictionary are skipped: the course still completes."""
    pegawai, course = enrolment.pegawai, enrolment.session.course
    recorded = []
    for target in course.competencies.select_related("competency"):
        competency = _dictionary_entry(target, pegawai.instansi_id)
        if competency is None or competency.instansi_id not in (None, pegawai.instansi_id) or not competency.is_active:
            continue
        entry = record_system_evidence(
            pegawai=pegawai, competency=competency, source=S.COURSE, level=target.level,
            observed_on=min(day, timezone.localdate()), reference=f"enrolment:{enrolment.pk}", note=course.title,
        )  # fmt: skip
        if entry is not None:
            recorded.append(entry)
    return recorded
