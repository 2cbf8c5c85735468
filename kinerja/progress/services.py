"""The only writers of the progress log, bukti dukung and dialog kinerja."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kompetensi.uploads import validate_evidence
from portal.scoping import pegawai_of
from portal.services import notify

from ..skp.models import EvaluationWindow, Rhk, Skp
from . import permissions, queries, rules
from .models import Dialog, DialogNote, FollowUp, ProgressEntry, RhkEvidence

TEXT_MAX = 1000


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def _fresh(rhk) -> Rhk:
    """The RHK with its SKP as stored now (a caller's copy may carry an SKP state from before a decision)."""
    return Rhk.objects.select_related("skp__pegawai").get(pk=rhk.pk)


def _writable_window(rhk, day: date, actor):
    """The window of `day` for the RHK's SKP, after checking that the actor owns it, the SKP is approved, the day is
    inside the SKP and not in the future, and the window's evaluation is not final. Raises otherwise."""
    rhk = _fresh(rhk)
    skp = rhk.skp
    if not permissions.owns(actor, rhk):
        raise PermissionDenied(_("Progres dan bukti dukung dicatat oleh pegawai pemilik SKP."))
    if skp.status != Skp.Status.APPROVED:
        raise ValidationError(_("Progres hanya dapat dicatat pada RHK dari SKP yang sudah disetujui."))
    if day > timezone.localdate():
        raise ValidationError(_("Tanggal progres tidak boleh melewati hari ini."))
    if not skp.valid_from <= day <= skp.valid_to:
        raise ValidationError(
            _("Tanggal harus dalam masa berlaku SKP ini (%(start)s – %(end)s).")
            % {"start": _day(skp.valid_from), "end": _day(skp.valid_to)}
        )
    window = rules.window_of(day, queries.windows_of([skp.period_id]))
    if window is None:
        raise ValidationError(_("Tanggal ini tidak termasuk periode evaluasi mana pun."))
    _check_not_final(skp, window)
    return window


def _check_not_final(skp, window):
    if (skp.pk, window.pk) in queries.finalised_window_ids([skp.pk]):
        raise ValidationError(
            _("Evaluasi %(window)s sudah final; progres dan bukti dukungnya tidak dapat diubah lagi.")
            % {"window": window.label}
        )


def _clean_entry(text: str, quantity, link: str, attachment):
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Tuliskan apa yang Anda kerjakan."))
    if len(text) > TEXT_MAX:
        raise ValidationError(_("Uraian paling banyak %(n)s karakter.") % {"n": TEXT_MAX})
    if quantity is not None and Decimal(quantity) < 0:
        raise ValidationError(_("Jumlah tidak boleh negatif."))
    if attachment:
        validate_evidence(attachment)
    return text


@transaction.atomic
def record_progress(
    *, actor, rhk, day: date, text: str, quantity=None, link: str = "", attachment=None
) -> ProgressEntry:
    """Log what the employee did on a day against one RHK of their approved SKP."""
    _writable_window(rhk, day, actor)
    text = _clean_entry(text, quantity, link, attachment)
    entry = ProgressEntry(pegawai=rhk.skp.pegawai, rhk=rhk, day=day, text=text, quantity=quantity, link=link or "")
    if attachment:
        entry.attachment = attachment
    entry.save()
    return entry


def _locked_entry(entry) -> ProgressEntry:
    return (
        ProgressEntry.objects.select_for_update(of=("self",))
        .select_related("rhk__skp__pegawai", "rhk__skp__period")
        .get(pk=entry.pk)
    )


@transaction.atomic
def update_progress(*, actor, entry, rhk, day: date, text: str, quantity=None, link: str = "", attachment=None,
                    remove_attachment: bool = False) -> ProgressEntry:  # fmt: skip
    """Change one's own entry while its window's evaluation is not final; it stays in the same window."""
    entry = _locked_entry(entry)
    if entry.pegawai.user_id != actor.pk:
        raise PermissionDenied(_("Hanya pemilik progres yang dapat mengubahnya."))
    old_window = _writable_window(entry.rhk, entry.day, actor)
    new_window = _writable_window(rhk, day, actor)
    if new_window.pk != old_window.pk:
        raise ValidationError(
            _("Tanggal hanya dapat diubah dalam %(window)s yang sama; catat sebagai progres baru.")
            % {"window": old_window.label}
        )
    entry.text = _clean_entry(text, quantity, link, attachment)
    entry.rhk, entry.day, entry.quantity, entry.link = rhk, day, quantity, link or ""
    if attachment:
        entry.attachment = attachment
    elif remove_attachment:
        entry.attachment = ""
    entry.save()
    return entry


@transaction.atomic
def delete_progress(*, actor, entry) -> None:
    entry = _locked_entry(entry)
    if entry.pegawai.user_id != actor.pk:
        raise PermissionDenied(_("Hanya pemilik progres yang dapat menghapusnya."))
    _writable_window(entry.rhk, entry.day, actor)
    entry.delete()


# --- bukti dukung -------------------------------------------------------------------------------------------------


@transaction.atomic
def add_evidence(*, actor, rhk, window: EvaluationWindow, title: str, file=None, link: str = "") -> RhkEvidence:
    """Attach a file or a link to an RHK for a periodic window, until that window's evaluation is final."""
    rhk = _fresh(rhk)
    skp = rhk.skp
    if not permissions.owns(actor, rhk):
        raise PermissionDenied(_("Bukti dukung diunggah oleh pegawai pemilik SKP."))
    if skp.status != Skp.Status.APPROVED:
        raise ValidationError(_("Bukti dukung hanya untuk RHK dari SKP yang sudah disetujui."))
    if window.period_id != skp.period_id or window.starts_on > skp.valid_to or window.ends_on < skp.valid_from:
        raise ValidationError(_("Periode evaluasi ini tidak termasuk masa berlaku SKP."))
    _check_not_final(skp, window)
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Tuliskan keterangan bukti dukung."))
    if not file and not link:
        raise ValidationError(_("Unggah berkas atau isi tautan bukti dukung."))
    if file:
        validate_evidence(file)
    evidence = RhkEvidence(rhk=rhk, window=window, title=title[:200], link=link or "", added_by=actor)
    if file:
        evidence.file = file
    evidence.save()
    return evidence


@transaction.atomic
def remove_evidence(*, actor, evidence) -> None:
    evidence = (
        RhkEvidence.objects.select_for_update(of=("self",))
        .select_related("rhk__skp__pegawai", "window")
        .get(pk=evidence.pk)
    )
    if not permissions.owns(actor, evidence.rhk):
        raise PermissionDenied(_("Hanya pemilik SKP yang dapat menghapus bukti dukung."))
    _check_not_final(evidence.rhk.skp, evidence.window)
    evidence.delete()


# --- dialog kinerja -----------------------------------------------------------------------------------------------


@transaction.atomic
def plan_dialog(*, actor, pegawai, planned_on: date, agenda: str) -> Dialog:
    """The supervisor plans a dialog kinerja with a direct report; the employee is notified."""
    if not permissions.can_plan_dialog(actor, pegawai):
        raise PermissionDenied(_("Dialog kinerja direncanakan oleh atasan langsung pegawai."))
    agenda = (agenda or "").strip()
    if not agenda:
        raise ValidationError(_("Tuliskan agenda dialog kinerja."))
    if planned_on < timezone.localdate():
        raise ValidationError(_("Tanggal rencana tidak boleh sebelum hari ini."))
    supervisor = pegawai_of(actor)
    dialog = Dialog.objects.create(
        supervisor=supervisor, pegawai=pegawai, planned_on=planned_on, agenda=agenda, created_by=actor
    )
    notify(
        pegawai.user,
        kind="kinerja.dialog_planned",
        params={"day": _day(planned_on), "supervisor": supervisor.full_name, "agenda": agenda[:200]},
        url=reverse("kinerja:dialog", args=[dialog.pk]),
        dedupe_key=f"kinerja:dialog:{dialog.pk}:planned",
    )
    return dialog


def _participant(actor, dialog):
    if not permissions.in_dialog(actor, dialog):
        raise PermissionDenied(_("Dialog kinerja ini hanya untuk atasan dan pegawai yang bersangkutan."))
    return pegawai_of(actor)


@transaction.atomic
def add_note(*, actor, dialog, text: str) -> DialogNote:
    """Either participant adds a note."""
    author = _participant(actor, dialog)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Tuliskan catatannya."))
    return DialogNote.objects.create(dialog=dialog, author=author, text=text[:4000])


@transaction.atomic
def add_follow_up(*, actor, dialog, text: str) -> FollowUp:
    """Either participant records an agreed follow-up."""
    author = _participant(actor, dialog)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Tuliskan tindak lanjut yang disepakati."))
    if len(text) > 300:
        raise ValidationError(_("Tindak lanjut paling banyak 300 karakter."))
    return FollowUp.objects.create(dialog=dialog, text=text, created_by=author)


@transaction.atomic
def set_follow_up_done(*, actor, follow_up, done: bool) -> FollowUp:
    follow_up = FollowUp.objects.select_for_update(of=("self",)).select_related("dialog").get(pk=follow_up.pk)
    _participant(actor, follow_up.dialog)
    follow_up.done = done
    follow_up.done_at = timezone.now() if done else None
    follow_up.save(update_fields=["done", "done_at"])
    return follow_up
