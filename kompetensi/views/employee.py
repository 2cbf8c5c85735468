"""The employee's own training: enrol, cancel, my learning, external learning, evaluation, certificates, calendar."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.files import serve_private_file
from portal.forms import add_service_error
from portal.scoping import pegawai_or_404

from .. import certificates, ical, permissions, queries, services
from ..forms import EvaluationForm, ExternalLearningForm
from ..models import CalendarFeed, Certificate, Enrolment, SessionMaterial, TrainingSession
from .helpers import error_text, paginate, redirect_back

# --- employees -------------------------------------------------------------------------------------------------


@require_POST
def enrol(request, pk):
    me = pegawai_or_404(request.user)
    session = queries.session_for_user_or_none(request.user, pk)
    if session is None:
        raise Http404
    try:
        enrolment = services.enrol(request.user, me, session, request.POST.get("note", ""))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            {
                Enrolment.Status.PENDING_APPROVAL: _("Permintaan terkirim ke atasan Anda untuk disetujui."),
                Enrolment.Status.CONFIRMED: _("Anda terdaftar di %(session)s.") % {"session": session.name},
                Enrolment.Status.WAITLISTED: _("Kursi penuh: Anda masuk daftar tunggu."),
            }.get(enrolment.status, enrolment.get_status_display()),
        )
    return redirect_back(request, session.course.url or reverse("kompetensi:my_learning"))


@require_POST
def cancel(request, pk):
    enrolment = _own_or_managed_enrolment(request, pk)
    try:
        services.cancel(request.user, enrolment.pk, request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Pendaftaran dibatalkan."))
    return redirect_back(request, reverse("kompetensi:my_learning"))


def _own_or_managed_enrolment(request, pk):
    enrolment = get_object_or_404(Enrolment.objects.select_related("session__instansi", "pegawai"), pk=pk)
    if enrolment.pegawai.user_id != request.user.pk and not permissions.can_manage_session(
        request.user, enrolment.session
    ):
        raise Http404
    return enrolment


def my_learning(request):
    me = pegawai_or_404(request.user)
    year = request.GET.get("tahun", "")
    year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(
        request,
        "kompetensi/my_learning.html",
        {
            "enrolments": paginate(request, queries.my_enrolments(request.user)),
            "summary": queries.jp_summary(me, year),
            "entries": queries.jp_entries(me, year)[:50],
            "external": services.with_suggested_jp(queries.my_external_learning(request.user)[:20]),
            "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
            "feed_url": request.build_absolute_uri(reverse("kompetensi:calendar_feed", args=[feed.token]))
            if feed
            else "",
            "now": timezone.now(),
        },
    )


@require_POST
def calendar_feed_create(request):
    CalendarFeed.objects.get_or_create(user=request.user)
    messages.success(request, _("Alamat kalender pribadi Anda siap. Tambahkan ke aplikasi kalender sebagai langganan."))
    return redirect("kompetensi:my_learning")


def external_new(request):
    pegawai_or_404(request.user)
    form = ExternalLearningForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_external_learning(request.user, form.save(commit=False))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Pengajuan JP terkirim ke atasan Anda."))
            return redirect("kompetensi:my_learning")
    return render(request, "kompetensi/external_form.html", {"form": form})


def evaluation(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("session__course"), pk=pk, pegawai__user=request.user
    )
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_evaluation(request.user, enrolment.pk, form.answers(), form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Terima kasih, evaluasi Anda tersimpan."))
            return redirect("kompetensi:my_learning")
    return render(request, "kompetensi/evaluation_form.html", {"form": form, "enrolment": enrolment})


def certificate_pdf(request, pk):
    certificate = get_object_or_404(
        Certificate.objects.select_related(
            "enrolment__session__course", "enrolment__session__instansi", "enrolment__pegawai"
        ),
        enrolment_id=pk,
    )
    enrolment = certificate.enrolment
    if not permissions.can_view_enrolment(request.user, enrolment):
        raise Http404
    if certificate.revoked_at:
        messages.error(request, _("Sertifikat ini telah dicabut."))
        return redirect("kompetensi:my_learning")
    pdf = certificates.render_pdf(certificate, certificates.verification_url(certificate))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-{certificate.code}.pdf"'
    return response


@login_not_required
@never_cache
@require_GET
def certificate_verify(request, code):
    certificate = (
        Certificate.objects.select_related(
            "enrolment__session__course", "enrolment__session__instansi", "enrolment__pegawai"
        )
        .filter(code=code.strip().upper())
        .first()
    )
    status = 404 if certificate is None else 200
    if certificate is not None:
        # the public sees the certificate in the issuing instansi's time zone
        timezone.activate(zoneinfo.ZoneInfo(certificate.enrolment.session.instansi.time_zone))
    today = timezone.localdate()
    return render(
        request,
        "kompetensi/certificate_verify.html",
        {
            "certificate": certificate,
            "code": code[:40],
            "expired": bool(certificate and certificate.valid_until and certificate.valid_until < today),
        },
        status=status,
    )


def session_ics(request, pk):
    """The calendar file of a session the user holds a place in (a waitlisted or pending request has no date in the
    diary yet); a session over several days is one event per day, at its daily hours."""
    session = queries.session_for_user_or_none(request.user, pk)
    if (
        session is None
        or not Enrolment.objects.filter(
            session=session, pegawai__user=request.user, status__in=CALENDAR_STATES
        ).exists()
    ):
        raise Http404
    body = ical.calendar(_ics_events(request, session), session.course.title, timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="angkatan-{session.pk}.ics"'
    return response


CALENDAR_STATES = [Enrolment.Status.CONFIRMED, Enrolment.Status.ATTENDED, Enrolment.Status.COMPLETED]


def _ics_events(request, session):
    """One event per day of the session, from its start time to its end time on that day (local time)."""
    start, end = services.local_time(session.start_at, session), services.local_time(session.end_at, session)
    days = services.session_days(session)
    base = {
        "summary": f"{session.course.title} — {session.name}",
        "description": session.course.summary,
        "location": session.place or session.online_url,
        "url": request.build_absolute_uri(session.course.url) if session.course.url else "",
    }
    if len(days) == 1:
        return [{**base, "uid": f"angkatan-{session.pk}@lentera", "start": session.start_at, "end": session.end_at}]
    events = []
    for number, day in enumerate(days, start=1):
        day_start = start.replace(year=day.year, month=day.month, day=day.day)
        day_end = end.replace(year=day.year, month=day.month, day=day.day)
        if day_end <= day_start:  # an evening start running past midnight: the day's block ends at midnight
            day_end = day_start.replace(hour=23, minute=59)
        summary = f"{base['summary']} ({_('hari %(n)s dari %(total)s') % {'n': number, 'total': len(days)}})"
        events.append({**base, "uid": f"angkatan-{session.pk}-{day.isoformat()}@lentera", "start": day_start,
                       "end": day_end, "summary": summary})  # fmt: skip
    return events


@login_not_required
@never_cache
def calendar_feed(request, token):
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    sessions = (
        TrainingSession.objects.filter(
            enrolments__pegawai__user=feed.user,
            enrolments__status__in=CALENDAR_STATES,
        )
        .select_related("course", "instansi")
        .order_by("-start_at")[:200]
    )
    events = [event for s in sessions for event in _ics_events(request, s)]
    body = ical.calendar(events, _("Pelatihan saya — Lentera"), timezone.now())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def checkin(request, token):
    session = get_object_or_404(TrainingSession.objects.select_related("course", "instansi"), checkin_token=token)
    if queries.session_for_user_or_none(request.user, session.pk) is None:
        raise Http404  # a QR code seen by someone outside the session's audience says nothing about it
    if request.method == "POST":
        try:
            _enrolment, day = services.check_in(request.user, token)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Presensi tercatat untuk %(day)s.") % {"day": day.strftime("%d-%m-%Y")})
            return redirect("kompetensi:my_learning")
    return render(request, "kompetensi/checkin.html", {"session": session})


def session_material(request, pk):
    """A material file, for whoever may see its session in the catalogue and for its organisers."""
    material = get_object_or_404(SessionMaterial.objects.select_related("session__instansi"), pk=pk)
    visible = queries.session_for_user_or_none(request.user, material.session_id) is not None
    return serve_private_file(
        request, material.file, allowed=visible or permissions.can_manage_session(request.user, material.session)
    )
