"""Thin views of mentoring: the mentor's and mentee's page, a pair, logging and answering sessions, feedback, and
the programme pages of HR and supervisors. Another instansi's object, or one outside the user's scope, is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.exporting import Sheet, spreadsheet_response
from portal.forms import add_service_error

from ..views.helpers import error_text, paginate, redirect_back
from . import permissions, queries, rules, services
from .forms import AgreementForm, DisputeForm, FeedbackForm, PairForm, ProgrammeForm, SessionLogForm
from .models import MentoringPair, MentoringProgramme

# --- mentor and mentee -----------------------------------------------------------------------------------------


def home(request):
    """Mentoring: sessions waiting for my confirmation, my mentor(s), my mentees."""
    return render(
        request,
        "kompetensi/mentoring/home.html",
        {
            "to_confirm": list(queries.sessions_to_confirm(request.user)[:20]),
            "mentors": list(queries.my_mentors(request.user)[:20]),
            "mentees": paginate(request, queries.my_mentees(request.user)),
            "can_set_up": permissions.can_set_up_programmes(request.user),
            "today": timezone.localdate(),
        },
    )


def pair_detail(request, pk):
    pair = queries.pair_or_404(request.user, pk)
    today = timezone.localdate()
    return render(
        request,
        "kompetensi/mentoring/pair.html",
        {
            "pair": pair,
            "targets": list(pair.targets.select_related("competency")),
            "sessions": paginate(request, queries.pair_sessions(pair)),
            "is_mentor": permissions.is_mentor(request.user, pair),
            "is_mentee": permissions.is_mentee(request.user, pair),
            "can_manage": permissions.can_manage_pair(request.user, pair),
            "feedback_open": permissions.is_mentee(request.user, pair)
            and rules.may_give_feedback(
                pair_ended=pair.status == MentoringPair.Status.ENDED,
                programme_end=pair.programme.end_date,
                today=today,
                already_given=pair.feedback_at is not None,
            ),  # fmt: skip
        },
    )


def session_new(request, pk):
    pair = queries.pair_or_404(request.user, pk)
    if not permissions.is_mentor(request.user, pair):
        raise PermissionDenied
    form = SessionLogForm(request.POST or None, initial={"held_on": timezone.localdate(), "duration_minutes": 60})
    if request.method == "POST" and form.is_valid():
        try:
            services.log_session(actor=request.user, pair=pair, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Sesi tercatat. %(name)s diminta mengonfirmasinya.") % {"name": pair.mentee.nama}
            )
            return redirect("kompetensi:mentoring:pair", pair.pk)
    return render(request, "kompetensi/mentoring/session_form.html", {"form": form, "pair": pair})


@require_POST
def session_confirm(request, pk):
    session = queries.session_or_404(request.user, pk)
    try:
        session = services.confirm_session(actor=request.user, session=session)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        if session.jp:
            messages.success(request, _("Sesi dikonfirmasi: %(jp)s JP masuk ke catatan JP Anda.") % {"jp": session.jp})
        else:
            messages.success(
                request,
                _("Sesi dikonfirmasi. Sesi ini tidak menambah JP: batas sesi mentoring yang dihitung bulan ini "
                  "sudah tercapai."),
            )  # fmt: skip
    return redirect_back(request, _home_url())


@require_POST
def session_dispute(request, pk):
    session = queries.session_or_404(request.user, pk)
    form = DisputeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasan sanggahan."))
        return redirect_back(request, _home_url())
    try:
        services.dispute_session(actor=request.user, session=session, reason=form.cleaned_data["reason"])
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Sanggahan terkirim ke mentor Anda."))
    return redirect_back(request, _home_url())


def _home_url():
    return reverse("kompetensi:mentoring:home")


def feedback(request, pk):
    pair = queries.pair_or_404(request.user, pk)
    if not permissions.is_mentee(request.user, pair):
        raise PermissionDenied
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_feedback(actor=request.user, pair=pair, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Terima kasih, umpan balik Anda tersimpan."))
            return redirect("kompetensi:mentoring:pair", pair.pk)
    return render(request, "kompetensi/mentoring/feedback_form.html", {"form": form, "pair": pair})


def agreement_edit(request, pk):
    pair = queries.pair_or_404(request.user, pk)
    if not permissions.can_manage_pair(request.user, pair):
        raise PermissionDenied
    form = AgreementForm(
        request.POST or None, initial=AgreementForm.initial_for(pair), instansi_id=pair.programme.instansi_id
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_agreement(
                actor=request.user, pair=pair, goals=form.cleaned_data["goals"], targets=form.targets()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kesepakatan tersimpan."))
            return redirect("kompetensi:mentoring:pair", pair.pk)
    return render(request, "kompetensi/mentoring/agreement_form.html", {"form": form, "pair": pair})


@require_POST
def pair_end(request, pk):
    pair = queries.pair_or_404(request.user, pk)
    try:
        services.end_pair(actor=request.user, pair=pair)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Pendampingan diakhiri. Mentee diminta memberi umpan balik."))
    return redirect("kompetensi:mentoring:pair", pair.pk)


# --- programmes (HR, leaders, supervisors) -------------------------------------------------------------------------


def _require_programme_pages(request):
    if not permissions.can_set_up_programmes(request.user):
        raise PermissionDenied


def programmes(request):
    _require_programme_pages(request)
    return render(
        request,
        "kompetensi/mentoring/programmes.html",
        {
            "programmes": paginate(request, queries.programme_list(request.user)),
            "can_create": permissions.can_create_programme(request.user),
        },
    )


def programme_form(request, pk=None):
    _require_programme_pages(request)
    programme = queries.programme_or_404(request.user, pk) if pk else MentoringProgramme()
    if pk and not permissions.can_edit_programme(request.user, programme):
        raise PermissionDenied
    if not pk and not permissions.can_create_programme(request.user):
        raise PermissionDenied
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.save_programme(actor=request.user, programme=form.save(commit=False))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Program mentoring tersimpan."))
            return redirect("kompetensi:mentoring:programme", programme.pk)
    return render(request, "kompetensi/mentoring/programme_form.html", {"form": form, "programme": programme})


def programme_detail(request, pk):
    _require_programme_pages(request)
    programme = queries.programme_or_404(request.user, pk)
    return render(
        request,
        "kompetensi/mentoring/programme.html",
        {
            "programme": programme,
            "report": queries.programme_report(request.user, programme),
            "pairs": paginate(request, queries.programme_pairs(request.user, programme)),
            "can_pair": permissions.can_add_pairs(request.user, programme)
            and programme.end_date >= timezone.localdate(),
            "can_edit": permissions.can_edit_programme(request.user, programme),
        },
    )


def pair_new(request, pk):
    _require_programme_pages(request)
    programme = queries.programme_or_404(request.user, pk)
    if not permissions.can_add_pairs(request.user, programme):
        raise PermissionDenied
    form = PairForm(
        request.POST or None,
        instansi_id=programme.instansi_id,
        mentors=queries.mentor_choices(request.user, programme),
        mentees=queries.mentee_choices(request.user, programme),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pair = services.pair_up(
                actor=request.user, programme=programme, mentor=form.cleaned_data["mentor"],
                mentee=form.cleaned_data["mentee"], goals=form.cleaned_data["goals"], targets=form.targets(),
            )  # fmt: skip
        except (ValidationError, PermissionDenied) as error:
            add_service_error(form, error if isinstance(error, ValidationError) else ValidationError(str(error)))
        else:
            messages.success(
                request,
                _("%(mentor)s menjadi mentor %(mentee)s.") % {"mentor": pair.mentor.nama, "mentee": pair.mentee.nama},
            )
            return redirect("kompetensi:mentoring:programme", programme.pk)
    return render(request, "kompetensi/mentoring/pair_form.html", {"form": form, "programme": programme})


def programme_export(request, pk):
    """The programme report as a spreadsheet: the figures, then one row per pair."""
    _require_programme_pages(request)
    programme = queries.programme_or_404(request.user, pk)
    report = queries.programme_report(request.user, programme)
    summary = Sheet(
        _("Ringkasan"),
        [_("Ukuran"), _("Nilai")],
        [
            [_("Program"), programme.name],
            [_("Periode"), f"{programme.start_date:%d-%m-%Y} s.d. {programme.end_date:%d-%m-%Y}"],
            [_("Pasangan"), report["pairs"]],
            [_("Sesi dicatat"), report["logged"]],
            [_("Sesi dikonfirmasi"), report["confirmed"]],
            [_("Sesi menunggu konfirmasi"), report["waiting"]],
            [_("Sesi disanggah"), report["disputed"]],
            [_("JP dihitung"), report["jp"]],
            [_("Umpan balik diterima"), report["feedback"]],
            [_("Rata-rata penilaian mentee (1-5)"), report["rating"]],
        ],
    )
    rows = [
        [
            pair.mentor.nama, pair.mentor.nip, pair.mentee.nama, pair.mentee.nip, pair.get_status_display(),
            pair.logged, pair.confirmed, pair.waiting, pair.disputed, pair.jp or 0, pair.feedback_rating,
            pair.feedback_comment,
        ]
        for pair in queries.programme_pairs(request.user, programme)
    ]  # fmt: skip
    headers = [
        _("Mentor"), _("NIP mentor"), _("Mentee"), _("NIP mentee"), _("Status"), _("Sesi dicatat"),
        _("Sesi dikonfirmasi"), _("Menunggu konfirmasi"), _("Disanggah"), _("JP"), _("Penilaian mentee"),
        _("Umpan balik"),
    ]  # fmt: skip
    pairs_sheet = Sheet(_("Pasangan"), headers, rows, text_columns=(1, 3))
    return spreadsheet_response(f"program-mentoring-{programme.pk}", summary, pairs_sheet)
