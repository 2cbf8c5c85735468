"""HR's pages of RHK templates: the list of their instansi's templates by jabatan (filtered and searched), a
template with its IKI to create or edit, and deactivating. Another instansi's template, or anyone but Admin SDM
asking for one, is not found."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.forms import add_service_error
from portal.page_helpers import paginate, query_string_without_page
from portal.scoping import pegawai_of

from . import permissions, queries, services
from .forms import TemplateForm, iki_formset


def _hr_instansi(request):
    me = pegawai_of(request.user)
    if me is None or not permissions.can_manage(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi


def _template(request, pk):
    try:
        instansi = _hr_instansi(request)
    except PermissionDenied:
        raise Http404 from None
    template = queries.template_of(instansi.pk, pk)
    if template is None:
        raise Http404
    return template


def _digits(value):
    return value if value and value.isdigit() else ""


def template_list(request):
    instansi_id = _hr_instansi(request).pk
    jabatan_id = _digits(request.GET.get("jabatan", ""))
    search = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    found = queries.templates_of(instansi_id, jabatan_id=jabatan_id or None, search=search, status=status)
    return render(request, "kinerja/rhk_templates/list.html", {
        "page": paginate(request, found), "jabatan_list": queries.jabatan_of(instansi_id),
        "jabatan_id": jabatan_id, "q": search, "status": status if status in queries.STATUSES else "",
        "query_string": query_string_without_page(request),
    })  # fmt: skip


def _save(request, instansi, template=None):
    """Create or edit: a bad input shows the page again with everything typed and the reason, and writes nothing;
    "Tambah baris IKI" shows it again with one more blank row."""
    form = TemplateForm(request.POST, instansi_id=instansi.pk)
    formset = iki_formset(data=request.POST)
    if "add_row" in request.POST:
        form = TemplateForm(initial={name: form[name].value() for name in form.fields}, instansi_id=instansi.pk)
        formset = iki_formset(rows=formset.typed_rows(), blank=1)
        return form, formset, None
    if form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            saved = services.save_template(
                actor=request.user, instansi=instansi, jabatan=data["jabatan"], text=data["text"],
                kind=data["kind"], perspektif=data["perspektif"], order=data["order"], iki=formset.rows(),
                template=template,
            )  # fmt: skip
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return form, formset, saved
    return form, formset, None


def _render_form(request, form, formset, template=None, status=200):
    return render(request, "kinerja/rhk_templates/form.html", {
        "form": form, "formset": formset, "template": template,
    }, status=status)  # fmt: skip


def template_create(request):
    instansi = _hr_instansi(request)
    if request.method == "POST":
        form, formset, saved = _save(request, instansi)
        if saved is not None:
            messages.success(request, _("Templat RHK untuk %(jabatan)s disimpan.") % {"jabatan": saved.jabatan.name})
            return redirect(f"{_list_url()}?jabatan={saved.jabatan_id}")
        invalid = "add_row" not in request.POST
        return _render_form(request, form, formset, status=400 if invalid else 200)
    jabatan = _digits(request.GET.get("jabatan", ""))
    form = TemplateForm(initial={"jabatan": jabatan} if jabatan else None, instansi_id=instansi.pk)
    return _render_form(request, form, iki_formset(blank=3))


def template_edit(request, pk):
    template = _template(request, pk)
    if request.method == "POST":
        form, formset, saved = _save(request, template.instansi, template)
        if saved is not None:
            messages.success(request, _("Templat RHK diperbarui."))
            return redirect(f"{_list_url()}?jabatan={saved.jabatan_id}")
        invalid = "add_row" not in request.POST
        return _render_form(request, form, formset, template, status=400 if invalid else 200)
    form = TemplateForm(initial=TemplateForm.initial_of(template), instansi_id=template.instansi_id)
    rows = [{"text": iki.text, "aspek": iki.aspek, "target": iki.target} for iki in template.iki.all()]
    return _render_form(request, form, iki_formset(rows=rows, blank=1), template)


@require_POST
def template_active(request, pk):
    template = _template(request, pk)
    active = request.POST.get("active") == "1"
    services.set_template_active(actor=request.user, template=template, active=active)
    if active:
        messages.success(request, _("Templat RHK diaktifkan kembali."))
    else:
        messages.success(request, _("Templat RHK dinonaktifkan; SKP yang sudah disusun tidak berubah."))
    return redirect(f"{_list_url()}?jabatan={template.jabatan_id}")


def _list_url():
    return reverse("kinerja:rhk_templates")
