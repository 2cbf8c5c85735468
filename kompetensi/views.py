"""Thin views: parse input, call a query or a service, render. Catalogue and course pages are Wagtail pages
whose `get_context` calls `catalogue_context` / `course_context` here."""

import datetime
import io
import zoneinfo
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.forms import add_service_error
from portal.models import UnitKerja
from portal.scoping import instansi_q, pegawai_of

from . import certificates, ical, queries, services
from .forms import EnrolUnitForm, EvaluationForm, ExternalDecisionForm, ExternalLearningForm, ReasonForm, SessionForm
from .models import CalendarFeed, Certificate, Enrolment, ExternalLearning, TrainingCatalogPage, TrainingSession

PAGE_SIZE = 20


def _errors(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def _back(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(fallback)


def _page(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _query_string(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


# --- catalogue pages -------------------------------------------------------------------------------------------


def catalogue_context(request, catalog):
    filters = queries.CatalogueFilters.from_querydict(request.GET)
    page = _page(request, queries.catalogue_courses(request.user, catalog, filters), 12)
    now = timezone.now()
    other_sessions = queries.sessions_open_from_other_instansi(request.user, now, limit=6)
    session_ids = [s.pk for course in page for s in course.upcoming_sessions] + [s.pk for s in other_sessions]
    today = timezone.localdate()
    months = []
    for offset in range(12):
        month = (today.month - 1 + offset) % 12 + 1
        year = today.year + (today.month - 1 + offset) // 12
        months.append((f"{year:04d}-{month:02d}", datetime.date(year, month, 1)))
    return {
        "courses": page,
        "filters": filters,
        "facets": queries.catalogue_facets(catalog),
        "months": months,
        "gap_filter": queries.gap_filter_available(),
        "my_enrolments": queries.my_active_enrolments(request.user, session_ids),
        "other_instansi_sessions": other_sessions,
        "query_string": _query_string(request),
        "now": now,
    }


def course_context(request, course):
    now = timezone.now()
    upcoming, past = queries.course_sessions(course, now)
    return {
        "catalog": course.get_parent(),
        "upcoming": upcoming,
        "past": past,
        "my_enrolments": queries.my_active_enrolments(request.user, [s.pk for s in upcoming]),
        "prerequisites": list(course.prerequisites.live().order_by("title")),
        "competencies": list(course.competencies.order_by("sort_order", "pk")),
        "can_manage": services.can_organise(request.user) and _same_instansi(request.user, course.instansi_id),
        "now": now,
    }


def _same_instansi(user, instansi_id):
    me = pegawai_of(user)
    return user.is_superuser or (me is not None and me.instansi_id == instansi_id)


def catalogue_home(request):
    """/pelatihan/: the catalogue of the user's own instansi."""
    me = pegawai_of(request.user)
    catalog = TrainingCatalogPage.objects.live().filter(instansi_id=me.instansi_id).first() if me is not None else None
    if catalog is None:
        raise Http404
    return redirect(catalog.url)


# --- employees -------------------------------------------------------------------------------------------------


@require_POST
def enrol(request, pk):
    session = queries.session_for_user_or_none(request.user, pk)
    me = pegawai_of(request.user)
    if session is None or me is None:
        raise Http404
    try:
        enrolment = services.enrol(request.user, me, session.pk, request.POST.get("note", ""))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request,
            {
                Enrolment.Status.PENDING_APPROVAL: _("Permintaan terkirim ke atasan Anda untuk disetujui."),
                Enrolment.Status.CONFIRMED: _("Anda terdaftar di %(session)s.") % {"session": session.name},
                Enrolment.Status.WAITLISTED: _("Kursi penuh: Anda masuk daftar tunggu."),
            }.get(enrolment.status, enrolment.get_status_display()),
        )
    return _back(request, session.course.url or reverse("kompetensi:my_learning"))


@require_POST
def cancel(request, pk):
    enrolment = _own_or_managed_enrolment(request, pk)
    try:
        services.cancel(request.user, enrolment.pk, request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Pendaftaran dibatalkan."))
    return _back(request, reverse("kompetensi:my_learning"))


def _own_or_managed_enrolment(request, pk):
    enrolment = get_object_or_404(Enrolment.objects.select_related("session__instansi", "pegawai"), pk=pk)
    if enrolment.pegawai.user_id != request.user.pk and not services.can_manage_session(
        request.user, enrolment.session
    ):
        raise Http404
    return enrolment


def my_learning(request):
    me = pegawai_of(request.user)
    if me is None:
        raise Http404
    year = request.GET.get("tahun", "")
    year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(
        request,
        "kompetensi/my_learning.html",
        {
            "enrolments": _page(request, queries.my_enrolments(request.user)),
            "summary": queries.jp_summary(me, year),
            "entries": queries.jp_entries(me, year)[:50],
            "external": queries.my_external_learning(request.user)[:20],
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
    if pegawai_of(request.user) is None:
        raise Http404
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
    if not services.can_view_enrolment(request.user, enrolment):
        raise Http404
    if certificate.revoked_at:
        messages.error(request, _("Sertifikat ini telah dicabut."))
        return redirect("kompetensi:my_learning")
    pdf = certificates.render_pdf(certificate, certificates.verification_url(request, certificate))
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
    session = queries.session_for_user_or_none(request.user, pk)
    if session is None:
        raise Http404
    body = ical.calendar([_ics_event(request, session)], session.course.title, timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="angkatan-{session.pk}.ics"'
    return response


def _ics_event(request, session):
    return {
        "uid": f"angkatan-{session.pk}@lentera",
        "start": session.start_at,
        "end": session.end_at,
        "summary": f"{session.course.title} — {session.name}",
        "description": session.course.summary,
        "location": session.place or session.online_url,
        "url": request.build_absolute_uri(session.course.url) if session.course.url else "",
    }


@login_not_required
@never_cache
def calendar_feed(request, token):
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    sessions = (
        TrainingSession.objects.filter(
            enrolments__pegawai__user=feed.user,
            enrolments__status__in=[Enrolment.Status.CONFIRMED, Enrolment.Status.ATTENDED, Enrolment.Status.COMPLETED],
        )
        .select_related("course")
        .order_by("-start_at")[:200]
    )
    body = ical.calendar([_ics_event(request, s) for s in sessions], _("Pelatihan saya — Lentera"), timezone.now())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def checkin(request, token):
    session = get_object_or_404(TrainingSession.objects.select_related("course", "instansi"), checkin_token=token)
    if request.method == "POST":
        try:
            _enrolment, day = services.check_in(request.user, token)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Presensi tercatat untuk %(day)s.") % {"day": day.strftime("%d-%m-%Y")})
            return redirect("kompetensi:my_learning")
    return render(request, "kompetensi/checkin.html", {"session": session})


# --- supervisors -----------------------------------------------------------------------------------------------


def approvals(request):
    if not queries.is_approver(request.user):
        raise PermissionDenied
    return render(
        request,
        "kompetensi/approvals.html",
        {
            "enrolments": _page(request, queries.pending_approvals(request.user)),
            "external": Paginator(queries.pending_external(request.user), PAGE_SIZE).get_page(request.GET.get("jp")),
        },
    )


@require_POST
def decide(request, pk):
    enrolment = get_object_or_404(Enrolment, pk=pk)
    form = ReasonForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    try:
        if request.POST.get("action") == "approve":
            services.approve(request.user, enrolment.pk, reason)
            messages.success(request, _("Pendaftaran disetujui."))
        elif request.POST.get("action") == "reject":
            services.reject(request.user, enrolment.pk, reason)
            messages.success(request, _("Pendaftaran ditolak."))
        else:
            messages.error(request, _("Pilih setujui atau tolak."))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("kompetensi:approvals")


@require_POST
def decide_external(request, pk):
    item = get_object_or_404(ExternalLearning, pk=pk)
    form = ExternalDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("JP disetujui harus berupa angka 1 sampai 200."))
        return redirect("kompetensi:approvals")
    try:
        if request.POST.get("action") == "approve":
            services.approve_external_learning(
                request.user, item.pk, form.cleaned_data["jp_approved"], form.cleaned_data["note"]
            )
            messages.success(request, _("Pengajuan JP disetujui."))
        else:
            services.reject_external_learning(request.user, item.pk, form.cleaned_data["note"])
            messages.success(request, _("Pengajuan JP ditolak."))
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, _errors(error))
    return redirect("kompetensi:approvals")


def evidence(request, pk):
    item = get_object_or_404(ExternalLearning.objects.select_related("pegawai"), pk=pk)
    if item.pegawai.user_id != request.user.pk and not services.can_approve_for(request.user, item.pegawai):
        raise Http404
    from django.http import FileResponse

    return FileResponse(item.evidence.open("rb"), as_attachment=True, filename=item.evidence.name.rsplit("/", 1)[-1])


# --- organisers ------------------------------------------------------------------------------------------------


def _require_organiser(request):
    if not services.can_organise(request.user):
        raise PermissionDenied


def _managed_session(request, pk):
    """404 for another instansi's session, 403 for a non-organiser of this instansi."""
    session = get_object_or_404(
        TrainingSession.objects.filter(instansi_q(request.user, "instansi")).select_related("course", "instansi"), pk=pk
    )
    if not services.can_manage_session(request.user, session):
        raise PermissionDenied
    return session


def organiser_sessions(request):
    _require_organiser(request)
    return render(
        request,
        "kompetensi/organiser_sessions.html",
        {"sessions": _page(request, queries.managed_sessions(request.user)), "now": timezone.now()},
    )


def session_form(request, pk=None):
    _require_organiser(request)
    session = _managed_session(request, pk) if pk else TrainingSession()
    initial = {}
    if pk is None and request.GET.get("kursus", "").isdigit():
        initial["course"] = request.GET["kursus"]
    form = SessionForm(
        request.POST or None, instance=session, initial=initial, courses=queries.managed_courses(request.user)
    )
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        if session.organiser_id is None:
            session.organiser = pegawai_of(request.user)
        try:
            services.save_session(request.user, session)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Angkatan tersimpan."))
            return redirect("kompetensi:session_manage", session.pk)
    return render(request, "kompetensi/session_form.html", {"form": form, "session": session})


def session_manage(request, pk):
    session = _managed_session(request, pk)
    days = services.session_days(session)
    today = timezone.localdate()
    try:
        day = datetime.date.fromisoformat(request.GET.get("hari", ""))
    except ValueError:
        day = today if today in days else days[0]
    participants = _page(request, queries.session_participants(session), 50)
    present = set(session.enrolments.filter(attendance__day=day, attendance__present=True).values_list("pk", flat=True))
    units = UnitKerja.objects.filter(instansi_id=session.instansi_id).order_by("name")
    return render(
        request,
        "kompetensi/session_manage.html",
        {
            "session": session,
            "participants": participants,
            "days": days,
            "day": day,
            "present": present,
            "unit_form": EnrolUnitForm(units=units),
            "evaluation": queries.evaluation_results(session),
            "started": timezone.now() >= session.start_at,
            "checkin_url": request.build_absolute_uri(reverse("kompetensi:checkin", args=[session.checkin_token])),
            "query_string": _query_string(request),
        },
    )


@require_POST
def session_enrol_unit(request, pk):
    session = _managed_session(request, pk)
    form = EnrolUnitForm(request.POST, units=UnitKerja.objects.filter(instansi_id=session.instansi_id))
    if not form.is_valid():
        messages.error(request, _("Pilih unit kerja."))
        return redirect("kompetensi:session_manage", pk)
    try:
        enrolled, skipped = services.enrol_unit(
            request.user, session.pk, form.cleaned_data["unit"].pk, form.cleaned_data["include_subunits"]
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("%(n)s pegawai didaftarkan.") % {"n": len(enrolled)})
        for pegawai, reason in skipped[:10]:
            messages.warning(request, f"{pegawai.nama}: {reason}")
        if len(skipped) > 10:
            messages.warning(request, _("… dan %(n)s pegawai lain dilewati.") % {"n": len(skipped) - 10})
    return redirect("kompetensi:session_manage", pk)


@require_POST
def session_attendance(request, pk):
    session = _managed_session(request, pk)
    try:
        day = datetime.date.fromisoformat(request.POST.get("day", ""))
        ids = [int(value) for value in request.POST.getlist("hadir")]
    except ValueError:
        messages.error(request, _("Tanggal atau daftar hadir tidak valid."))
        return redirect("kompetensi:session_manage", pk)
    try:
        count = services.mark_attendance(request.user, session.pk, day, ids)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request, _("Presensi %(day)s tersimpan: %(n)s hadir.") % {"day": day.strftime("%d-%m-%Y"), "n": count}
        )
    return redirect(f"{reverse('kompetensi:session_manage', args=[pk])}?hari={day.isoformat()}")


@require_POST
def session_results(request, pk):
    session = _managed_session(request, pk)
    results, errors = {}, []
    for key, value in request.POST.items():
        if not key.startswith("hasil-") or value not in ("lulus", "tidak"):
            continue
        try:
            enrolment_id = int(key.removeprefix("hasil-"))
        except ValueError:
            continue
        raw_score = request.POST.get(f"nilai-{enrolment_id}", "").strip().replace(",", ".")
        score = None
        if raw_score:
            try:
                score = Decimal(raw_score)
            except InvalidOperation:
                errors.append(_("Nilai '%(v)s' bukan angka.") % {"v": raw_score})
        results[enrolment_id] = (value == "lulus", score)
    if errors:
        messages.error(request, " ".join(errors))
    elif not results:
        messages.error(request, _("Belum ada hasil yang dipilih."))
    else:
        try:
            changed = services.record_results(request.user, session.pk, results)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Hasil tersimpan: %(n)s peserta berubah status.") % {"n": changed})
    return redirect("kompetensi:session_manage", pk)


def session_participants_export(request, pk):
    """The participant list as a spreadsheet, ready to fill in results and import through the import view."""
    session = _managed_session(request, pk)
    from .resources import ParticipantResource

    data = ParticipantResource().export(queries.session_participants(session)).export("xlsx")
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="peserta-angkatan-{session.pk}.xlsx"'
    return response


def session_qr(request, pk):
    session = _managed_session(request, pk)
    import segno

    url = request.build_absolute_uri(reverse("kompetensi:checkin", args=[session.checkin_token]))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, border=2)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@require_POST
def certificate_revoke(request, pk):
    certificate = get_object_or_404(Certificate.objects.select_related("enrolment__session"), pk=pk)
    session = _managed_session(request, certificate.enrolment.session_id)
    try:
        services.revoke_certificate(request.user, certificate.pk, request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Sertifikat dicabut."))
    return redirect("kompetensi:session_manage", session.pk)


# --- HR --------------------------------------------------------------------------------------------------------


def compliance(request):
    if not (
        request.user.is_superuser
        or services.is_hr_of(request.user, getattr(pegawai_of(request.user), "instansi_id", None))
    ):
        raise PermissionDenied
    year = timezone.localdate().year
    unit_id = request.GET.get("unit", "")
    unit_id = int(unit_id) if unit_id.isdigit() else None
    people = queries.compliance(request.user, year, unit_id)
    if request.GET.get("format") == "xlsx":
        from .resources import ComplianceResource

        data = ComplianceResource(year=year).export(people).export("xlsx")
        response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="kepatuhan-jp-{year}.xlsx"'
        return response
    return render(
        request,
        "kompetensi/compliance.html",
        {
            "year": year,
            "months_left": 12 - timezone.localdate().month,
            "people": _page(request, people, 25),
            "units": queries.compliance_by_unit(request.user, year),
            "unit_id": unit_id,
            "query_string": _query_string(request),
        },
    )
