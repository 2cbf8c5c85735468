"""Supervisors decide on their reports' enrolments and external learning."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.files import serve_private_file

from .. import permissions, queries, services
from ..competency.queries import pending_reviews
from ..forms import ExternalDecisionForm, ReasonForm
from ..models import Enrolment, ExternalLearning
from .helpers import PAGE_SIZE, error_text, paginate

# --- supervisors -----------------------------------------------------------------------------------------------


def approvals(request):
    if not queries.is_approver(request.user):
        raise PermissionDenied
    external = Paginator(queries.pending_external(request.user), PAGE_SIZE).get_page(request.GET.get("jp"))
    external.object_list = services.with_suggested_jp(external.object_list)
    return render(
        request,
        "kompetensi/approvals.html",
        {
            "enrolments": paginate(request, queries.pending_approvals(request.user)),
            "external": external,
            "competency_waiting": pending_reviews(request.user).count(),
        },
    )


@require_POST
def decide(request, pk):
    enrolment = get_object_or_404(Enrolment, pk=pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    try:
        if request.POST.get("action") == "approve":
            services.approve(request.user, enrolment.pk, reason)
            messages.success(request, _("Pendaftaran disetujui."))
        elif request.POST.get("action") == "reject":
            services.reject(request.user, enrolment.pk, reason)
            messages.success(request, _("Pendaftaran ditolak."))
        else:
            messages.error(request, _("Pilih setujui atau tolak."))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("kompetensi:approvals")


def bulk_approve(request):
    """Approve several enrolment requests at once: the chosen rows are listed for confirmation first, then each is
    approved through the same service as one by one; a row that cannot be approved says why and the rest go on."""
    if not queries.is_approver(request.user):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    ids = [int(pk) for pk in source.getlist("ids") if pk.isdigit()][:100]
    chosen = list(queries.pending_approvals(request.user).filter(pk__in=ids))
    if not chosen:
        messages.warning(request, _("Pilih dulu permintaan yang akan disetujui."))
        return redirect("kompetensi:approvals")
    if request.method != "POST":
        return render(request, "kompetensi/bulk_approve.html", {"chosen": chosen})
    approved, refused = 0, []
    for enrolment in chosen:
        try:
            services.approve(request.user, enrolment.pk)
            approved += 1
        except (PermissionDenied, ValidationError) as error:
            refused.append(
                f"{enrolment.pegawai.nama}: {error_text(error) if isinstance(error, ValidationError) else _('tidak berwenang')}"
            )
    if approved:
        messages.success(request, _("%(n)s pendaftaran disetujui.") % {"n": approved})
    for line in refused:
        messages.error(request, line)
    return redirect("kompetensi:approvals")


@require_POST
def decide_external(request, pk):
    item = get_object_or_404(ExternalLearning, pk=pk)
    form = ExternalDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("JP disetujui harus berupa angka 1 sampai 200."))
        return redirect("kompetensi:approvals")
    try:
        if request.POST.get("action") == "approve":
            services.approve_external_learning(
                request.user, item.pk, form.cleaned_data["jp_approved"], form.cleaned_data["note"]
            )
            messages.success(request, _("Pengajuan JP disetujui."))
        else:
            services.reject_external_learning(request.user, item.pk, form.cleaned_data["note"])
            messages.success(request, _("Pengajuan JP ditolak."))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("kompetensi:approvals")


def evidence(request, pk):
    """The owner, their supervisor and HR of their instansi download it; anyone else gets 404."""
    item = get_object_or_404(ExternalLearning.objects.select_related("pegawai"), pk=pk)
    allowed = item.pegawai.user_id == request.user.pk or permissions.can_approve_for(request.user, item.pegawai)
    return serve_private_file(request, item.evidence, allowed=allowed)
