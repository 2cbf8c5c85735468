"""Admin SDM: open the performance period of their instansi, and name a Plt/Plh for a pejabat penilai."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.forms import add_service_error
from portal.scoping import pegawai_of

from .. import health, permissions, queries, services
from ..forms import ActingForm, PeriodForm
from .helpers import paginate


def _hr_instansi(request):
    me = pegawai_of(request.user)
    if me is None or not permissions.can_manage_periods(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi


def periods(request):
    instansi = _hr_instansi(request)
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            period = services.open_period(actor=request.user, instansi=instansi, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Periode kinerja %(year)s dibuka.") % {"year": period.year})
            return redirect("kinerja:periods")
    return render(
        request,
        "kinerja/periods.html",
        {"instansi": instansi, "periods": queries.periods_of(instansi.pk)[:10], "form": form},
        status=400 if form.errors else 200,
    )


def acting(request):
    instansi = _hr_instansi(request)
    form = ActingForm(request.POST or None, instansi_id=instansi.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assign_acting_evaluator(
                actor=request.user, official=data["official"], acting=form.acting, kind=data["kind"],
                starts_on=data["starts_on"], ends_on=data["ends_on"], note=data["note"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("%(name)s ditunjuk sebagai Plt/Plh.") % {"name": form.acting.nama})
            return redirect("kinerja:acting")
    return render(
        request,
        "kinerja/acting.html",
        {"instansi": instansi, "page": paginate(request, queries.acting_of(instansi.pk)), "form": form},
        status=400 if form.errors else 200,
    )


def data_health(request):
    """What would block employees' SKP in the coming period, each row linking to the employee's record to fix."""
    instansi = _hr_instansi(request)
    found = health.findings(instansi.pk)
    return render(request, "kinerja/data_health.html", {
        "instansi": instansi, "summary": health.summary(found), "findings": paginate(request, found),
    })  # fmt: skip
