"""Training organisers run their sessions: form, participants, attendance, results, certificates."""

import datetime
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.exporting import resource_sheet, spreadsheet_response
from portal.forms import add_service_error
from portal.models import UnitKerja
from portal.scoping import instansi_q, pegawai_of

from .. import permissions, queries, rules, services
from ..forms import EnrolUnitForm, MaterialForm, SessionForm
from ..models import Certificate, SessionMaterial, TrainingSession
from ..resources import ParticipantResource
from .helpers import error_text, paginate, query_string_without_page

# --- organisers ------------------------------------------------------------------------------------------------


def _require_organiser(request):
    if not permissions.can_organise(request.user):
        raise PermissionDenied


def _managed_session(request, pk):
    """404 for another instansi's session, 403 for a non-organiser of this instansi."""
    session = get_object_or_404(
        TrainingSession.objects.filter(instansi_q(request.user, "instansi")).select_related("course", "instansi"), pk=pk
    )
    if not permissions.can_manage_session(request.user, session):
        raise PermissionDenied
    return session


def organiser_sessions(request):
    _require_organiser(request)
    return render(
        request,
        "kompetensi/organiser_sessions.html",
        {"sessions": paginate(request, queries.managed_sessions(request.user)), "now": timezone.now()},
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
    # the session's days are days in its instansi's zone, whoever looks (a superadmin's request runs in UTC)
    today = services.local_time(timezone.now(), session).date()
    try:
        day = datetime.date.fromisoformat(request.GET.get("hari", ""))
    except ValueError:
        day = today if today in days else days[0]
    participants = paginate(request, queries.session_participants(session), 50)
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
            "materials": list(session.materials.all()),
            "material_form": MaterialForm(),
            "started": timezone.now() >= session.start_at,
            "checkin_url": request.build_absolute_uri(reverse("kompetensi:checkin", args=[session.checkin_token])),
            "query_string": query_string_without_page(request),
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
        messages.error(request, error_text(error))
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
        messages.error(request, error_text(error))
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
        try:
            score = rules.parse_score(request.POST.get(f"nilai-{enrolment_id}", ""))
        except ValueError as error:
            errors.append(str(error))
            continue
        results[enrolment_id] = (value == "lulus", score)
    if errors:
        messages.error(request, " ".join(errors))
    elif not results:
        messages.error(request, _("Belum ada hasil yang dipilih."))
    else:
        try:
            changed = services.record_results(request.user, session.pk, results)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Hasil tersimpan: %(n)s peserta berubah status.") % {"n": changed})
    return redirect("kompetensi:session_manage", pk)


def session_participants_export(request, pk):
    """The participant list as a spreadsheet, ready to fill in results and import through the import view."""
    session = _managed_session(request, pk)
    sheet = resource_sheet(ParticipantResource(), queries.session_participants(session), _("Peserta"))
    sheet.text_columns = (1,)  # NIP: 18 digits that Excel would otherwise round
    return spreadsheet_response(f"peserta-angkatan-{session.pk}", sheet)


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
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Sertifikat dicabut."))
    return redirect("kompetensi:session_manage", session.pk)


@require_POST
def session_material_add(request, pk):
    session = _managed_session(request, pk)
    form = MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        try:
            services.add_material(actor=request.user, session=session, material=form.save(commit=False))
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Materi ditambahkan."))
    return redirect(f"{reverse('kompetensi:session_manage', args=[pk])}#materi")


@require_POST
def session_material_remove(request, pk):
    material = get_object_or_404(SessionMaterial.objects.select_related("session"), pk=pk)
    session = _managed_session(request, material.session_id)
    services.remove_material(actor=request.user, material=material)
    messages.success(request, _("Materi dihapus."))
    return redirect(f"{reverse('kompetensi:session_manage', args=[session.pk])}#materi")
