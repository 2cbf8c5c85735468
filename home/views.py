from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import queries, services
from .exports import acknowledgement_workbook
from .forms import AcknowledgeForm, FeedbackForm, SearchForm
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
    context = {"form": form, "query": "", "results": None, "promoted": []}
    if form.is_valid() and form.cleaned_data["q"].strip():
        query, kind = form.cleaned_data["q"].strip(), form.cleaned_data["jenis"]
        results, promoted = queries.search_pages(request.user, query, kind)
        items = Paginator(results, queries.PER_PAGE).get_page(request.GET.get("page"))
        if items.paginator.count == 0 and not promoted:
            services.record_search_gap(request.user, query)
        context.update(
            query=query,
            results=items,
            promoted=promoted,
            query_string=urlencode({"q": query, "jenis": kind} if kind else {"q": query}),
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


def reading_report(request, page_id):
    requirement = _requirement_or_404(request.user, page_id)
    report = queries.acknowledgement_report(requirement)
    outstanding = Paginator(report["outstanding"], 50).get_page(request.GET.get("page"))
    return render(
        request,
        "home/reading_report.html",
        {"requirement": requirement, "report": report, "outstanding": outstanding},
    )


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
