"""Pages of the HR service desk ("Layanan SDM"): my requests, a new request (choose the type, then describe it and
upload its checklist), a request's page with its timeline, documents, messages and survey (and, for HR, its internal
notes and the actions), HR's queue and HR's report with its downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.exporting import spreadsheet_response
from portal.files import serve_private_file
from portal.forms import add_service_error
from portal.page_helpers import paginate, query_string_without_page
from portal.scoping import pegawai_or_404

from ..decisions import evidence
from . import permissions, queries, report, services
from .forms import AskForm, CompleteForm, MessageForm, NoteForm, RejectForm, RequestForm, SurveyForm, UploadForm
from .models import RequestDocument, ServiceRequest

Status = ServiceRequest.Status


def _hr_instansi(request):
    me = pegawai_or_404(request.user)
    if not permissions.can_manage(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi


def _visible(request, pk):
    found = queries.request_page(pk)
    if found is None or not permissions.can_view(request.user, found):
        raise Http404
    return found


def mine(request):
    me = pegawai_or_404(request.user)
    return render(request, "kinerja/service_desk/mine.html", {
        "page": paginate(request, queries.mine(me)), "today": queries.today_in(me.instansi),
    })  # fmt: skip


def new(request):
    me = pegawai_or_404(request.user)
    types = queries.types_for(me.instansi_id)
    chosen = next((t for t in types if str(t.pk) == request.GET.get("jenis", "")), None)
    if chosen is None:
        return render(request, "kinerja/service_desk/choose.html", {"types": types})
    form = RequestForm(request.POST or None, request.FILES or None, request_type=chosen)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.file_request(
                actor=request.user, request_type=chosen, description=form.cleaned_data["description"],
                documents=form.documents(),
            )  # fmt: skip
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Permohonan terkirim. Admin SDM diberi tahu; pantau statusnya di sini."))
            return redirect("kinerja:service_request", created.pk)
    preview = evidence.sections_for_display(evidence.collect(me)) if chosen.attaches_evidence else []
    return render(request, "kinerja/service_desk/form.html", {
        "form": form, "request_type": chosen, "sections": preview,
    }, status=400 if form.errors else 200)  # fmt: skip


def detail(request, pk, **forms):
    found = _visible(request, pk)
    own = permissions.owns(request.user, found)
    staff = not own and permissions.can_manage(request.user, found.instansi_id)
    today = queries.today_in(found.instansi)
    try:
        survey = found.survey
    except ServiceRequest.survey.RelatedObjectDoesNotExist:
        survey = None
    blank = {
        "message_form": MessageForm(), "upload_form": UploadForm(request_type=found.request_type),
        "note_form": NoteForm(), "ask_form": AskForm(), "complete_form": CompleteForm(), "reject_form": RejectForm(),
        "survey_form": SurveyForm(),
    }  # fmt: skip
    return render(request, "kinerja/service_desk/detail.html", {
        "req": found, "own": own, "staff": staff, "may_handle": staff and permissions.can_handle(request.user, found),
        "history": queries.history(found), "thread": queries.messages(found), "documents": queries.documents(found),
        "notes": queries.internal_notes(found) if staff else None,
        "sections": evidence.sections_for_display(found.evidence) if found.evidence else [],
        "collected_at": (found.evidence or {}).get("collected_at"),
        "today": today, "survey": survey,
        "may_survey": own and survey is None and found.status == Status.COMPLETED,
        **blank, **forms,
    }, status=400 if forms else 200)  # fmt: skip


def _act(request, pk, action, success, form=None, key=""):
    """Run a service on the request; a form's ValidationError shows the page again with the form and its errors."""
    found = _visible(request, pk)
    try:
        action(found)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("Anda tidak dapat melakukan ini."))
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
        else:
            form.is_valid()
            add_service_error(form, error)
            return detail(request, pk, **{key: form})
    else:
        messages.success(request, success)
    return redirect("kinerja:service_request", pk)


def _step(service, success, form_class=None, key="", fields=()):
    """A POST view that runs `service` on the request with the posted `fields`; `form_class` shows its errors."""

    @require_POST
    def view(request, pk):
        form = form_class(request.POST) if form_class else None
        values = {name: request.POST.get(name, "") for name in fields}
        return _act(request, pk, lambda found: service(actor=request.user, request=found, **values), success, form, key)

    return view


take = _step(services.take, gettext_lazy("Permohonan ditangani oleh Anda."))
resume = _step(services.resume, gettext_lazy("Permohonan kembali diproses."))
ask = _step(
    services.ask_employee,
    gettext_lazy("Permintaan kelengkapan dikirim kepada pemohon."),
    AskForm,
    "ask_form",
    ("message",),
)
complete = _step(
    services.complete,
    gettext_lazy("Permohonan selesai. Pemohon diberi tahu dan diminta menilai layanan."),
    CompleteForm,
    "complete_form",
    ("note",),
)
reject = _step(
    services.reject,
    gettext_lazy("Permohonan ditolak. Pemohon diberi tahu alasannya."),
    RejectForm,
    "reject_form",
    ("reason",),
)
message = _step(services.send_message, gettext_lazy("Pesan terkirim."), MessageForm, "message_form", ("body",))
note = _step(services.add_note, gettext_lazy("Catatan internal disimpan."), NoteForm, "note_form", ("body",))
survey = _step(
    services.answer_survey,
    gettext_lazy("Terima kasih atas penilaian Anda."),
    SurveyForm,
    "survey_form",
    ("rating", "comment"),
)


@require_POST
def upload(request, pk):
    found = _visible(request, pk)
    form = UploadForm(request.POST, request.FILES, request_type=found.request_type)

    def add(r):
        if not form.is_valid():
            raise ValidationError(_("Pilih dokumen dan berkasnya."))
        services.add_documents(actor=request.user, request=r,
                               documents={form.cleaned_data["item"]: form.cleaned_data["file"]})  # fmt: skip

    return _act(request, pk, add, _("Dokumen ditambahkan."), form, "upload_form")


def document(request, pk):
    found = get_object_or_404(RequestDocument.objects.select_related("request__pegawai"), pk=pk)
    return serve_private_file(request, found.file, allowed=permissions.can_view(request.user, found.request))


def queue(request):
    instansi = _hr_instansi(request)
    today = queries.today_in(instansi)
    status = request.GET.get("status", queries.OPEN_FILTER)
    type_code, search = request.GET.get("jenis", ""), request.GET.get("q", "")
    overdue, own = request.GET.get("terlambat") == "1", request.GET.get("saya") == "1"
    requests = queries.for_instansi(
        instansi.pk, today=today, status=status, type_code=type_code, overdue=overdue, search=search,
        assignee=request.user if own else None,
    )  # fmt: skip
    return render(request, "kinerja/service_desk/queue.html", {
        "page": paginate(request, requests), "counts": queries.counts(instansi.pk, today=today, user=request.user),
        "statuses": Status.choices, "types": queries.types_for(instansi.pk, active_only=False), "today": today,
        "status": status, "type_code": type_code, "search": search, "overdue": overdue, "own": own,
        "query_string": query_string_without_page(request),
    })  # fmt: skip


def report_page(request):
    instansi = _hr_instansi(request)
    today = queries.today_in(instansi)
    years = report.years_of(instansi.pk, today)
    try:
        year = int(request.GET.get("tahun", ""))
    except ValueError:
        year = today.year
    year = year if year in years else today.year
    reports = report.build(instansi, year, today)
    fmt = request.GET.get("unduh", "")
    if fmt in ("csv", "xlsx"):
        return spreadsheet_response(f"layanan-sdm-{year}", report.sheet(reports, year), fmt=fmt)
    return render(request, "kinerja/service_desk/report.html", {
        "year": year, "years": years, "reports": reports, "scale": report.scale_of(reports),
        "bars": report.timeliness_bars(reports), "legend": report.timeliness_legend(),
        "total": sum(r.count for r in reports),
    })  # fmt: skip
