"""The JP ledger: conversion rules and external learning claims."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import rule_tables
from portal.scoping import pegawai_of
from portal.services import notify

from .. import rules
from ..models import (
    BentukPengembangan,
    Enrolment,
    ExternalLearning,
    JPEntry,
    KonversiJP,
)
from ..permissions import can_approve_for
from ..state_machines import EXTERNAL_LEARNING
from .session_time import my_learning_url

S = Enrolment.Status


# --- the JP ledger ---------------------------------------------------------------------------------------------


def rule_for(instansi_id, bentuk_id):
    """The JP conversion rule in force for this instansi and form of development."""
    return rule_tables.rule_for(KonversiJP, instansi_id, bentuk_id=bentuk_id)


def rule_for_code(instansi_id, bentuk_code):
    """The rule in force for a form of development named by its code (workshop, mentoring), or None."""
    bentuk_id = BentukPengembangan.objects.filter(code=bentuk_code).values_list("pk", flat=True).first()
    return rule_for(instansi_id, bentuk_id) if bentuk_id else None


def suggested_jp(item, rule=None):
    """The JP the conversion rule gives this claim, never more than was claimed (the claim is what the employee asks
    for); 0 when the rule counts nothing (e.g. no units)."""
    rule = rule or rule_for(item.pegawai.instansi_id, item.bentuk_id)
    if rule is None:
        return item.jp_claimed
    converted = rules.convert_jp(
        jp_per_unit=rule.jp_per_unit,
        is_max=rule.max_jp_per_unit,
        units=item.units,
        claimed=item.jp_claimed,
        max_units_per_month=rule.max_units_per_month,
        months=rules.months_spanned(item.start_date, item.end_date),
    )
    return min(converted, item.jp_claimed)


def with_suggested_jp(items):
    """Give each claim `suggested_jp` with one query per instansi among them (a page of claims: usually one)."""
    items = list(items)
    rules_by_instansi = {}
    for item in items:
        instansi_id = item.pegawai.instansi_id
        if instansi_id not in rules_by_instansi:
            rules_by_instansi[instansi_id] = rule_tables.rules_for(KonversiJP, instansi_id)
        rule = rules_by_instansi[instansi_id].get((item.bentuk_id,))
        item.suggested_jp = suggested_jp(item, rule) if rule else item.jp_claimed
    return items


@transaction.atomic
def submit_external_learning(user, item):
    me = pegawai_of(user)
    if me is None:
        raise PermissionDenied(_("Hanya pegawai yang dapat mengajukan JP."))
    item.pegawai = me
    item.status = ExternalLearning.Status.SUBMITTED
    item.full_clean()
    problems = rules.external_learning_date_problems(item.start_date, item.end_date, timezone.localdate())
    if problems:
        raise ValidationError(problems)
    item.save()
    EXTERNAL_LEARNING.record(item, "", item.status, actor=user).save()
    EXTERNAL_LEARNING.log(item, item.status, actor=user)
    approver = me.atasan.user if me.atasan_id else None
    if approver is not None:
        notify(
            approver,
            kind="kompetensi.external_requested",
            params={"name": me.nama, "title": item.title, "external": item.pk},
            url=reverse("kompetensi:approvals"),
            dedupe_key=f"kompetensi:external:{item.pk}:approval_requested",
        )
    return item


def _lock_external(item_id):
    return (
        ExternalLearning.objects.select_for_update(of=("self",))
        .select_related("pegawai__user", "bentuk")
        .get(pk=item_id)
    )


@transaction.atomic
def approve_external_learning(actor, item_id, jp_approved=None, note=""):
    item = _lock_external(item_id)
    if not can_approve_for(actor, item.pegawai):
        raise PermissionDenied(_("Anda tidak berwenang menyetujui pengajuan ini."))
    if item.status != ExternalLearning.Status.SUBMITTED:
        raise ValidationError(_("Pengajuan ini sudah diputuskan."))
    jp = suggested_jp(item) if jp_approved is None else jp_approved
    if jp_approved is None and jp < 1:
        raise ValidationError(
            _("Aturan konversi tidak memberi JP untuk pengajuan ini; isi JP yang disetujui (1 sampai %(n)s).")
            % {"n": item.jp_claimed}
        )
    if jp < 1 or jp > item.jp_claimed:
        raise ValidationError(_("JP disetujui harus antara 1 dan JP yang diajukan (%(n)s).") % {"n": item.jp_claimed})
    item.jp_approved = jp
    item.decided_by, item.decided_at, item.decision_note = actor, timezone.now(), note[:300]
    EXTERNAL_LEARNING.apply(
        item, ExternalLearning.Status.APPROVED, actor=actor, reason=note, data={"jp": jp},
        extra_fields=["jp_approved", "decided_by", "decided_at", "decision_note"],
    )  # fmt: skip
    JPEntry.objects.create(
        pegawai=item.pegawai, year=item.end_date.year, day=item.end_date, jp=jp,
        source=JPEntry.Source.EXTERNAL, title=item.title, external=item,
    )  # fmt: skip
    notify(
        item.pegawai.user,
        kind="kompetensi.external_approved",
        params={"jp": jp, "title": item.title, "external": item.pk},
        url=my_learning_url(),
        dedupe_key=f"kompetensi:external:{item.pk}:decided",
    )
    return item


@transaction.atomic
def reject_external_learning(actor, item_id, note):
    item = _lock_external(item_id)
    if not can_approve_for(actor, item.pegawai):
        raise PermissionDenied(_("Anda tidak berwenang memutuskan pengajuan ini."))
    if item.status != ExternalLearning.Status.SUBMITTED:
        raise ValidationError(_("Pengajuan ini sudah diputuskan."))
    if not (note or "").strip():
        raise ValidationError(_("Tuliskan alasan penolakan."))
    item.decided_by, item.decided_at, item.decision_note = actor, timezone.now(), note[:300]
    EXTERNAL_LEARNING.apply(
        item, ExternalLearning.Status.REJECTED, actor=actor, reason=note,
        extra_fields=["decided_by", "decided_at", "decision_note"],
    )  # fmt: skip
    notify(
        item.pegawai.user,
        kind="kompetensi.external_rejected",
        params={"title": item.title, "reason": note, "external": item.pk},
        url=my_learning_url(),
        dedupe_key=f"kompetensi:external:{item.pk}:decided",
    )
    return item
