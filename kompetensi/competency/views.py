"""Competency pages: my profile and gaps, a claim, the supervisor's verification queue and an employee's profile
for whoever has them in scope. Thin: the queries read, the services write."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.files import serve_private_file
from portal.forms import add_service_error
from portal.models import Pegawai
from portal.scoping import get_visible_or_404, pegawai_or_404

from ..permissions import may_approve_anything
from . import permissions, queries, rules, services
from .claim_forms import ClaimForm, CorrectionForm, RecordForm, TargetForm, VerdictForm
from .models import CompetencyProfile, Evidence, JobStandard


def _profile_context(request, pegawai, *, own):
    """Everything the profile page shows: the standard of the position (or of a chosen target position) with the
    gaps largest first, the match and its band, and the history of every competency."""
    positions = queries.target_positions(pegawai.instansi_id)
    target_form = TargetForm(request.GET or None, positions=positions)
    target = target_form.cleaned_data.get("target") if target_form.is_valid() else None
    levels = queries.levels_of(pegawai)
    bands = queries.bands_for(pegawai.instansi_id)
    profile = queries.profile_of(pegawai, levels=levels, bands=bands)
    compared = queries.profile_of(pegawai, target, levels=levels, bands=bands) if target else profile
    ledger = queries.ledger_by_competency(pegawai)
    in_standard = {row.competency.pk for row in compared.rows}
    others = [lines for competency_id, lines in ledger.items() if competency_id not in in_standard]
    waiting = [line.entry for lines in ledger.values() for line in lines if line.waiting]
    return {
        "pegawai": pegawai,
        "own": own,
        "profile": profile,
        "compared": compared,
        "target": target,
        "target_form": target_form,
        "has_targets": positions.exists(),
        "rows": sorted(compared.rows, key=lambda row: (-row.gap, row.competency.group, row.competency.code)),
        "ledger": ledger,
        "others": others,
        "waiting": sorted(waiting, key=lambda entry: (entry.observed_on, entry.pk)),
        "can_open_files": own or permissions.can_review(request.user, pegawai),
        "can_review": not own and permissions.can_review(request.user, pegawai),
        "can_record": not own and bool(permissions.sources_user_may_record(request.user, pegawai) - set(rules.CLAIMS)),
        "correctable": permissions.correctable_sources(request.user, pegawai),
    }


def my_competency(request):
    me = pegawai_or_404(request.user)
    return render(request, "kompetensi/competency/profile.html", _profile_context(request, me, own=True))


def employee_competency(request, pk):
    """An employee's profile for their supervisor, HR and leaders of their instansi; 404 for anyone else."""
    pegawai = get_visible_or_404(
        Pegawai.objects.select_related("instansi", "unit", "jabatan", "user"), request.user, pk=pk
    )
    if pegawai.user_id == request.user.pk:
        return redirect("kompetensi:my_competency")
    return render(request, "kompetensi/competency/profile.html", _profile_context(request, pegawai, own=False))


def competency_claim(request):
    """A self assessment or external learning claiming a level; it waits for the supervisor's verdict."""
    me = pegawai_or_404(request.user)
    form = ClaimForm(
        request.POST or None, request.FILES or None, competencies=queries.claimable_competencies(me),
        initial={"competency": _chosen(request, me)},
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_evidence(
                actor=request.user, pegawai=me, competency=data["competency"], source=data["source"],
                level=data["level"], observed_on=data["observed_on"], note=data["note"], link=data["link"],
                attachment=data["attachment"],
            )  # fmt: skip
        except (ValidationError, PermissionDenied) as error:
            add_service_error(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(request, _("Klaim tersimpan dan menunggu verifikasi atasan Anda."))
            return redirect("kompetensi:my_competency")
    status = 400 if form.errors else 200
    # a browser never sends a file again: say so rather than let it look kept
    context = {"form": form, "file_dropped": bool(form.errors and request.FILES)}
    return render(request, "kompetensi/competency/claim_form.html", context, status=status)


def record_for(request, pk):
    """HR or the supervisor records an assessment for an employee in their scope (it counts at once)."""
    pegawai = get_visible_or_404(Pegawai.objects.select_related("instansi", "user"), request.user, pk=pk)
    sources = permissions.sources_user_may_record(request.user, pegawai) - set(rules.CLAIMS)
    if pegawai.user_id == request.user.pk or not sources:
        raise Http404
    form = RecordForm(
        request.POST or None, request.FILES or None, competencies=queries.claimable_competencies(pegawai),
        sources=sources, initial={"competency": _chosen(request, pegawai)},
    )  # fmt: skip
    back = reverse("kompetensi:employee_competency", args=[pegawai.pk])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_evidence(
                actor=request.user, pegawai=pegawai, competency=data["competency"], source=data["source"],
                level=data["level"], observed_on=data["observed_on"], note=data["note"], link=data["link"],
                attachment=data["attachment"],
            )  # fmt: skip
        except (ValidationError, PermissionDenied) as error:
            add_service_error(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(request, _("Bukti kompetensi %(name)s tercatat.") % {"name": pegawai.full_name})
            return redirect(back)
    return render(request, "kompetensi/competency/evidence_form.html", {
        "form": form, "pegawai": pegawai, "back": back, "file_dropped": bool(form.errors and request.FILES),
        "title": _("Catat bukti kompetensi"), "submit": _("Simpan bukti"),
        "intro": _("Hasil asesmen, uji kompetensi, atau penilaian atasan langsung menjadi level terkonfirmasi pegawai."),
    }, status=400 if form.errors else 200)  # fmt: skip


def _chosen(request, pegawai):
    chosen = request.GET.get("kompetensi", "")
    return queries.claimable_competencies(pegawai).filter(pk=int(chosen)).first() if chosen.isdigit() else None


def correct(request, pk):
    """A correction of a ledger entry by whoever may record (or review) that kind of entry: a new entry supersedes
    it and the history keeps both."""
    entry = get_object_or_404(Evidence.objects.select_related("pegawai__user", "competency"), pk=pk)
    if not permissions.can_view_profile(request.user, entry.pegawai) or not permissions.can_correct(
        request.user, entry
    ):
        raise Http404
    own = entry.pegawai.user_id == request.user.pk
    back = (
        reverse("kompetensi:my_competency")
        if own
        else reverse("kompetensi:employee_competency", args=[entry.pegawai_id])
    )
    form = CorrectionForm(request.POST or None, initial={"level": entry.level, "observed_on": entry.observed_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_evidence(actor=request.user, entry=entry, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            add_service_error(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(request, _("Koreksi tercatat; entri lama tetap di riwayat sebagai dikoreksi."))
            return redirect(back)
    return render(request, "kompetensi/competency/evidence_form.html", {
        "form": form, "pegawai": entry.pegawai, "back": back, "entry": entry,
        "title": _("Koreksi bukti kompetensi"), "submit": _("Simpan koreksi"),
        "intro": _("Koreksi tidak menghapus apa pun: entri baru menggantikan entri ini, dan riwayat menyimpan keduanya."),
    }, status=400 if form.errors else 200)  # fmt: skip


def competency_evidence_file(request, pk):
    """An attachment of the ledger: the employee, their supervisor and HR of their instansi; 404 for anyone else."""
    entry = get_object_or_404(Evidence.objects.select_related("pegawai"), pk=pk)
    allowed = entry.pegawai.user_id == request.user.pk or permissions.can_review(request.user, entry.pegawai)
    return serve_private_file(request, entry.attachment, allowed=allowed)


PAGE_SIZE = 20


def _queue_url(request):
    """The queue, on the page the supervisor was on."""
    page = request.GET.get("page", "")
    return reverse("kompetensi:competency_reviews") + (f"?page={page}" if page.isdigit() else "")


def _reviews_page(request, problem=None, status=200):
    """The queue; `problem` is (claim id, message) when a verdict was refused: shown beside that claim, with the
    level and note that were typed kept."""
    claims = queries.pending_reviews(request.user).select_related("pegawai__jabatan", "pegawai__unit")
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    claims = list(page.object_list)
    pegawai_ids = {claim.pegawai_id for claim in claims}
    levels = {
        (row.pegawai_id, row.competency_id): row.level
        for row in CompetencyProfile.objects.filter(
            pegawai_id__in=pegawai_ids, competency_id__in={claim.competency_id for claim in claims}
        )
    }
    required = {
        (row.jabatan_id, row.competency_id): row.required_level
        for row in JobStandard.objects.filter(
            jabatan_id__in={claim.pegawai.jabatan_id for claim in claims},
            competency_id__in={claim.competency_id for claim in claims},
        )
    }
    for claim in claims:
        claim.current_level = levels.get((claim.pegawai_id, claim.competency_id))
        claim.required_level = required.get((claim.pegawai.jabatan_id, claim.competency_id))
        claim.problem, claim.typed_level, claim.typed_note = None, claim.level, ""
        if problem and problem[0] == claim.pk:
            claim.problem = problem[1]
            typed = request.POST.get("level", "")
            claim.typed_level = int(typed) if typed.isdigit() else claim.level
            claim.typed_note = request.POST.get("note", "")[:500]
    page.object_list = claims
    return render(request, "kompetensi/competency/reviews.html", {"page": page}, status=status)


def competency_reviews(request):
    if not may_approve_anything(request.user):
        raise PermissionDenied
    return _reviews_page(request)


@require_POST
def competency_decide(request, pk):
    """The verdict on one claim. A refusal without a reason, or a claim decided meanwhile, shows the queue again
    with the message beside that claim and what was typed kept."""
    claim = queries.pending_reviews(request.user).filter(pk=pk).first()
    if claim is None:
        entry = get_object_or_404(Evidence.objects.select_related("pegawai"), pk=pk)
        if not permissions.can_review(request.user, entry.pegawai):
            raise Http404
        messages.warning(
            request, _("Klaim ini sudah diverifikasi atau dikoreksi; tidak ada lagi yang perlu dilakukan.")
        )
        return redirect(_queue_url(request))
    form = VerdictForm(request.POST)
    if not form.is_valid():
        return _reviews_page(request, (claim.pk, _("Pilih konfirmasi atau tolak, dengan level 1 sampai 5.")), 400)
    data = form.cleaned_data
    confirm = data["decision"] == "confirm"
    try:
        verdict = services.review_claim(
            actor=request.user, claim=claim, confirm=confirm, level=data["level"] if confirm else None,
            note=data["note"],
        )  # fmt: skip
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        return _reviews_page(request, (claim.pk, " ".join(error.messages)), 400)
    name, competency = claim.pegawai.nama, claim.competency.name
    if confirm:
        text = _("%(competency)s milik %(name)s dikonfirmasi pada level %(level)s.")
        messages.success(request, text % {"competency": competency, "name": name, "level": verdict.level})
    else:
        messages.success(request, _("Klaim %(competency)s milik %(name)s tidak dikonfirmasi.") % {
            "competency": competency, "name": name,
        })  # fmt: skip
    return redirect(_queue_url(request))
