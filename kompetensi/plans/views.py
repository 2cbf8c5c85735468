"""Thin views of development plans: my plan, one plan (written, decided and followed on the same page), the
supervisor's queue and HR's coverage with its export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.db_router import reads_from_replica
from portal.exporting import Sheet, spreadsheet_response
from portal.forms import add_service_error
from portal.scoping import get_visible_or_404, pegawai_or_404

from ..competency.queries import profile_of
from ..models import DevelopmentPlan, PlanActivity, PlanGoal
from ..permissions import may_approve_anything
from ..views.helpers import error_text, paginate, query_string_without_page
from . import permissions, queries, rules, services
from .forms import ActivityForm, DecisionForm, GoalForm


def _year(request):
    value = request.GET.get("tahun", "")
    this_year = timezone.localdate().year
    return int(value) if value.isdigit() and this_year - 5 <= int(value) <= this_year + 1 else this_year


def my_plan(request):
    me = pegawai_or_404(request.user)
    year = _year(request)
    plan = queries.plan_of(me, year)
    if plan is not None:
        return redirect("kompetensi:plans:detail", plan.pk)
    this_year = timezone.localdate().year
    return render(
        request,
        "kompetensi/plans/start.html",
        {"year": year, "may_start": this_year - 1 <= year <= this_year + 1, "profile": profile_of(me)},
    )


@require_POST
def start(request):
    try:
        plan = services.start_plan(actor=request.user, year=int(request.POST.get("year", "0") or 0))
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("kompetensi:plans:mine")
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("Draf rencana dibuat. Tambahkan sasaran dan kegiatan, lalu ajukan ke atasan Anda."))
    return redirect("kompetensi:plans:detail", plan.pk)


PLAN_RELATIONS = ("pegawai__user", "pegawai__atasan__user", "pegawai__unit", "pegawai__jabatan", "pegawai__instansi")


def _plan(request, pk):
    """A plan in the user's scope (the employee, their supervisor, HR and leaders of the instansi), else 404."""
    return get_visible_or_404(DevelopmentPlan.objects.select_related(*PLAN_RELATIONS), request.user, "pegawai", pk=pk)


def _edit(request, plan, profile):
    """Handle one posted edit (add or remove a goal or an activity); the bound form comes back on a mistake."""
    action = request.POST.get("action", "")
    goal_form = activity_form = None
    try:
        if action == "add_goal":
            goal_form = GoalForm(request.POST, gaps=profile.gaps)
            if goal_form.is_valid():
                services.add_goal(actor=request.user, plan=plan, **goal_form.cleaned_data)
                messages.success(request, _("Sasaran ditambahkan."))
                return None
        elif action == "add_activity":
            activity_form = ActivityForm(request.POST, plan=plan)
            if activity_form.is_valid():
                services.add_activity(actor=request.user, plan=plan, **activity_form.cleaned_data)
                messages.success(request, _("Kegiatan ditambahkan."))
                return None
        elif action == "remove_goal":
            goal = get_object_or_404(PlanGoal, pk=request.POST.get("item", 0) or 0, plan=plan)
            services.remove_goal(actor=request.user, goal=goal)
            messages.success(request, _("Sasaran dihapus."))
            return None
        elif action == "remove_activity":
            activity = get_object_or_404(PlanActivity, pk=request.POST.get("item", 0) or 0, plan=plan)
            services.remove_activity(actor=request.user, activity=activity)
            messages.success(request, _("Kegiatan dihapus."))
            return None
    except ValidationError as error:
        form = goal_form or activity_form
        if form is None:
            messages.error(request, error_text(error))
            return None
        add_service_error(form, error)
    return goal_form, activity_form


def detail(request, pk):
    plan = _plan(request, pk)
    profile = None
    goal_form = activity_form = None
    if request.method == "POST":
        if not permissions.can_edit(request.user, plan):
            raise PermissionDenied
        profile = profile_of(plan.pegawai)
        forms_back = _edit(request, plan, profile)
        if forms_back is None:
            return redirect("kompetensi:plans:detail", plan.pk)
        goal_form, activity_form = forms_back
    context = {"plan": plan, "decision_form": DecisionForm()}
    if plan.status == rules.COMPLETED and plan.snapshot:
        context["snapshot"] = plan.snapshot
    else:
        profile = profile or profile_of(plan.pegawai)
        context["view"] = queries.plan_view(plan, profile=profile)
        if permissions.can_edit(request.user, plan):
            context["goal_form"] = goal_form or GoalForm(gaps=profile.gaps)
            context["activity_form"] = activity_form or ActivityForm(plan=plan)
            context["gaps"] = profile.gaps
    context.update(
        may_submit=permissions.can_submit(request.user, plan),
        may_decide=permissions.can_decide(request.user, plan),
        may_complete=permissions.can_complete(request.user, plan),
        is_owner=permissions.is_owner(request.user, plan),
        history=plan.transitions.select_related("actor").order_by("at", "pk"),
    )
    return render(request, "kompetensi/plans/detail.html", context)


TRANSITIONS = {
    "submit": (services.submit_plan, _("Rencana diajukan ke atasan Anda.")),
    "approve": (services.approve_plan, _("Rencana disetujui.")),
    "return": (services.return_plan, _("Rencana dikembalikan kepada pegawai.")),
    "complete": (services.complete_plan, _("Rencana ditandai selesai; ringkasannya kini tersimpan.")),
}


@require_POST
def transition(request, pk):
    plan = _plan(request, pk)
    action = request.POST.get("action", "")
    if action not in TRANSITIONS:
        raise Http404
    service, done = TRANSITIONS[action]
    form = DecisionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        if action == "return":
            service(actor=request.user, plan=plan, reason=reason)
        else:
            service(actor=request.user, plan=plan, note=reason)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, str(done))
    if action in ("approve", "return") and request.POST.get("next") == "queue":
        return redirect("kompetensi:plans:waiting")
    return redirect("kompetensi:plans:detail", plan.pk)


def waiting(request):
    if not may_approve_anything(request.user):
        raise PermissionDenied
    return render(
        request, "kompetensi/plans/waiting.html", {"plans": paginate(request, queries.waiting_for(request.user))}
    )


def _coverage_sheet(people, year):
    labels = dict(DevelopmentPlan.Status.choices)
    headers = [_("NIP"), _("Nama"), _("Unit kerja"), _("Status rencana"), _("JP direncanakan"), _("JP tercatat"),
               _("Target JP"), _("Tertinggal")]  # fmt: skip
    rows = [
        [p.nip, p.nama, p.unit.name if p.unit_id else "", str(labels.get(p.plan_status, _("Belum ada"))),
         p.jp_planned, p.jp_done, p.target, _("Ya") if p.behind else ""]
        for p in people
    ]  # fmt: skip
    return Sheet(_("Cakupan rencana %(year)s") % {"year": year}, headers, rows, text_columns=(0,))


@reads_from_replica
def coverage(request):
    if not permissions.can_see_coverage(request.user):
        raise PermissionDenied
    year = _year(request)
    unit_id = request.GET.get("unit", "")
    unit_id = int(unit_id) if unit_id.isdigit() else None
    only = request.GET.get("tampil", "")
    only = only if only in ("none", "behind") else ""
    people = queries.coverage(request.user, year, unit_id=unit_id, only=only)
    if request.GET.get("format") == "xlsx":
        return spreadsheet_response(f"cakupan-rencana-{year}", _coverage_sheet(people, year))
    elapsed, days = queries.year_elapsed(year)
    return render(
        request,
        "kompetensi/plans/coverage.html",
        {
            "year": year, "unit_id": unit_id, "only": only, "people": paginate(request, people, 25),
            "units": queries.coverage_by_unit(request.user, year), "elapsed_percent": rules.percent(elapsed, days),
            "query_string": query_string_without_page(request), "status_labels": dict(DevelopmentPlan.Status.choices),
        },
    )  # fmt: skip
