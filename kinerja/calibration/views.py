"""Calibration pages for HR and Pimpinan: the list with a form to open one, and the calibration itself with the
distribution against the rules, a what-if of every organisation rating, adjustments and their history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.page_helpers import error_text, paginate
from portal.scoping import pegawai_of

from ..evaluation.models import Evaluation, Predikat
from ..skp.models import PerformancePeriod
from . import permissions, queries, rules, services
from .forms import AdjustForm, CloseForm, OpenForm, OrganisationRatingForm
from .models import Calibration, OrganisationRating, describe


def _instansi_id(request):
    me = pegawai_of(request.user)
    if me is None or not permissions.can_calibrate(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi_id


def calibrations(request):
    instansi_id = _instansi_id(request)
    period = PerformancePeriod.objects.filter(instansi_id=instansi_id).order_by("-year").first()
    form = OpenForm(request.POST or None, instansi_id=instansi_id, period=period)
    if request.method == "POST" and period is not None and form.is_valid():
        try:
            calibration = services.open_calibration(
                actor=request.user, period=period, unit=form.cleaned_data["unit"], window=form.cleaned_data["window"],
                organisation_rating=form.cleaned_data["organisation_rating"],
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Kalibrasi dibuka."))
            return redirect("kinerja:calibration", pk=calibration.pk)
    return render(request, "kinerja/calibration/list.html", {
        "period": period, "form": form,
        "calibrations": paginate(request, queries.calibrations_for(request.user).order_by("-created_at")),
    })  # fmt: skip


def _distribution_rows(counts):
    total = sum(counts.values())
    return [
        {"code": code, "name": name, "n": counts.get(code, 0), "percent": round(100 * counts.get(code, 0) / total) if total else 0}
        for code, name in Predikat.choices
    ]  # fmt: skip


def _findings(counts, rules_list):
    return [
        {"text": describe(finding.rule), "percent": round(finding.percent), "count": finding.count, "met": finding.met}
        for finding in rules.check(counts, rules_list)
    ]


def _perform(request, calibration, action):
    """Run the POSTed action; returns a bound form with errors to show again, or None."""
    forms = {"rating": OrganisationRatingForm, "adjust": AdjustForm, "close": CloseForm}
    if action not in forms:
        raise PermissionDenied
    form = forms[action](request.POST)
    if not form.is_valid():
        return form
    data = form.cleaned_data
    if action == "rating":
        services.set_organisation_rating(
            actor=request.user, calibration=calibration, rating=data["rating"], reason=data["reason"]
        )
        messages.success(request, _("Predikat kinerja organisasi ditetapkan."))
    elif action == "adjust":
        evaluation = get_object_or_404(queries.evaluations(calibration), pk=data["evaluation"])
        services.adjust(
            actor=request.user, calibration=calibration, evaluation=evaluation, reason=data["reason"],
            rating_hasil_kerja=data["rating_hasil_kerja"], rating_perilaku_kerja=data["rating_perilaku_kerja"],
        )  # fmt: skip
        messages.success(
            request, _("Penilaian %(name)s diubah melalui kalibrasi.") % {"name": evaluation.skp.pegawai.nama}
        )
    else:
        services.close(actor=request.user, calibration=calibration, note=data["note"])
        messages.success(request, _("Kalibrasi selesai."))
    return None  # fmt: skip


def calibration(request, pk):
    instansi_id = _instansi_id(request)
    calibration = get_object_or_404(
        Calibration.objects.select_related("period", "window", "unit", "created_by"),
        pk=pk,
        period__instansi_id=instansi_id,
    )
    failed = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            failed = _perform(request, calibration, action)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, error_text(error))
        if failed is None:
            return redirect(request.get_full_path())
    counts, unrated = queries.distribution(calibration)
    in_force = queries.rules_in_force(instansi_id)
    simulated = request.GET.get("simulasi", "")
    if simulated not in OrganisationRating.values:
        simulated = ""
    shown = simulated or calibration.organisation_rating
    page = paginate(request, queries.rows(calibration))
    is_open = calibration.status == Calibration.Status.OPEN
    return render(request, "kinerja/calibration/detail.html", {
        "calibration": calibration, "is_open": is_open, "total": sum(counts.values()), "unrated": unrated,
        "distribution": _distribution_rows(counts),
        "shown": shown, "shown_label": OrganisationRating(shown).label if shown else "", "simulated": simulated,
        "findings": _findings(counts, in_force.get(shown, [])) if shown else [],
        "what_if": [
            {"code": code, "label": label, "violations": rules.violations(counts, in_force.get(code, []))}
            for code, label in OrganisationRating.choices
        ],
        "rows": page, "rated": Evaluation.Status.RATED,
        "rating_form": failed if isinstance(failed, OrganisationRatingForm) else OrganisationRatingForm(initial={"rating": shown}),
        "failed_adjust": failed if isinstance(failed, AdjustForm) else None,
        "close_form": failed if isinstance(failed, CloseForm) else CloseForm(),
        "changes": calibration.changes.select_related("actor", "evaluation__skp__pegawai")[:50],
        "ratings": Evaluation._meta.get_field("rating_hasil_kerja").choices,
    })  # fmt: skip
