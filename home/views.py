from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from portal.db_router import reads_from_replica

from . import queries, services
from .exports import acknowledgement_workbook
from .forms import AcknowledgeForm, ApprovalForm, FeedbackForm, SearchForm
from .models import Acknowledgement, PageFeedback, ReadingRequirement
from .models.privacy import can_view


def _visible_page_or_404(user, page_id):
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    if not can_view(page, user):
        raise Http404
    return page


def _back(request, page):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(page.url or "/")


def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "outcome": None}
    if form.is_valid() and form.cleaned_data["q"].strip():
        query, kind = " ".join(form.cleaned_data["q"].split()), form.cleaned_data["jenis"]
        outcome = queries.search(request.user, query, kind, request.GET.get("page"))
        if outcome.total == 0 and not outcome.promoted:
            services.record_search_gap(request.user, query)
        context.update(
            query=query,
            outcome=outcome,
            results=outcome.results,
            browse=queries.menu_pages(request.user) if not outcome.results.paginator.count else [],
            query_string=urlencode({"q": query, "jenis": outcome.kind} if outcome.kind else {"q": query}),
        )
    return render(request, "home/search.html", context)


@require_POST
def acknowledge(request, page_id):
    page = _visible_page_or_404(request.user, page_id)
    form = AcknowledgeForm(request.POST, page=page.specific)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return _back(request, page)
    try:
        services.acknowledge(request.user, page, form.answers())
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return _back(request, page)
    messages.success(request, _("Terima kasih, konfirmasi baca Anda telah tercatat."))
    return _back(request, page)


@require_POST
def feedback(request, page_id):
    page = _visible_page_or_404(request.user, page_id)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Umpan balik tidak valid."))
        return _back(request, page)
    try:
        services.submit_feedback(request.user, page, form.cleaned_data["kind"], form.cleaned_data["comment"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request, page)
    if form.cleaned_data["kind"] == PageFeedback.Kind.PROBLEM:
        messages.success(request, _("Terima kasih, laporan Anda diteruskan ke penanggung jawab halaman."))
    else:
        messages.success(request, _("Terima kasih atas umpan balik Anda."))
    return _back(request, page)


@reads_from_replica
def reading_reports(request):
    if not queries.is_editor(request.user):
        raise PermissionDenied
    requirements = queries.requirements_for_editor(request.user)
    items = Paginator(requirements, queries.PER_PAGE).get_page(request.GET.get("page"))
    rows = [(req, queries.acknowledgement_report(req)) for req in items]
    return render(request, "home/reading_reports.html", {"items": items, "rows": rows})


def _requirement_or_404(user, page_id):
    requirement = get_object_or_404(ReadingRequirement.objects.select_related("page", "instansi"), page_id=page_id)
    if not queries.can_see_reports(user, requirement.instansi_id):
        raise Http404
    return requirement


@reads_from_replica
def reading_report(request, page_id):
    requirement = _requirement_or_404(request.user, page_id)
    report = queries.acknowledgement_report(requirement)
    # the count is the report's own total less those done: not a second count of the whole audience
    outstanding = queries.Counted(report["outstanding"], report["total"] - report["done"])
    outstanding = Paginator(outstanding, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "home/reading_report.html",
        {"requirement": requirement, "report": report, "outstanding": outstanding},
    )


@reads_from_replica
def reading_report_xlsx(request, page_id):
    requirement = _requirement_or_404(request.user, page_id)
    report = queries.acknowledgement_report(requirement)
    acknowledgements = (
        Acknowledgement.objects.filter(page_id=requirement.page_id, generation=requirement.generation)
        .select_related("pegawai__unit")
        .order_by("pegawai__unit__name", "pegawai__nama")
    )
    content = acknowledgement_workbook(requirement, report, acknowledgements)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    filename = f"bacaan-wajib-{slugify(requirement.page.title)[:60]}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@reads_from_replica
def search_gap_report(request):
    if not queries.is_editor(request.user):
        raise PermissionDenied
    items = Paginator(queries.search_gaps(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "home/search_gaps.html", {"items": items})


def review_due(request):
    """For page owners: their pages past the review date and the latest feedback on their pages."""
    pages = queries.review_due_pages(request.user)
    feedback = Paginator(queries.feedback_for_owner(request.user), 20).get_page(request.GET.get("page"))
    return render(request, "home/review_due.html", {"pages": pages, "feedback": feedback})


def approvals(request):
    """Pages awaiting this user's approval in Wagtail workflows, to preview and decide without the admin."""
    items = Paginator(queries.approvals_for(request.user), queries.PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "home/approvals.html", {"items": items, "form": ApprovalForm()})


def approval_preview(request, task_state_id):
    """The submitted revision as readers will see it, inside the intranet, with the decision above it. Rendered
    by the page's own preview (Wagtail's serve_preview), never published."""
    state, _page = queries.approval_for(request.user, task_state_id)
    revision_page = state.revision.as_object()
    request.is_preview = True
    request.preview_mode = revision_page.default_preview_mode
    request.approval_review = {"state": state, "form": ApprovalForm()}
    response = revision_page.serve_preview(request, revision_page.default_preview_mode)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def approval_decide(request, task_state_id):
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        queries.approval_for(request.user, task_state_id)  # 404 before saying anything about someone else's task
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return HttpResponseRedirect(reverse("home_approval_preview", args=[task_state_id]))
    try:
        action = services.decide_approval(
            actor=request.user,
            task_state_id=task_state_id,
            action=form.cleaned_data["action"],
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(reverse("home_approvals"))
    if action == "approve":
        messages.success(request, _("Halaman disetujui."))
    else:
        messages.success(request, _("Permintaan perubahan dikirim kepada pengusul."))
    return HttpResponseRedirect(reverse("home_approvals"))
