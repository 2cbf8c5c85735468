"""The employee's own SKP: start it, write RHK and IKI (saved in the background as they type), the lampiran,
submit, and ask for a revision after approval. The same SKP page serves the evaluator and whoever may see it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.forms import add_service_error
from portal.scoping import pegawai_or_404

from .. import permissions, queries, services, start_sources
from ..forms import DetailsForm, ExpectationForm, IkiForm, ReasonForm, RhkForm, StartForm
from ..models import Iki, Rhk, Skp
from .helpers import error_text, is_autosave, not_saved, saved


def my_skp(request):
    """My SKP of the open period, or how to start it (or why I cannot yet)."""
    me = pegawai_or_404(request.user)
    period = queries.open_period_for(me)
    skp = queries.my_skp(me, period)
    if skp is not None:
        return render_skp(request, queries.skp_page(skp.pk))
    previous = queries.previous_skp(me, period) if period else None
    evaluator = services.evaluator_of(me)
    evaluator_rhk = (
        period is not None
        and evaluator is not None
        and queries.intervenable_rhk(Skp(evaluator=evaluator, period=period)).exists()
    )
    form = StartForm(
        has_previous=previous is not None, has_evaluator_rhk=evaluator_rhk,
        extra=start_sources.offered(me) if period is not None else (),
    )  # fmt: skip
    return render(
        request,
        "kinerja/skp_start.html",
        {"period": period, "form": form, "previous": previous, "evaluator": evaluator, "me": me},
    )


@require_POST
def start(request):
    me = pegawai_or_404(request.user)
    period = queries.open_period_for(me)
    if period is None:
        messages.error(request, _("Periode kinerja belum dibuka oleh Admin SDM instansi Anda."))
        return redirect("kinerja:my_skp")
    registered = start_sources.source_keys()
    form = StartForm(request.POST, has_previous=True, has_evaluator_rhk=True, extra=[(key, key) for key in registered])
    if not form.is_valid():
        messages.error(request, _("Pilih titik awal SKP Anda."))
        return redirect("kinerja:my_skp")
    source = form.cleaned_data["source"]
    try:
        services.start_skp(
            actor=request.user, pegawai=me, period=period, approach=form.cleaned_data["approach"],
            copy_from=queries.previous_skp(me, period) if source == "previous" else None,
            from_evaluator=source == "evaluator", from_source=source if source in registered else "",
        )  # fmt: skip
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("SKP %(year)s dimulai sebagai draf.") % {"year": period.year})
    return redirect("kinerja:my_skp")


def visible_skp(request, pk):
    skp = queries.skp_page(pk)
    if skp is None or not permissions.can_view(request.user, skp):
        raise Http404
    return skp


def skp_detail(request, pk):
    return render_skp(request, visible_skp(request, pk))


def evaluator_notice(skp):
    """When the employee cannot point at the evaluator's RHK yet: why, and who must act (None when they can)."""
    if skp.evaluator_id is None:
        return {"who": "", "text": _("Anda belum mempunyai pejabat penilai. Minta Admin SDM mencatat atasan Anda.")}
    parent = queries.evaluator_skp(skp)
    if parent is not None and parent.status == Skp.Status.APPROVED:
        return None
    name = skp.evaluator_name or skp.evaluator.full_name
    if parent is None:
        text = _("%(name)s belum menyusun SKP tahun ini.") % {"name": name}
    elif parent.status == Skp.Status.SUBMITTED:
        text = _("SKP %(name)s sedang menunggu persetujuan pejabat penilainya.") % {"name": name}
    else:
        text = _("SKP %(name)s belum diajukan dan disetujui.") % {"name": name}
    return {"who": name, "text": text}


def render_skp(request, skp, status=200, **bound):
    """The SKP page for whoever may see it: what they may do with it decides which forms it carries."""
    user = request.user
    is_owner = skp.pegawai.user_id == user.pk
    can_write = is_owner and skp.editable
    may_act = permissions.acting_for(user, skp.evaluator)[0]
    intervenable = queries.intervenable_rhk(skp) if can_write else None
    context = {
        "skp": skp,
        "rhk_list": list(skp.rhk.all()),
        "perilaku": list(skp.perilaku.all()),
        "history": list(skp.transitions.all()),
        "is_owner": is_owner,
        "can_write": can_write,
        "may_decide": may_act and skp.status == Skp.Status.SUBMITTED,
        "may_set_expectation": may_act and skp.status != Skp.Status.APPROVED,
        "problems": services.submission_problems(skp) if can_write else [],
        "notice": evaluator_notice(skp) if is_owner and skp.status != Skp.Status.APPROVED else None,
        "has_intervenable": can_write and intervenable.exists(),
    }
    if can_write:
        context["rhk_form"] = bound.get("rhk_form") or RhkForm(intervenable=intervenable, is_jpt=skp.is_jpt)
        context["details_form"] = bound.get("details_form") or DetailsForm(initial=DetailsForm.initial_of(skp))
    if is_owner and skp.status == Skp.Status.APPROVED:
        context["revise_form"] = bound.get("revise_form") or ReasonForm()
    if context["may_decide"]:
        context["decision_form"] = bound.get("decision_form") or ReasonForm()
    if context["may_set_expectation"]:
        context["expectation_form"] = bound.get("expectation_form") or ExpectationForm(perilaku=context["perilaku"])
    return render(request, "kinerja/skp_detail.html", context, status=status)


def _own_skp(request, pk):
    skp = queries.skp_page(pk)
    if skp is None or skp.pegawai.user_id != request.user.pk:
        raise Http404
    return skp


def _own_rhk(request, pk):
    rhk = Rhk.objects.select_related("skp__pegawai", "skp__period", "intervened").filter(pk=pk).first()
    if rhk is None or rhk.skp.pegawai.user_id != request.user.pk:
        raise Http404
    return rhk


def _own_iki(request, pk):
    iki = Iki.objects.select_related("rhk__skp__pegawai").filter(pk=pk).first()
    if iki is None or iki.rhk.skp.pegawai.user_id != request.user.pk:
        raise Http404
    return iki


def _rhk_form(skp, data=None, initial=None):
    return RhkForm(data, initial=initial, intervenable=queries.intervenable_rhk(skp), is_jpt=skp.is_jpt)


def _save_rhk(request, skp, form, rhk=None):
    """Save through the service; answers the saved RHK or None with the errors on the form."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        return services.save_rhk(
            actor=request.user, skp=skp, text=data["text"], kind=data["kind"], intervened=data["intervened"],
            perspektif=data.get("perspektif", ""), rhk=rhk,
        )  # fmt: skip
    except (ValidationError, PermissionDenied) as error:
        add_service_error(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        return None


def rhk_create(request, pk):
    skp = _own_skp(request, pk)
    if request.method != "POST":
        return redirect(reverse("kinerja:my_skp") + "#rhk-baru")
    form = _rhk_form(skp, request.POST)
    rhk = _save_rhk(request, skp, form)
    if is_autosave(request):
        if rhk is None:
            return not_saved(form)
        return saved(reverse("kinerja:rhk_edit", args=[rhk.pk]), f"rhk-{rhk.pk}")
    if rhk is None:
        return render_skp(request, skp, status=400, rhk_form=form)
    messages.success(request, _("RHK tersimpan. Tambahkan indikator kinerjanya."))
    return redirect("kinerja:rhk_edit", pk=rhk.pk)


def rhk_edit(request, pk):
    rhk = _own_rhk(request, pk)
    form = _rhk_form(rhk.skp, request.POST if request.method == "POST" else None, RhkForm.initial_of(rhk))
    if request.method == "POST":
        done = _save_rhk(request, rhk.skp, form, rhk=rhk)
        if is_autosave(request):
            return saved() if done else not_saved(form)
        if done:
            messages.success(request, _("RHK tersimpan."))
            return redirect("kinerja:rhk_edit", pk=rhk.pk)
    return render_rhk(request, rhk, rhk_form=form, status=400 if form.errors else 200)


def render_rhk(request, rhk, rhk_form=None, new_iki=None, bound_iki=None, status=200):
    """The RHK page: its own form and every IKI's form; a form that failed keeps what was typed."""
    items = []
    for iki in rhk.iki.all():
        if bound_iki is not None and bound_iki.iki_id == iki.pk:
            items.append((iki, bound_iki))
        else:
            items.append((iki, IkiForm(initial=IkiForm.initial_of(iki), prefix=f"iki{iki.pk}")))
    return render(
        request,
        "kinerja/rhk_edit.html",
        {
            "rhk": rhk,
            "skp": rhk.skp,
            "can_write": rhk.skp.editable,
            "rhk_form": rhk_form or _rhk_form(rhk.skp, initial=RhkForm.initial_of(rhk)),
            "items": items,
            "new_iki": new_iki or IkiForm(prefix="new"),
        },
        status=status,
    )


@require_POST
def rhk_delete(request, pk):
    rhk = _own_rhk(request, pk)
    try:
        services.delete_rhk(actor=request.user, rhk=rhk)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
        return redirect("kinerja:rhk_edit", pk=rhk.pk)
    messages.success(request, _("RHK dihapus."))
    return redirect("kinerja:my_skp")


def _save_iki(request, rhk, form, iki=None):
    if not form.is_valid():
        return None
    try:
        return services.save_iki(actor=request.user, rhk=rhk, iki=iki, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as error:
        add_service_error(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        return None


@require_POST
def iki_create(request, pk):
    rhk = _own_rhk(request, pk)
    form = IkiForm(request.POST, prefix="new")
    iki = _save_iki(request, rhk, form)
    if is_autosave(request):
        if iki is None:
            return not_saved(form)
        return saved(reverse("kinerja:iki_edit", args=[iki.pk]), f"iki-{iki.pk}")
    if iki is None:
        return render_rhk(request, rhk, new_iki=form, status=400)
    messages.success(request, _("Indikator tersimpan."))
    return redirect(reverse("kinerja:rhk_edit", args=[rhk.pk]) + f"#iki-{iki.pk}")


def iki_edit(request, pk):
    iki = _own_iki(request, pk)
    if request.method != "POST":
        return redirect(reverse("kinerja:rhk_edit", args=[iki.rhk_id]) + f"#iki-{iki.pk}")
    # the background save posts a new IKI's form again to this address once it has one: it keeps its prefix
    prefix = "new" if any(name.startswith("new-") for name in request.POST) else f"iki{iki.pk}"
    form = IkiForm(request.POST, prefix=prefix)
    form.iki_id = iki.pk
    done = _save_iki(request, iki.rhk, form, iki=iki)
    if is_autosave(request):
        return saved() if done else not_saved(form)
    if done is None:
        return render_rhk(request, iki.rhk, bound_iki=form, status=400)
    messages.success(request, _("Indikator tersimpan."))
    return redirect(reverse("kinerja:rhk_edit", args=[iki.rhk_id]) + f"#iki-{iki.pk}")


@require_POST
def iki_delete(request, pk):
    iki = _own_iki(request, pk)
    try:
        services.delete_iki(actor=request.user, iki=iki)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Indikator dihapus."))
    return redirect("kinerja:rhk_edit", pk=iki.rhk_id)


@require_POST
def details(request, pk):
    skp = _own_skp(request, pk)
    form = DetailsForm(request.POST)
    done = False
    if form.is_valid():
        try:
            services.save_details(actor=request.user, skp=skp, **form.cleaned_data)
            done = True
        except ValidationError as error:
            add_service_error(form, error)
    if is_autosave(request):
        return saved() if done else not_saved(form)
    if not done:
        return render_skp(request, skp, status=400, details_form=form)
    messages.success(request, _("Pendekatan dan lampiran SKP tersimpan."))
    return redirect(reverse("kinerja:my_skp") + "#lampiran")


@require_POST
def submit(request, pk):
    skp = _own_skp(request, pk)
    try:
        services.submit_skp(actor=request.user, skp=skp)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("SKP diajukan kepada %(name)s untuk disetujui.") % {"name": skp.evaluator_name or "—"}
        )
    return redirect("kinerja:skp_detail", pk=skp.pk)


@require_POST
def revise(request, pk):
    skp = _own_skp(request, pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        services.revise_skp(actor=request.user, skp=skp, reason=form.cleaned_data.get("reason", ""))
    except ValidationError as error:
        add_service_error(form, error)
        return render_skp(request, skp, status=400, revise_form=form)
    messages.success(request, _("SKP dibuka kembali sebagai draf revisi. Ajukan lagi setelah diubah."))
    return redirect("kinerja:skp_detail", pk=skp.pk)
