"""Pages of career decisions: HR's and Pimpinan's list, a new proposal (prefilled from the eligibility list or the
reward candidates), a decision with its sealed evidence, history and the actions its reader may take; the
employee's own decisions; and the reward candidates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.forms import add_service_error
from portal.page_helpers import paginate, query_string_without_page
from portal.scoping import pegawai_or_404

from . import evidence, permissions, queries, services
from .forms import DecideForm, DecisionForm, ReasonForm
from .models import CareerDecision


def _list_instansi(request):
    me = pegawai_or_404(request.user)
    if not permissions.can_view_list(request.user, me.instansi_id):
        raise PermissionDenied
    return me.instansi_id


def _visible(request, pk):
    decision = queries.decision_page(pk)
    if decision is None or not permissions.can_view(request.user, decision):
        raise Http404
    return decision


def decisions(request):
    instansi_id = _list_instansi(request)
    status, kind, search = request.GET.get("status", ""), request.GET.get("jenis", ""), request.GET.get("q", "")
    counts = queries.counts(instansi_id)
    return render(request, "kinerja/decisions/list.html", {
        "page": paginate(request, queries.for_instansi(instansi_id, status=status, kind=kind, search=search)),
        "chips": [(value, label, counts.get(value, 0)) for value, label in CareerDecision.Status.choices],
        "status": status, "kind": kind, "search": search,
        "statuses": CareerDecision.Status.choices, "kinds": CareerDecision.Kind.choices,
        "query_string": query_string_without_page(request),
        "may_manage": permissions.can_manage(request.user, instansi_id),
    })  # fmt: skip


def new(request):
    me = pegawai_or_404(request.user)
    if not permissions.can_manage(request.user, me.instansi_id):
        raise PermissionDenied
    initial = {"nip": request.GET.get("nip", ""), "kind": request.GET.get("jenis", ""),
               "title": request.GET.get("judul", "")}  # fmt: skip
    form = DecisionForm(request.POST or None, initial=initial)
    pegawai = queries.find_pegawai(me.instansi_id, request.POST.get("nip") or initial["nip"])
    if request.method == "POST" and form.is_valid():
        if pegawai is None:
            form.add_error("nip", _("Tidak ada pegawai aktif dengan NIP ini di instansi Anda."))
        else:
            values = {name: form.cleaned_data[name] for name in ("kind", "title", "rationale", "effective_on")}
            try:
                decision = services.create_draft(actor=request.user, pegawai=pegawai, **values)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Draf keputusan disimpan. Periksa buktinya, lalu usulkan."))
                return redirect("kinerja:decision", decision.pk)
    return render(
        request, "kinerja/decisions/form.html", {"form": form, "pegawai": pegawai, "decision": None},
        status=400 if form.errors else 200,
    )  # fmt: skip


def edit(request, pk):
    decision = _visible(request, pk)
    if not permissions.can_manage(request.user, decision.instansi_id) or decision.status != decision.Status.DRAFT:
        raise PermissionDenied
    initial = {name: getattr(decision, name) for name in services.EDITABLE}
    form = DecisionForm(request.POST or None, initial=initial, fixed_pegawai=decision.pegawai)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_draft(actor=request.user, decision=decision, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Draf keputusan diperbarui."))
            return redirect("kinerja:decision", decision.pk)
    return render(
        request, "kinerja/decisions/form.html", {"form": form, "pegawai": decision.pegawai, "decision": decision},
        status=400 if form.errors else 200,
    )  # fmt: skip


def detail(request, pk, *, decide_form=None, reason_form=None):
    decision = _visible(request, pk)
    sealed = decision.sealed_at is not None
    staff = permissions.can_view_list(request.user, decision.instansi_id)
    # a draft shows what would be sealed now, to HR and Pimpinan only
    data = decision.evidence if sealed else (evidence.collect(decision.pegawai) if staff else {})
    may_manage = permissions.can_manage(request.user, decision.instansi_id)
    may_decide = decision.status == decision.Status.PROPOSED and permissions.can_decide(request.user, decision)
    return render(request, "kinerja/decisions/detail.html", {
        "decision": decision, "sealed": sealed, "sections": evidence.sections_for_display(data),
        "collected_at": data.get("collected_at"), "person": data.get("pegawai", {}),
        "history": queries.history(decision), "staff": staff, "may_manage": may_manage, "may_decide": may_decide,
        "may_return": decision.status == decision.Status.PROPOSED and (may_manage or may_decide),
        "decide_form": decide_form or DecideForm(), "reason_form": reason_form or ReasonForm(),
        "own": decision.pegawai.user_id == request.user.pk,
    }, status=400 if (decide_form or reason_form) else 200)  # fmt: skip


def _act(request, pk, action, success, form_kind=None):
    decision = _visible(request, pk)
    try:
        action(decision)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("Anda tidak dapat melakukan ini."))
    except ValidationError as error:
        if form_kind is None:
            messages.error(request, " ".join(error.messages))
        else:
            form = form_kind(request.POST)
            form.is_valid()
            add_service_error(form, error)
            key = "decide_form" if form_kind is DecideForm else "reason_form"
            return detail(request, pk, **{key: form})
    else:
        messages.success(request, success)
    return redirect("kinerja:decision", pk)


@require_POST
def propose(request, pk):
    return _act(request, pk, lambda d: services.propose(actor=request.user, decision=d),
                _("Diusulkan. Bukti pendukung sudah dikunci dan Pimpinan diberi tahu."))  # fmt: skip


@require_POST
def return_to_draft(request, pk):
    reason = request.POST.get("reason", "")
    return _act(request, pk, lambda d: services.return_to_draft(actor=request.user, decision=d, reason=reason),
                _("Usulan dikembalikan menjadi draf."), ReasonForm)  # fmt: skip


@require_POST
def decide(request, pk):
    approve = request.POST.get("putusan") == "setujui"
    note = request.POST.get("note", "")
    success = _("Usulan disetujui.") if approve else _("Usulan ditolak.")
    return _act(request, pk, lambda d: services.decide(actor=request.user, decision=d, approve=approve, note=note),
                success, DecideForm)  # fmt: skip


def mine(request):
    me = pegawai_or_404(request.user)
    return render(request, "kinerja/decisions/mine.html", {"page": paginate(request, queries.about(me))})


def rewards(request):
    me = pegawai_or_404(request.user)
    if not permissions.can_manage(request.user, me.instansi_id):
        raise PermissionDenied
    try:
        year = int(request.GET.get("tahun", ""))
    except ValueError:
        year = None
    year, candidates = queries.reward_candidates(me.instansi_id, year)
    return render(request, "kinerja/decisions/rewards.html", {"year": year, "candidates": candidates})
