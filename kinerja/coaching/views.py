"""Pages of coaching plans: HR's list (by status) with "start by hand", confirming a proposal, and the plan's page
for HR, its supervisor and the employee, where each reader finds the forms of what they may do. Every step posts to
a thin view that calls one service; a refusal (ours or kompetensi's) is shown plainly in the form it came from."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompetensi.models import MentoringProgramme
from portal.forms import add_service_error
from portal.page_helpers import paginate, query_string_without_page
from portal.scoping import pegawai_or_404

from . import permissions, queries, services
from .forms import (
    ActionForm,
    CheckInForm,
    CompleteForm,
    EnrolForm,
    MentoringForm,
    NotesForm,
    PlanForm,
    ReasonForm,
    ResponseForm,
)
from .models import CoachingAction, CoachingCheckIn, CoachingPlan

Status = CoachingPlan.Status


def _hr_instansi(request):
    me = pegawai_or_404(request.user)
    if not permissions.can_manage(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi_id


def _visible(request, pk):
    plan = queries.plan_page(pk)
    if plan is None or not permissions.can_view(request.user, plan):
        raise Http404
    return plan


def _part(request, model, pk):
    """An action or check-in with its plan, which the reader must be able to see."""
    part = model.objects.filter(pk=pk).first()
    if part is None:
        raise Http404
    part.plan = _visible(request, part.plan_id)
    return part


def plans(request):
    instansi_id = _hr_instansi(request)
    status, search = request.GET.get("status", ""), request.GET.get("q", "")
    counts = queries.counts(instansi_id)
    return render(request, "kinerja/coaching/list.html", {
        "page": paginate(request, queries.for_instansi(instansi_id, status=status, search=search)),
        "chips": [(value, label, counts.get(value, 0)) for value, label in Status.choices],
        "status": status, "search": search, "query_string": query_string_without_page(request),
    })  # fmt: skip


def _supervisor(instansi_id, form):
    nip = form.cleaned_data.get("supervisor_nip", "")
    if not nip:
        return None
    found = queries.find_pegawai(instansi_id, nip)
    if found is None:
        form.add_error("supervisor_nip", _("Tidak ada pegawai aktif dengan NIP ini di instansi Anda."))
    return found


def _terms(form):
    return {name: form.cleaned_data[name] for name in ("goals", "starts_on", "ends_on")}


def new(request):
    """HR starts a plan by hand: running at once, the supervisor being the employee's atasan unless named."""
    instansi_id = _hr_instansi(request)
    today = timezone.localdate()
    initial = {"nip": request.GET.get("nip", ""), "starts_on": today}
    form = PlanForm(request.POST or None, initial=initial)
    pegawai = queries.find_pegawai(instansi_id, request.POST.get("nip") or initial["nip"])
    if request.method == "POST" and form.is_valid():
        supervisor = _supervisor(instansi_id, form)
        if pegawai is None:
            form.add_error("nip", _("Tidak ada pegawai aktif dengan NIP ini di instansi Anda."))
        elif not form.errors:
            try:
                plan = services.start_plan(actor=request.user, pegawai=pegawai, supervisor=supervisor, **_terms(form))
            except (ValidationError, PermissionDenied) as error:
                _form_error(form, error)
            else:
                messages.success(request, _("Rencana pembinaan dimulai; pegawai dan atasan pembina diberi tahu."))
                return redirect("kinerja:coaching_plan", plan.pk)
    return render(request, "kinerja/coaching/form.html", {"form": form, "pegawai": pegawai, "plan": None},
                  status=400 if form.errors else 200)  # fmt: skip


def confirm(request, pk):
    plan = _visible(request, pk)
    if plan.status != Status.PROPOSED or not permissions.can_confirm(request.user, plan):
        raise PermissionDenied
    today = timezone.localdate()
    initial = {"starts_on": today, "supervisor_nip": plan.pegawai.atasan.nip if plan.pegawai.atasan else ""}
    form = PlanForm(request.POST or None, initial=initial, fixed_pegawai=True)
    if request.method == "POST" and form.is_valid():
        supervisor = _supervisor(plan.instansi_id, form)
        if not form.errors:
            try:
                services.confirm(actor=request.user, plan=plan, supervisor=supervisor, **_terms(form))
            except (ValidationError, PermissionDenied) as error:
                _form_error(form, error)
            else:
                messages.success(request, _("Rencana pembinaan dikonfirmasi; pegawai dan atasan pembina diberi tahu."))
                return redirect("kinerja:coaching_plan", plan.pk)
    return render(request, "kinerja/coaching/form.html", {"form": form, "pegawai": plan.pegawai, "plan": plan},
                  status=400 if form.errors else 200)  # fmt: skip


def _form_error(form, error):
    if isinstance(error, PermissionDenied):
        form.add_error(None, str(error) or _("Anda tidak dapat melakukan ini."))
    else:
        add_service_error(form, error)


# --- the plan's page ----------------------------------------------------------------------------------------------


def _may(user, plan):
    active = plan.status == Status.ACTIVE
    return {
        "manage": permissions.can_manage(user, plan.instansi_id),
        "confirm": plan.status == Status.PROPOSED and permissions.can_confirm(user, plan),
        "cancel": plan.is_open and permissions.can_cancel(user, plan),
        "write": active and permissions.can_write(user, plan),
        "notes": active and permissions.can_record_notes(user, plan),
        "respond": active and permissions.can_respond(user, plan),
        "enrol": active and permissions.can_enrol(user, plan),
        "own": permissions.is_subject(user, plan),
    }


def _pick(failed, key, pk, make):
    """The form that just failed (bound, with its errors) in its place, else a fresh one."""
    if failed is not None and failed[0] == key and failed[1] == pk:
        return failed[2]
    return make()


def detail(request, pk, *, failed=None, status=200):
    plan = _visible(request, pk)
    may = _may(request.user, plan)
    actions, checkins = list(queries.actions(plan)), list(queries.checkins(plan))
    open_actions = any(not a.linked and a.done_on is None for a in actions)
    sessions = queries.joinable_sessions(plan) if may["enrol"] and open_actions else []
    programmes = queries.running_programmes(plan.instansi_id) if may["write"] and open_actions else []
    today = timezone.localdate()
    action_rows = []
    for action in actions:
        free = may["enrol"] and not action.linked and action.done_on is None
        action_rows.append({
            "action": action,
            "enrol_form": _pick(failed, "enrol", action.pk, lambda a=action: EnrolForm(
                sessions=sessions, prefix=f"enrol-{a.pk}")) if free else None,
            "mentoring_form": _pick(failed, "mentoring", action.pk, lambda a=action: MentoringForm(
                programmes=programmes, prefix=f"mentor-{a.pk}",
                initial={"mentor_nip": plan.supervisor.nip if plan.supervisor else ""})) if free and may["write"] else None,
        })  # fmt: skip
    checkin_rows = []
    for checkin in checkins:
        checkin_rows.append({
            "checkin": checkin,
            "notes_form": _pick(failed, "notes", checkin.pk, lambda c=checkin: NotesForm(
                prefix=f"notes-{c.pk}", initial={"held_on": c.held_on or min(c.planned_on, today), "notes": c.notes}))
            if may["notes"] and not checkin.response else None,
            "response_form": _pick(failed, "response", checkin.pk, lambda c=checkin: ResponseForm(
                prefix=f"response-{c.pk}")) if may["respond"] and checkin.held and not checkin.response else None,
        })  # fmt: skip
    evaluation = plan.evaluation
    return render(request, "kinerja/coaching/detail.html", {
        "plan": plan, "may": may, "action_rows": action_rows, "checkin_rows": checkin_rows,
        "history": queries.history(plan),
        "no_sessions": may["enrol"] and open_actions and not sessions,
        "predikat_changed": evaluation is not None and evaluation.predikat != plan.predikat,
        "action_form": _pick(failed, "action", None, ActionForm),
        "checkin_form": _pick(failed, "checkin", None, CheckInForm),
        "complete_form": _pick(failed, "complete", None, CompleteForm),
        "cancel_form": _pick(failed, "cancel", None, ReasonForm),
    }, status=status)  # fmt: skip


def _post(request, plan, form, key, part_pk, call, success):
    """Validate `form`, call the service; on a refusal show the page again with the form and its message."""
    if not form.is_valid():
        return detail(request, plan.pk, failed=(key, part_pk, form), status=400)
    try:
        call(form.cleaned_data)
    except ValidationError as error:
        add_service_error(form, error)
        return detail(request, plan.pk, failed=(key, part_pk, form), status=400)
    except PermissionDenied as error:
        _form_error(form, error)
        return detail(request, plan.pk, failed=(key, part_pk, form), status=403)
    messages.success(request, success)
    return redirect("kinerja:coaching_plan", plan.pk)


@require_POST
def complete(request, pk):
    plan = _visible(request, pk)
    return _post(request, plan, CompleteForm(request.POST), "complete", None,
                 lambda data: services.complete(actor=request.user, plan=plan, **data),
                 _("Rencana pembinaan diselesaikan."))  # fmt: skip


@require_POST
def cancel(request, pk):
    plan = _visible(request, pk)
    return _post(request, plan, ReasonForm(request.POST), "cancel", None,
                 lambda data: services.cancel(actor=request.user, plan=plan, **data),
                 _("Rencana pembinaan dibatalkan."))  # fmt: skip


@require_POST
def add_action(request, pk):
    plan = _visible(request, pk)
    return _post(request, plan, ActionForm(request.POST), "action", None,
                 lambda data: services.add_action(actor=request.user, plan=plan, **data),
                 _("Tindakan ditambahkan."))  # fmt: skip


@require_POST
def action_done(request, pk):
    action = _part(request, CoachingAction, pk)
    try:
        services.mark_action_done(actor=request.user, action=action)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Tindakan ditandai selesai."))
    return redirect("kinerja:coaching_plan", action.plan_id)


@require_POST
def action_enrol(request, pk):
    action = _part(request, CoachingAction, pk)
    plan = action.plan
    form = EnrolForm(request.POST, sessions=queries.joinable_sessions(plan), prefix=f"enrol-{action.pk}")
    return _post(request, plan, form, "enrol", action.pk,
                 lambda data: services.enrol_in_session(actor=request.user, action=action, session_id=data["session"]),
                 _("Pendaftaran pelatihan tercatat pada tindakan ini."))  # fmt: skip


@require_POST
def action_mentoring(request, pk):
    action = _part(request, CoachingAction, pk)
    plan = action.plan
    programmes = queries.running_programmes(plan.instansi_id)
    form = MentoringForm(request.POST, programmes=programmes, prefix=f"mentor-{action.pk}")

    def call(data):
        programme = MentoringProgramme.objects.filter(pk=data["programme"], instansi_id=plan.instansi_id).first()
        mentor = queries.find_pegawai(plan.instansi_id, data["mentor_nip"])
        services.start_mentoring(actor=request.user, action=action, programme=programme, mentor=mentor)

    return _post(request, plan, form, "mentoring", action.pk, call, _("Mentoring dimulai untuk tindakan ini."))


@require_POST
def add_checkin(request, pk):
    plan = _visible(request, pk)
    return _post(request, plan, CheckInForm(request.POST), "checkin", None,
                 lambda data: services.plan_checkin(actor=request.user, plan=plan, **data),
                 _("Pertemuan dijadwalkan; pegawai diberi tahu."))  # fmt: skip


@require_POST
def checkin_notes(request, pk):
    checkin = _part(request, CoachingCheckIn, pk)
    form = NotesForm(request.POST, prefix=f"notes-{checkin.pk}")
    return _post(request, checkin.plan, form, "notes", checkin.pk,
                 lambda data: services.record_checkin(actor=request.user, checkin=checkin, **data),
                 _("Catatan pertemuan disimpan; pegawai diberi tahu."))  # fmt: skip


@require_POST
def checkin_response(request, pk):
    checkin = _part(request, CoachingCheckIn, pk)
    form = ResponseForm(request.POST, prefix=f"response-{checkin.pk}")
    return _post(request, checkin.plan, form, "response", checkin.pk,
                 lambda data: services.respond_to_checkin(actor=request.user, checkin=checkin, **data),
                 _("Tanggapan Anda disimpan."))  # fmt: skip
