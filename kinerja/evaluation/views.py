"""Evaluation pages: the evaluator's list and rating page, the employee's results and appeal, the Atasan Pejabat
Penilai's appeal decisions, and HR opening evaluations. Thin: parse, call a service or query, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.page_helpers import error_text, paginate
from portal.scoping import pegawai_of

from ..skp.models import Iki, PerformancePeriod, Rhk
from ..skp.permissions import can_manage_periods
from . import permissions, queries, sections, services
from .forms import AppealDecisionForm, AppealForm, RatingForm, TextForm
from .models import Evaluation
from .state_machines import EVALUATION


def team(request):
    """Evaluations the user rates as pejabat penilai (or Plt/Plh), not yet final; then the final ones."""
    return render(
        request,
        "kinerja/evaluation/team.html",
        {"to_rate": paginate(request, queries.to_rate(request.user)), "done": queries.rated_by_me(request.user)[:10]},
    )


def mine(request):
    return render(
        request, "kinerja/evaluation/mine.html", {"evaluations": paginate(request, queries.mine(request.user))}
    )


def _plan(evaluation):
    """The SKP's RHK with their IKI, each IKI with its realisation and each RHK with its feedback (four queries)."""
    realisations = {r.iki_id: r for r in evaluation.realisations.all()}
    feedback = {f.rhk_id: f for f in evaluation.feedback.all()}
    rhk = list(evaluation.skp.rhk.prefetch_related("iki").select_related("intervened"))
    for item in rhk:
        item.feedback_text = feedback.get(item.pk)
        item.iki_rows = [(iki, realisations.get(iki.pk)) for iki in item.iki.all()]
    return rhk


def _perform(request, evaluation, action, may_rate, is_owner):
    """Run the POSTed action through its service; returns a form with errors to show again, or None."""
    if action == "rate" and may_rate:
        form = RatingForm(request.POST)
        if not form.is_valid():
            return form
        services.rate(actor=request.user, evaluation=evaluation, **form.cleaned_data)
        messages.success(request, _("Penilaian disimpan. Anda masih dapat mengubahnya sampai difinalkan."))
    elif action == "finalise" and may_rate:
        services.finalise(actor=request.user, evaluation=evaluation)
        messages.success(request, _("Hasil evaluasi final dan dapat dilihat pegawai."))
    elif action in ("realisation", "feedback") and (is_owner if action == "realisation" else may_rate):
        form = TextForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Tuliskan isinya (paling banyak 2.000 karakter)."))
        item_id, text = form.cleaned_data["item"], form.cleaned_data["text"]
        if action == "realisation":
            iki = get_object_or_404(Iki, pk=item_id, rhk__skp=evaluation.skp)
            services.save_realisation(actor=request.user, evaluation=evaluation, iki=iki, text=text)
            messages.success(request, _("Realisasi disimpan."))
        else:
            rhk = get_object_or_404(Rhk, pk=item_id, skp=evaluation.skp)
            services.save_feedback(actor=request.user, evaluation=evaluation, rhk=rhk, text=text)
            messages.success(request, _("Umpan balik disimpan."))
    elif action == "appeal" and is_owner:
        form = AppealForm(request.POST)
        if not form.is_valid():
            return form
        services.file_appeal(actor=request.user, evaluation=evaluation, reasons=form.cleaned_data["reasons"])
        messages.success(request, _("Keberatan diajukan kepada atasan pejabat penilai."))
    else:
        raise PermissionDenied
    return None


def detail(request, pk):
    evaluation = get_object_or_404(queries.visible(request.user), pk=pk)
    may_rate, _on_behalf_of = permissions.rater(request.user, evaluation)
    is_owner = evaluation.skp.pegawai.user_id == request.user.pk
    show_result = permissions.can_see_result(request.user, evaluation)
    rating_form = appeal_form = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            failed = _perform(request, evaluation, action, may_rate, is_owner)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, error_text(error))
            failed = None
        if failed is None:
            return redirect("kinerja:evaluation", pk=evaluation.pk)
        rating_form, appeal_form = (failed, None) if action == "rate" else (None, failed)
    evaluation = queries.visible(request.user).get(pk=evaluation.pk)
    if may_rate and rating_form is None and evaluation.status != Evaluation.Status.FINALISED:
        rating_form = RatingForm(initial={
            "rating_hasil_kerja": evaluation.rating_hasil_kerja, "rating_perilaku_kerja": evaluation.rating_perilaku_kerja,
            "reason": evaluation.reason,
        })  # fmt: skip
    appeal = getattr(evaluation, "appeal", None)
    deadline = services.appeal_deadline(evaluation)
    history = list(evaluation.transitions.select_related("actor", "on_behalf_of"))
    for row in history:
        row.label = EVALUATION.label(row.to_status)
    if is_owner and show_result and appeal is None and appeal_form is None:
        appeal_form = AppealForm()
    rhk = _plan(evaluation)
    page_sections = sections.attach(request, evaluation, rhk)
    return render(request, "kinerja/evaluation/detail.html", {
        "evaluation": evaluation, "rhk": rhk, "page_sections": page_sections, "may_rate": may_rate, "is_owner": is_owner,
        "show_result": show_result, "rating_form": rating_form, "appeal_form": appeal_form, "appeal": appeal,
        "appeal_deadline": deadline, "appeal_closed": deadline is not None and timezone.localdate() > deadline,
        "history": history,
    })  # fmt: skip


def appeals(request):
    return render(
        request,
        "kinerja/evaluation/appeals.html",
        {"appeals": paginate(request, queries.appeals_to_decide(request.user))},
    )


def appeal_decide(request, pk):
    appeal = get_object_or_404(queries.appeals_to_decide(request.user), pk=pk)
    form = AppealDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_appeal(
                actor=request.user, appeal=appeal, grant=data["decision"] == "grant", reason=data["reason"],
                rating_hasil_kerja=data["rating_hasil_kerja"], rating_perilaku_kerja=data["rating_perilaku_kerja"],
            )  # fmt: skip
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Keputusan keberatan dicatat dan bersifat final."))
            return redirect("kinerja:appeals")
    evaluation = appeal.evaluation
    return render(request, "kinerja/evaluation/appeal_decide.html", {
        "appeal": appeal, "evaluation": evaluation, "form": form, "rhk": _plan(evaluation),
    })  # fmt: skip


def hr_windows(request):
    """HR opens the periodic and annual evaluations of their instansi's open period."""
    me = pegawai_of(request.user)
    if me is None or not can_manage_periods(request.user, me.instansi_id):
        raise PermissionDenied
    period = PerformancePeriod.objects.filter(instansi_id=me.instansi_id).order_by("-year").first()
    windows = []
    if period is not None:
        counts = {
            row["window"]: row
            for row in Evaluation.objects.filter(skp__period=period)
            .values("window")
            .annotate(total=Count("pk"), final=Count("pk", filter=Q(status=Evaluation.Status.FINALISED)))
        }
        windows = [(window, counts.get(window.pk)) for window in period.windows.all()]
        windows.append((None, counts.get(None)))
    return render(request, "kinerja/evaluation/hr_windows.html", {"period": period, "windows": windows})


@require_POST
def hr_open(request, period_pk):
    me = pegawai_of(request.user)
    period = get_object_or_404(PerformancePeriod, pk=period_pk, instansi_id=getattr(me, "instansi_id", None))
    window = None
    if request.POST.get("window"):
        window = get_object_or_404(period.windows, pk=request.POST["window"])
    try:
        opened = services.open_evaluations(actor=request.user, period=period, window=window)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("%(n)s evaluasi dibuka untuk SKP yang sudah disetujui.") % {"n": opened})
    return redirect("kinerja:hr_windows")
