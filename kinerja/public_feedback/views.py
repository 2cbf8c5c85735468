"""Pages of public feedback.

- The public form and its thank-you page, the only pages of the module without login (marked like the certificate
  verification page, with `login_not_required`): found by an unguessable token, rendered as to an anonymous
  visitor whoever is signed in (a counter's tablet left signed in shows no menu or name), rate-limited per client,
  with a honeypot field and a minimum fill time.
- HR's service points (create, close, QR code as PNG or SVG, a printable poster) and the moderation queue.
- A unit's results for the employees of the instansi: average, distribution and approved comments only."""

import io

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from portal.accounts import client_ip
from portal.models import UnitKerja
from portal.page_helpers import error_text, paginate

from . import permissions, queries, services
from .forms import PublicFeedbackForm, ServicePointForm


def public_url(point):
    """The public link on the portal's public address: the QR code is printed and scanned outside the office."""
    path = reverse("kinerja:public_feedback", args=[point.token])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def _as_public(request):
    request.user = AnonymousUser()


@login_not_required
@never_cache
def public_form(request, token):
    point = queries.active_point(token)
    if point is None:
        raise Http404
    _as_public(request)
    form = PublicFeedbackForm(request.POST or None, minimum_seconds=settings.PUBLIC_FEEDBACK_MIN_SECONDS)
    status = 200
    if request.method == "POST":
        if form.is_bot:  # a program filled the hidden field: thank it and keep nothing
            return redirect("kinerja:public_feedback_thanks", token=point.token)
        if form.is_valid():
            try:
                services.submit_feedback(
                    point=point, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"],
                    client=client_ip(request),
                )  # fmt: skip
            except services.RateLimited as error:
                form.add_error(None, error_text(error))
                status = 429
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                return redirect("kinerja:public_feedback_thanks", token=point.token)
        else:
            status = 400
    return render(request, "kinerja/public_feedback/form.html", {"point": point, "form": form}, status=status)


@login_not_required
@never_cache
@require_GET
def public_thanks(request, token):
    point = queries.active_point(token)
    if point is None:
        raise Http404
    _as_public(request)
    return render(request, "kinerja/public_feedback/thanks.html", {"point": point})


# --- HR ------------------------------------------------------------------------------------------------------------


def _hr_instansi(request):
    instansi_id = queries.own_instansi_id(request.user)
    if instansi_id is None or not permissions.can_manage(request.user, instansi_id):
        raise PermissionDenied
    return instansi_id


def points(request):
    instansi_id = _hr_instansi(request)
    form = ServicePointForm(request.POST or None, instansi_id=instansi_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            point = services.create_point(actor=request.user, unit=data["unit"], name=data["name"], pegawai=data["nip"])
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request, _("Titik layanan %(name)s dibuat. Cetak posternya untuk loket.") % {"name": point.name}
            )
            return redirect("kinerja:feedback_points")
    return render(request, "kinerja/public_feedback/points.html", {
        "form": form, "points": paginate(request, queries.points_of(instansi_id)),
        "waiting": queries.pending_count(instansi_id),
    })  # fmt: skip


def _point(request, pk):
    point = queries.point_of(_hr_instansi_or_404(request), pk)
    if point is None:
        raise Http404
    return point


def _hr_instansi_or_404(request):
    try:
        return _hr_instansi(request)
    except PermissionDenied:
        raise Http404 from None


@require_POST
def point_active(request, pk):
    point = _point(request, pk)
    active = request.POST.get("active") == "1"
    services.set_point_active(actor=request.user, point=point, active=active)
    if active:
        messages.success(request, _("Tautan %(name)s dibuka kembali.") % {"name": point.name})
    else:
        messages.success(request, _("Tautan %(name)s ditutup; hasilnya tetap tersimpan.") % {"name": point.name})
    return redirect("kinerja:feedback_points")


def _qr(point):
    return segno.make(public_url(point), error="m")


def point_qr_png(request, pk):
    point = _point(request, pk)
    buffer = io.BytesIO()
    _qr(point).save(buffer, kind="png", scale=12, border=4, dark="#111827")
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="qr-umpan-balik-{point.pk}.png"'
    return response


def point_qr_svg(request, pk):
    point = _point(request, pk)
    buffer = io.BytesIO()
    _qr(point).save(buffer, kind="svg", scale=10, border=4, dark="#111827", xmldecl=False)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    if request.GET.get("unduh", "1") != "0":
        response["Content-Disposition"] = f'attachment; filename="qr-umpan-balik-{point.pk}.svg"'
    return response


def point_poster(request, pk):
    point = _point(request, pk)
    buffer = io.BytesIO()
    _qr(point).save(buffer, kind="svg", border=2, dark="#111827", xmldecl=False, omitsize=True)
    return render(request, "kinerja/public_feedback/poster.html", {
        "point": point, "url": public_url(point), "qr_svg": buffer.getvalue().decode(),
    })  # fmt: skip


def moderation(request):
    instansi_id = _hr_instansi(request)
    if request.method == "POST":
        decision = request.POST.get("decision", "")
        single = request.POST.get("one", "")
        if single:
            decision, _sep, pk = single.partition(":")
            ids = [pk]
        else:
            ids = request.POST.getlist("ids")
        ids = [pk for pk in ids if pk.isdigit()]
        if decision not in ("approve", "reject") or not ids:
            messages.error(request, _("Pilih komentar dan keputusannya (setujui atau tolak)."))
        else:
            done = services.moderate(actor=request.user, instansi_id=instansi_id, feedback_ids=ids,
                                     approve=decision == "approve")  # fmt: skip
            if decision == "approve":
                messages.success(request, _("%(n)s komentar disetujui dan kini tampil di halaman unit.") % {"n": done})
            else:
                messages.success(request, _("%(n)s komentar ditolak dan tidak akan ditampilkan.") % {"n": done})
        return redirect(request.get_full_path())
    return render(request, "kinerja/public_feedback/moderation.html", {
        "rows": paginate(request, queries.pending_of(instansi_id)),
    })  # fmt: skip


# --- results -------------------------------------------------------------------------------------------------------


def unit_results(request, pk):
    unit = get_object_or_404(UnitKerja.objects.select_related("instansi"), pk=pk)
    if not permissions.can_read_results(request.user, unit.instansi_id):
        raise Http404
    feedback = queries.unit_feedback(unit)
    return render(request, "kinerja/public_feedback/unit.html", {
        "unit": unit, "summary": queries.summary(feedback),
        "points": queries.points_of(unit.instansi_id).filter(unit=unit),
        "comments": paginate(request, queries.approved_comments(feedback)),
        "may_manage": permissions.can_manage(request.user, unit.instansi_id),
    })  # fmt: skip
