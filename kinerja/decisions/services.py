"""The only writers of career decisions: HR drafts and proposes (sealing the evidence), a Pimpinan approves,
rejects or returns; each step on the state machine with who and why, and whoever must know is told."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import roles
from portal.services import notify

from . import evidence, permissions
from .models import CareerDecision
from .state_machines import DECISION

Status = CareerDecision.Status
EDITABLE = ("kind", "title", "rationale", "effective_on")


def _clean(values):
    title, rationale = (values.get("title") or "").strip(), (values.get("rationale") or "").strip()
    if not title:
        raise ValidationError({"title": _("Tulis judul keputusan.")})
    if not rationale:
        raise ValidationError({"rationale": _("Tulis dasar pertimbangan keputusan ini.")})
    if values.get("kind") not in CareerDecision.Kind.values:
        raise ValidationError({"kind": _("Pilih jenis keputusan.")})
    return {**values, "title": title, "rationale": rationale}


@transaction.atomic
def create_draft(*, actor, pegawai, kind, title, rationale, effective_on=None) -> CareerDecision:
    if not permissions.can_manage(actor, pegawai.instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM instansi pegawai ini yang dapat menyusun keputusan karier."))
    if not pegawai.is_active:
        raise ValidationError(_("Pegawai ini tidak aktif."))
    values = _clean({"kind": kind, "title": title, "rationale": rationale, "effective_on": effective_on})
    decision = CareerDecision(instansi_id=pegawai.instansi_id, pegawai=pegawai, created_by=actor, status="", **values)
    decision.save()
    DECISION.apply(decision, Status.DRAFT, actor=actor)
    return decision


def _locked(decision) -> CareerDecision:
    return CareerDecision.objects.select_for_update(of=("self",)).select_related("pegawai").get(pk=decision.pk)


@transaction.atomic
def update_draft(*, actor, decision, **values) -> CareerDecision:
    decision = _locked(decision)
    if not permissions.can_manage(actor, decision.instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM yang dapat mengubah usulan."))
    if decision.status != Status.DRAFT:
        raise ValidationError(_("Hanya draf yang dapat diubah; tarik kembali usulan terlebih dahulu."))
    values = _clean({name: values.get(name, getattr(decision, name)) for name in EDITABLE})
    for name, value in values.items():
        setattr(decision, name, value)
    decision.save(update_fields=list(EDITABLE))
    return decision


@transaction.atomic
def propose(*, actor, decision) -> CareerDecision:
    """Seal the evidence as it stands now and ask the Pimpinan of the instansi to decide."""
    decision = _locked(decision)
    if not permissions.can_manage(actor, decision.instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM yang dapat mengusulkan keputusan karier."))
    decision.evidence = evidence.collect(decision.pegawai)
    decision.sealed_at = timezone.now()
    decision.proposed_by = actor
    DECISION.apply(decision, Status.PROPOSED, actor=actor, extra_fields=["evidence", "sealed_at", "proposed_by"],
                   data={"sealed_at": decision.sealed_at.isoformat()})  # fmt: skip
    transaction.on_commit(lambda: _tell_deciders(decision))
    return decision


@transaction.atomic
def return_to_draft(*, actor, decision, reason) -> CareerDecision:
    """HR withdraws its proposal, or a Pimpinan sends it back: the seal is lifted and taken again on the next
    proposal (the history keeps the step and its reason)."""
    decision = _locked(decision)
    if not (permissions.can_manage(actor, decision.instansi_id) or permissions.can_decide(actor, decision)):
        raise PermissionDenied(_("Anda tidak dapat mengembalikan usulan ini."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Tulis alasan usulan dikembalikan.")})
    decision.evidence, decision.sealed_at = {}, None
    DECISION.apply(decision, Status.DRAFT, actor=actor, reason=reason.strip(), extra_fields=["evidence", "sealed_at"])
    return decision


@transaction.atomic
def decide(*, actor, decision, approve: bool, note: str = "") -> CareerDecision:
    decision = _locked(decision)
    if not permissions.can_decide(actor, decision):
        raise PermissionDenied(
            _("Keputusan diambil oleh Pimpinan instansi, bukan oleh pengusul atau pegawai yang bersangkutan.")
        )
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError({"note": _("Tulis alasan penolakan.")})
    decision.decided_by, decision.decision_note = actor, note
    target = Status.APPROVED if approve else Status.REJECTED
    DECISION.apply(decision, target, actor=actor, reason=note, extra_fields=["decided_by", "decision_note"])
    transaction.on_commit(lambda: _tell_decided(decision))
    return decision


def _url(decision):
    return reverse("kinerja:decision", args=[decision.pk])


def _tell_deciders(decision):
    deciders = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.PIMPINAN, pegawai__instansi_id=decision.instansi_id,
                        pegawai__is_active=True)
        .exclude(pk__in=[decision.pegawai.user_id, decision.proposed_by_id])
        .distinct()
    )  # fmt: skip
    params = {"title": decision.title, "name": decision.pegawai.full_name}
    for user in deciders:
        notify(user, kind="kinerja.decision_proposed", params=params, url=_url(decision),
               dedupe_key=f"kinerja:decision:{decision.pk}:proposed:{decision.sealed_at.isoformat()}")  # fmt: skip


def _tell_decided(decision):
    approved = decision.status == Status.APPROVED
    params = {"title": decision.title, "name": decision.pegawai.full_name}
    step = "approved" if approved else "rejected"
    if decision.proposed_by is not None:
        notify(decision.proposed_by, kind=f"kinerja.decision_{step}", params=params, url=_url(decision),
               dedupe_key=f"kinerja:decision:{decision.pk}:{step}")  # fmt: skip
    notify(decision.pegawai.user, kind=f"kinerja.decision_about_me_{step}", params={"title": decision.title},
           url=_url(decision), dedupe_key=f"kinerja:decision:{decision.pk}:{step}:subject")  # fmt: skip
