"""The import pages inside the Wagtail admin: choose a kind and upload -> preview -> confirm -> progress/summary."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..exporting import Sheet, spreadsheet_response
from ..models import ImportJob
from ..scoping import instansi_q, pegawai_of
from . import services
from .forms import UploadForm
from .registry import get_import, import_kinds

RECENT_JOBS = 20


def visible_jobs(user):
    """Jobs of the kinds this user may import, in their instansi (a superuser: all). Another role of the same
    instansi (a training organiser) never sees HR's employee uploads."""
    jobs = ImportJob.objects.select_related("instansi", "uploaded_by")
    if user.is_superuser:
        return jobs
    return jobs.filter(instansi_q(user), kind__in=[kind.key for kind in import_kinds(user)])


def _job_or_404(request, pk):
    job = get_object_or_404(visible_jobs(request.user), pk=pk)
    # a job whose worker died is failed as soon as anyone looks at it, not only at the next sweep
    services.fail_if_stale(job)
    return job


def _kinds_or_403(user):
    kinds = import_kinds(user)
    if not kinds:
        raise PermissionDenied
    return kinds


class ImportIndexView(WagtailAdminTemplateMixin, FormView):
    template_name = "portal/importing/index.html"
    form_class = UploadForm
    page_title = gettext_lazy("Impor data")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.kinds = _kinds_or_403(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "kinds": self.kinds}

    def get_initial(self):
        return {"kind": self.request.GET.get("jenis", "")}

    def form_valid(self, form):
        if form.instansi is None:
            form.add_error(None, _("Akun Anda belum terhubung dengan data pegawai suatu instansi."))
            return self.form_invalid(form)
        job = services.preview_import(
            self.request.user,
            kind_key=form.cleaned_data["kind"],
            instansi=form.instansi,
            uploaded_file=form.cleaned_data["file"],
            language=get_language(),
        )
        return redirect("portal_import:job", pk=job.pk)

    def get_context_data(self, **kwargs):
        # the list shows no summaries, which hold up to PREVIEW_ROW_LIMIT preview rows each
        jobs = visible_jobs(self.request.user).defer("summary")[:RECENT_JOBS]
        return super().get_context_data(kinds=self.kinds, jobs=jobs, **kwargs)


class ImportJobView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/importing/job.html"
    header_icon = "upload"

    def get_page_title(self):
        return _("Impor %(kind)s") % {"kind": self.kind.label if self.kind else self.job.kind}

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("portal_import:index"), "label": _("Impor data")},
            {"url": "", "label": self.job.original_name},
        ]

    def dispatch(self, request, *args, **kwargs):
        _kinds_or_403(request.user)
        self.job = _job_or_404(request, kwargs["pk"])
        self.kind = get_import(self.job.kind)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        job = self.job
        processed, percent = services.progress_of(job)
        owner = job.uploaded_by_id == self.request.user.pk or self.request.user.is_superuser
        Status = ImportJob.Status
        return super().get_context_data(
            job=job,
            kind=self.kind,
            errors=Paginator(job.errors, settings.IMPORT_ERRORS_PER_PAGE).get_page(self.request.GET.get("page")),
            preview_rows=job.summary.get("rows", []),
            more_rows=job.summary.get("more_rows", 0),
            processed=processed,
            percent=percent,
            running=job.status in services.ACTIVE,
            can_confirm=owner and job.status == Status.PREVIEWED and not job.errors and bool(job.file),
            can_retry=owner and job.status == Status.FAILED and bool(job.file),
            can_cancel=owner and job.status in (Status.PREVIEWED, Status.FAILED) and bool(job.file),
            async_threshold=settings.IMPORT_ASYNC_ROW_THRESHOLD,
            **kwargs,
        )


def _act(request, pk, service, success=""):
    job = _job_or_404(request, pk)
    try:
        service(actor=request.user, job=job)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        if success:
            messages.success(request, success)
    return redirect("portal_import:job", pk=job.pk)


@require_POST
def confirm(request, pk):
    return _act(request, pk, lambda *, actor, job: services.confirm_import(actor, job))


@require_POST
def retry(request, pk):
    return _act(request, pk, services.retry_import, _("Impor dijalankan ulang dengan berkas yang sama."))


@require_POST
def cancel(request, pk):
    return _act(request, pk, services.cancel_import, _("Impor dibatalkan dan berkasnya dihapus."))


def job_status(request, pk):
    job = _job_or_404(request, pk)
    processed, percent = services.progress_of(job)
    return JsonResponse(
        {
            "status": job.status,
            "label": str(job.get_status_display()),
            "processed": processed,
            "total": job.total_rows,
            "percent": percent,
            "finished": job.status not in services.ACTIVE,
        }
    )


def template_download(request, kind, fmt):
    found = get_import(kind)
    if found is None or not found.allowed_for(request.user) or fmt not in services.FORMATS:
        raise Http404
    # every example cell is text, so a NIP keeps all 18 digits and a code its leading zeros
    me = pegawai_of(request.user)
    sheet = Sheet(
        str(found.label),
        found.headers,
        [[str(value) for value in row] for row in found.example_rows_for(me.instansi if me else None)],
        text_columns=tuple(range(len(found.headers))),
    )
    return spreadsheet_response(f"templat-impor-{found.key}", sheet, fmt=fmt)
