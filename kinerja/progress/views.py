"""Pages of the progress log, bukti dukung and dialog kinerja. Thin: parse, call a service or query, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.files import serve_private_file
from portal.page_helpers import error_text, paginate
from portal.scoping import pegawai_of, pegawai_or_404

from ..skp.views.helpers import is_autosave, not_saved, saved
from . import permissions, queries, rules, services
from .forms import DialogForm, EvidenceForm, FollowUpForm, NoteForm, ProgressForm
from .models import FollowUp, ProgressEntry, RhkEvidence


def _service_error(form, error):
    form.add_error(None, error if isinstance(error, ValidationError) else ValidationError(str(error)))


def _default_day(rhk_list, rhk_id):
    """Today, or the last day of the chosen RHK's SKP when that SKP ended before today (a split year)."""
    today = timezone.localdate()
    chosen = next((rhk for rhk in rhk_list if rhk.pk == rhk_id), rhk_list[0] if rhk_list else None)
    if chosen is not None and chosen.skp.valid_to < today:
        return chosen.skp.valid_to
    return today


def _mark_editable(entries):
    """Each entry's `editable`: its window's evaluation is not final (two queries for the whole list)."""
    skp_ids = {entry.rhk.skp_id for entry in entries}
    if not skp_ids:
        return
    final = queries.finalised_window_ids(skp_ids)
    windows = queries.windows_of({entry.rhk.skp.period_id for entry in entries})
    for entry in entries:
        window = rules.window_of(entry.day, [w for w in windows if w.period_id == entry.rhk.skp.period_id])
        entry.window = window
        entry.editable = window is not None and (entry.rhk.skp_id, window.pk) not in final


def _save_entry(request, form, entry=None):
    """Save through the service; the saved entry, or None with the errors on the form. A background save leaves the
    attachment for the form's own button (a file is sent once, not at every pause)."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    attachment = None if is_autosave(request) else data.get("attachment")
    fields = {"rhk": data["rhk"], "day": data["day"], "text": data["text"], "quantity": data.get("quantity"),
              "link": data.get("link", "")}  # fmt: skip
    try:
        if entry is None:
            return services.record_progress(actor=request.user, attachment=attachment, **fields)
        return services.update_progress(
            actor=request.user, entry=entry, attachment=attachment or None,
            remove_attachment=data.get("attachment") is False, **fields,
        )  # fmt: skip
    except (ValidationError, PermissionDenied) as error:
        _service_error(form, error)
        return None


def progress(request):
    """One short form at the top (the RHK of the last entry chosen, today's date), the recent days below."""
    me = pegawai_or_404(request.user)
    rhk_list = list(queries.loggable_rhk(me))
    rhk_qs = queries.loggable_rhk(me)
    form = ProgressForm(request.POST or None, request.FILES or None, rhk_queryset=rhk_qs)
    if request.method == "POST":
        entry = _save_entry(request, form)
        if is_autosave(request):
            if entry is None:
                return not_saved(form)
            return saved(reverse("kinerja:progress_edit", args=[entry.pk]), f"progress-{entry.pk}")
        if entry is not None:
            messages.success(request, _("Progres %(day)s dicatat.") % {"day": services._day(entry.day)})
            return redirect("kinerja:progress")
    else:
        last = queries.last_rhk_id(me)
        rhk_id = last if any(rhk.pk == last for rhk in rhk_list) else (rhk_list[0].pk if rhk_list else None)
        form = ProgressForm(initial={"rhk": rhk_id, "day": _default_day(rhk_list, rhk_id)}, rhk_queryset=rhk_qs)
    entries = queries.recent_entries(me)
    _mark_editable(entries)
    today = timezone.localdate()
    covering = [rhk.skp for rhk in rhk_list if rhk.skp.valid_from <= today <= rhk.skp.valid_to]
    return render(request, "kinerja/progress/progress.html", {
        "form": form, "rhk_list": rhk_list, "days": rules.group_by_day(entries), "today": today,
        "today_covered": bool(covering), "recent_days": rules.RECENT_DAYS,
    }, status=400 if form.errors else 200)  # fmt: skip


def progress_edit(request, pk):
    entry = queries.own_entry(request.user, pk)
    if entry is None:
        raise Http404
    me = entry.pegawai
    rhk_qs = queries.loggable_rhk(me)
    initial = {"rhk": entry.rhk_id, "day": entry.day, "text": entry.text, "quantity": entry.quantity,
               "link": entry.link, "attachment": entry.attachment}  # fmt: skip
    if request.method == "POST":
        form = ProgressForm(request.POST, request.FILES, rhk_queryset=rhk_qs, initial=initial)
        done = _save_entry(request, form, entry)
        if is_autosave(request):
            return saved() if done else not_saved(form)
        if done:
            messages.success(request, _("Progres diperbarui."))
            return redirect("kinerja:progress")
    else:
        form = ProgressForm(initial=initial, rhk_queryset=rhk_qs)
    _mark_editable([entry])
    return render(
        request, "kinerja/progress/progress_edit.html", {"form": form, "entry": entry},
        status=400 if form.errors else 200,
    )  # fmt: skip


@require_POST
def progress_delete(request, pk):
    entry = queries.own_entry(request.user, pk)
    if entry is None:
        raise Http404
    try:
        services.delete_progress(actor=request.user, entry=entry)
    except ValidationError as error:
        messages.error(request, error_text(error))
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, _("Progres dihapus."))
    return redirect("kinerja:progress")


def progress_file(request, pk):
    entry = get_object_or_404(ProgressEntry.objects.select_related("rhk__skp__pegawai", "rhk__skp__evaluator"), pk=pk)
    return serve_private_file(request, entry.attachment, allowed=permissions.can_see_rhk_work(request.user, entry.rhk))


# --- bukti dukung -------------------------------------------------------------------------------------------------


def _visible_rhk(request, pk):
    rhk = queries.rhk_page(pk)
    if rhk is None or not permissions.can_see_rhk_work(request.user, rhk):
        raise Http404
    return rhk


def evidence(request, pk):
    """Bukti dukung of one RHK in one window (?periode=): files and links, with the window's progress log and the
    employee's completed training listed alongside."""
    rhk = _visible_rhk(request, pk)
    skp = rhk.skp
    windows = [
        w for w in queries.windows_of([skp.period_id]) if w.starts_on <= skp.valid_to and w.ends_on >= skp.valid_from
    ]
    if not windows:
        raise Http404
    chosen = request.GET.get("periode") or request.POST.get("periode")
    window = next((w for w in windows if str(w.pk) == chosen), None)
    if window is None:
        window = rules.window_of(min(max(timezone.localdate(), skp.valid_from), skp.valid_to), windows) or windows[-1]
    is_owner = permissions.owns(request.user, rhk)
    locked = (skp.pk, window.pk) in queries.finalised_window_ids([skp.pk])
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not is_owner:
            raise Http404
        if form.is_valid():
            try:
                services.add_evidence(actor=request.user, rhk=rhk, window=window, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as error:
                _service_error(form, error)
            else:
                messages.success(request, _("Bukti dukung ditambahkan."))
                return redirect(reverse("kinerja:evidence", args=[rhk.pk]) + f"?periode={window.pk}")
    starts_on, ends_on = max(window.starts_on, skp.valid_from), min(window.ends_on, skp.valid_to)
    files, entries, training = queries.window_work([rhk.pk], skp.pegawai_id, starts_on, ends_on, [window.pk])
    return render(request, "kinerja/progress/evidence.html", {
        "rhk": rhk, "skp": skp, "window": window, "windows": windows, "form": form, "is_owner": is_owner,
        "locked": locked, "files": files, "entries": entries,
        "training_section": {"training": training, "jp": sum(row.jp for row in training)},
    }, status=400 if form.errors else 200)  # fmt: skip


def _visible_evidence(request, pk):
    item = get_object_or_404(RhkEvidence.objects.select_related("rhk__skp__pegawai", "rhk__skp__evaluator"), pk=pk)
    if not permissions.can_see_rhk_work(request.user, item.rhk):
        raise Http404
    return item


@require_POST
def evidence_remove(request, pk):
    item = _visible_evidence(request, pk)
    try:
        services.remove_evidence(actor=request.user, evidence=item)
    except ValidationError as error:
        messages.error(request, error_text(error))
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, _("Bukti dukung dihapus."))
    return redirect(reverse("kinerja:evidence", args=[item.rhk_id]) + f"?periode={item.window_id}")


def evidence_file(request, pk):
    item = _visible_evidence(request, pk)
    return serve_private_file(request, item.file, allowed=True)


# --- dialog kinerja -----------------------------------------------------------------------------------------------


def dialogs(request):
    """The employee's dialogs with their supervisor."""
    me = pegawai_of(request.user)
    return render(request, "kinerja/progress/dialogs.html", {
        "dialogs": paginate(request, queries.my_dialogs(request.user)),
        "leads": me is not None and me.has_reports, "today": timezone.localdate(),
    })  # fmt: skip


def dialogs_team(request):
    """The supervisor's dialogs with their direct reports, and the form to plan one."""
    reports = queries.direct_reports(request.user)
    form = DialogForm(request.POST or None, reports=reports)
    if request.method == "POST" and form.is_valid():
        try:
            dialog = services.plan_dialog(actor=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            _service_error(form, error)
        else:
            messages.success(request, _("Dialog kinerja direncanakan; pegawai sudah diberi tahu."))
            return redirect("kinerja:dialog", pk=dialog.pk)
    return render(request, "kinerja/progress/dialogs_team.html", {
        "dialogs": paginate(request, queries.led_dialogs(request.user)), "form": form,
        "has_reports": reports.exists(), "today": timezone.localdate(),
    }, status=400 if form.errors else 200)  # fmt: skip


def dialog(request, pk):
    item = queries.dialog_page(request.user, pk)
    if item is None:
        raise Http404
    note_form, follow_form = NoteForm(auto_id="note_%s"), FollowUpForm(auto_id="follow_%s")
    if request.method == "POST":
        action = request.POST.get("action", "")
        form_class, auto_id = {"note": (NoteForm, "note_%s"), "follow_up": (FollowUpForm, "follow_%s")}.get(
            action, (NoteForm, "note_%s")
        )
        form = form_class(request.POST, auto_id=auto_id)
        try:
            if action == "done":
                follow_up = get_object_or_404(FollowUp, pk=request.POST.get("item") or 0, dialog=item)
                services.set_follow_up_done(actor=request.user, follow_up=follow_up,
                                            done=request.POST.get("done") == "1")  # fmt: skip
                return redirect("kinerja:dialog", pk=item.pk)
            if action not in ("note", "follow_up"):
                raise Http404
            if form.is_valid():
                writer = services.add_note if action == "note" else services.add_follow_up
                writer(actor=request.user, dialog=item, text=form.cleaned_data["text"])
                messages.success(request, _("Catatan disimpan.") if action == "note" else _("Tindak lanjut dicatat."))
                return redirect("kinerja:dialog", pk=item.pk)
        except ValidationError as error:
            _service_error(form, error)
        except PermissionDenied:
            raise Http404 from None
        note_form, follow_form = (form, follow_form) if action == "note" else (note_form, form)
    me = pegawai_of(request.user)
    return render(request, "kinerja/progress/dialog.html", {
        "dialog": item, "note_form": note_form, "follow_form": follow_form,
        "is_supervisor": me is not None and me.pk == item.supervisor_id,
    }, status=400 if note_form.errors or follow_form.errors else 200)  # fmt: skip
