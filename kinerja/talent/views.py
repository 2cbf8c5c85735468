"""Talent management pages for HR (their instansi) and Pimpinan (their unit and the units below it): the 9-box
grid with a unit picker, the list behind each box (and of who is not mapped yet), the talent pool, the succession
plans of key positions, and HR's entry of potential assessments. Thin: queries read, services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.exporting import spreadsheet_response
from portal.models import Instansi
from portal.page_helpers import error_text, paginate, query_string_without_page

from . import display, queries, services
from .forms import AssessmentForm, CandidateForm, PlanForm

EXPORT_FORMATS = ("xlsx", "csv")
UNMAPPED = "belum"


def _scope(request):
    scope = queries.scope_of(request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def _manager(request):
    scope = _scope(request)
    if not scope.manage:
        raise PermissionDenied
    return scope


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _units(request, scope):
    """(chosen unit id, the ids of it and the units below it); a unit out of scope answers 404."""
    unit = _int(request.GET.get("unit"))
    try:
        return unit, queries.units_below(scope, unit)
    except LookupError:
        raise Http404 from None


def _format(request):
    fmt = request.GET.get("format", "")
    return fmt if fmt in EXPORT_FORMATS else None


def _common(request, scope, unit):
    return {"scope": scope, "units": queries.unit_choices(scope), "unit": unit,
            "query_string": query_string_without_page(request)}  # fmt: skip


def grid(request):
    scope = _scope(request)
    unit, unit_ids = _units(request, scope)
    instansi_rules = queries.rules_of(scope.instansi_id)
    fmt = _format(request)
    if fmt:
        rows = queries.box_list(scope, instansi_rules, unit_ids=unit_ids)
        return spreadsheet_response("kotak-talenta", display.sheet(rows, _("Kotak talenta")), fmt=fmt)
    return render(request, "kinerja/talent/grid.html", {
        **_common(request, scope, unit), "grid": queries.grid(scope, instansi_rules, unit_ids),
        "columns": queries.kinerja_columns(), "boxes": instansi_rules.boxes,
    })  # fmt: skip


def box_list(request):
    """The people behind one box (`kotak`), those not mapped yet (`kotak=belum`), or everyone on the grid."""
    scope = _scope(request)
    unit, unit_ids = _units(request, scope)
    instansi_rules = queries.rules_of(scope.instansi_id)
    chosen = request.GET.get("kotak", "")
    box = instansi_rules.box(_int(chosen)) if chosen != UNMAPPED else None
    unmapped = chosen == UNMAPPED
    rows = queries.box_list(scope, instansi_rules, unit_ids=unit_ids, box=box, unmapped=unmapped)
    fmt = _format(request)
    if fmt:
        name = f"kotak-talenta-{box.number}" if box else ("belum-dipetakan" if unmapped else "kotak-talenta")
        return spreadsheet_response(name, display.sheet(rows, _("Kotak talenta")), fmt=fmt)
    return render(request, "kinerja/talent/list.html", {
        **_common(request, scope, unit), "box": box, "unmapped": unmapped, "boxes": instansi_rules.boxes,
        "page": paginate(request, rows),
    })  # fmt: skip


def pool(request):
    scope = _scope(request)
    unit, unit_ids = _units(request, scope)
    instansi_rules = queries.rules_of(scope.instansi_id)
    rows = queries.box_list(scope, instansi_rules, unit_ids=unit_ids, pool=True)
    fmt = _format(request)
    if fmt:
        return spreadsheet_response("kelompok-talenta", display.sheet(rows, _("Kelompok talenta")), fmt=fmt)
    return render(request, "kinerja/talent/pool.html", {
        **_common(request, scope, unit), "page": paginate(request, rows),
        "pool_boxes": [str(box.number) for box in instansi_rules.boxes if box.in_pool],
    })  # fmt: skip


@require_POST
def recompute(request):
    scope = _manager(request)
    result = services.refresh(actor=request.user, instansi=Instansi.objects.get(pk=scope.instansi_id))
    messages.success(request, _("Kotak talenta dihitung ulang: %(mapped)s dari %(stored)s pegawai terpetakan.")
                     % {"mapped": result["mapped"], "stored": result["stored"]})  # fmt: skip
    return redirect("kinerja:talent_grid")


# --- potential assessments (HR) ------------------------------------------------------------------------------------


def assessments(request):
    scope = _manager(request)
    form = AssessmentForm(request.POST or None, instansi_id=scope.instansi_id,
                          initial={"nip": request.GET.get("nip", "")})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            row = services.record_assessment(
                actor=request.user, pegawai=data["nip"], assessed_on=data["assessed_on"], score=data["score"],
                lembaga=data["lembaga"], note=data["note"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Hasil asesmen potensi %(name)s tersimpan; kotak talentanya sudah dihitung "
                                        "ulang.") % {"name": row.pegawai.full_name})  # fmt: skip
            return redirect("kinerja:talent_assessments")
    search = request.GET.get("q", "")
    return render(request, "kinerja/talent/assessments.html", {
        "scope": scope, "form": form, "search": search, "page": paginate(request, queries.assessments_of(scope, search)),
        "query_string": query_string_without_page(request),
    })  # fmt: skip


@require_POST
def assessment_delete(request, pk):
    scope = _manager_or_404(request)
    row = queries.assessment_for(scope, pk)
    if row is None:
        raise Http404
    services.delete_assessment(actor=request.user, assessment=row)
    messages.success(request, _("Hasil asesmen potensi %(name)s tanggal %(day)s dihapus.")
                     % {"name": row.pegawai.full_name, "day": row.assessed_on.strftime("%d-%m-%Y")})  # fmt: skip
    return redirect("kinerja:talent_assessments")


def _manager_or_404(request):
    """An object addressed by its id: out of the user's reach it does not exist."""
    scope = queries.scope_of(request.user)
    if scope is None or not scope.manage:
        raise Http404
    return scope


# --- succession plans ----------------------------------------------------------------------------------------------


def plans(request):
    scope = _scope(request)
    form = PlanForm(request.POST or None, instansi_id=scope.instansi_id) if scope.manage else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                plan = services.create_plan(
                    actor=request.user, instansi=Instansi.objects.get(pk=scope.instansi_id), jabatan=data["jabatan"],
                    unit=data["unit"], note=data["note"],
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Rencana suksesi %(name)s dibuat; tambahkan kandidatnya.") % {"name": plan})
                return redirect("kinerja:succession_plan", pk=plan.pk)
    return render(request, "kinerja/talent/plans.html", {
        "scope": scope, "form": form, "page": paginate(request, queries.plans_of(scope)),
    })  # fmt: skip


def _plan(request, pk):
    scope = queries.scope_of(request.user)
    plan = queries.plan_for(scope, pk) if scope is not None else None
    if plan is None:
        raise Http404
    return scope, plan


def plan(request, pk):
    scope, found = _plan(request, pk)
    form = CandidateForm(request.POST or None, instansi_id=scope.instansi_id) if scope.manage else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                candidate = services.add_candidate(
                    actor=request.user, plan=found, pegawai=data["nip"], readiness=data["readiness"], note=data["note"],
                    outside_pool_reason=data["outside_pool_reason"],
                )  # fmt: skip
            except services.OutsidePool as error:
                form.add_error("outside_pool_reason", error_text(error))
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("%(name)s ditambahkan sebagai kandidat.")
                                 % {"name": candidate.pegawai.full_name})  # fmt: skip
                return redirect("kinerja:succession_plan", pk=found.pk)
    instansi_rules = queries.rules_of(scope.instansi_id)
    candidates = list(queries.candidates_of(found))
    for candidate in candidates:
        candidate.current = queries.current_box(getattr(candidate.pegawai, "talent_placement", None), instansi_rules)
    pool = []
    if scope.manage:
        taken = {candidate.pegawai_id for candidate in candidates}
        pool = [row for row in queries.box_list(scope, instansi_rules, pool=True) if row.pegawai_id not in taken]
    return render(request, "kinerja/talent/plan.html", {
        "scope": scope, "plan": found, "candidates": candidates, "form": form, "pool": pool,
    })  # fmt: skip


@require_POST
def plan_delete(request, pk):
    scope, found = _plan(request, pk)
    if not scope.manage:
        raise PermissionDenied
    services.delete_plan(actor=request.user, plan=found)
    messages.success(request, _("Rencana suksesi %(name)s dihapus.") % {"name": found})
    return redirect("kinerja:succession_plans")


@require_POST
def candidate_remove(request, pk):
    scope = _manager_or_404(request)
    candidate = queries.candidate_for(scope, pk)
    if candidate is None:
        raise Http404
    services.remove_candidate(actor=request.user, candidate=candidate)
    messages.success(request, _("%(name)s tidak lagi menjadi kandidat.") % {"name": candidate.pegawai.full_name})
    return redirect(reverse("kinerja:succession_plan", args=[candidate.plan_id]))
