"""The pejabat penilai (or their Plt/Plh): the SKP waiting for a decision, approve or return, and the ekspektasi
khusus pimpinan per BerAKHLAK value."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.forms import add_service_error

from .. import queries, queue_sections, rules, services
from ..forms import ExpectationForm, ReasonForm
from .employee import render_skp, visible_skp
from .helpers import paginate


def _mark_overdue(page):
    """Each SKP's due day and how late the decision is, in the viewer's time zone (their instansi's)."""
    today = timezone.localdate()
    for skp in page:
        submitted_on = (
            timezone.localdate(skp.status_changed_at) if skp.status_changed_at else skp.period.planning_deadline
        )
        skp.decision_due = rules.approval_due(skp.period.planning_deadline, submitted_on)
        skp.days_late = rules.days_late(skp.decision_due, today)


def queue(request):
    waiting = queries.to_decide(request.user).select_related("pegawai__jabatan", "pegawai__unit")
    page = paginate(request, waiting)
    _mark_overdue(page)
    return render(request, "kinerja/queue.html", {"page": page, "sections": queue_sections.render(request)})


@require_POST
def decide(request, pk):
    """Approve, or return with what must change. Someone who may see the SKP but not decide it gets 403."""
    skp = visible_skp(request, pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    action = request.POST.get("action")
    try:
        if action == "approve":
            services.approve_skp(actor=request.user, skp=skp, reason=reason)
            messages.success(request, _("SKP %(name)s disetujui.") % {"name": skp.pegawai.nama})
        elif action == "return":
            services.return_skp(actor=request.user, skp=skp, reason=reason)
            messages.success(request, _("SKP %(name)s dikembalikan dengan catatan.") % {"name": skp.pegawai.nama})
        else:
            messages.error(request, _("Pilih setujui atau kembalikan."))
            return redirect("kinerja:skp_detail", pk=skp.pk)
    except ValidationError as error:
        add_service_error(form, error)
        return render_skp(request, queries.skp_page(skp.pk), status=400, decision_form=form)
    except PermissionDenied:
        raise
    return redirect("kinerja:queue")


@require_POST
def expectations(request, pk):
    skp = visible_skp(request, pk)
    form = ExpectationForm(request.POST, perilaku=list(skp.perilaku.all()))
    if form.is_valid():
        try:
            for value, text in form.changed_values():
                services.set_expectation(actor=request.user, skp=skp, value=value, text=text)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Ekspektasi khusus pimpinan tersimpan."))
            return redirect("kinerja:skp_detail", pk=skp.pk)
    return render_skp(request, queries.skp_page(skp.pk), status=400, expectation_form=form)
