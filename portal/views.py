import math
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import accounts, notification_kinds, queries, services
from . import team as team_module
from .dashboard import render_profile_sections
from .forms import LoginForm, ResetOrActivateForm
from .models import Notification
from .scoping import get_visible_or_404, pegawai_of


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def lockout_response(request, original_response=None, credentials=None):
    """The login page with the lockout explained, in place of the failed form (AXES_LOCKOUT_CALLABLE)."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    message = _(
        "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, akun ini dikunci sementara di perangkat ini. "
        "Coba lagi setelah %(minutes)s menit; setiap percobaan selama terkunci memulai hitungan dari awal. "
        "Jika lupa kata sandi, gunakan “Lupa kata sandi”."
    ) % {"minutes": minutes}
    context = {"form": LoginForm(request), "lockout_message": message, "next": request.POST.get("next", "")}
    return render(request, "portal/login.html", context, status=429)


class PasswordResetView(auth_views.PasswordResetView):
    """ "Lupa kata sandi", throttled per address and per client, and open to accounts never given a password."""

    template_name = "portal/password_reset.html"
    email_template_name = "portal/email/password_reset.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    form_class = ResetOrActivateForm

    def form_valid(self, form):
        if not accounts.password_reset_allowed(email=form.cleaned_data["email"], ip=accounts.client_ip(self.request)):
            # the same answer whether or not the address has an account
            form.add_error(
                None,
                _(
                    "Terlalu banyak permintaan atur ulang kata sandi. Tunggu satu jam lalu coba lagi, "
                    "atau hubungi Admin SDM instansi Anda."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class ActivationView(auth_views.PasswordResetConfirmView):
    """ "Aktifkan akun": an imported employee sets their first password from the emailed link."""

    template_name = "portal/account_activate.html"
    success_url = reverse_lazy("account_activate_done")


class ActivationDoneView(auth_views.PasswordResetCompleteView):
    template_name = "portal/account_activate_done.html"


@require_POST
def send_activation(request, nip):
    """HR (re)sends the activation link of one employee from the employee page."""
    pegawai = get_visible_or_404(queries.employee_detail_queryset().select_related("user"), request.user, nip=nip)
    if not services.can_manage_pegawai(request.user, pegawai):
        raise PermissionDenied
    if accounts.send_activation(users=[pegawai.user], actor=request.user):
        messages.success(request, _("Tautan aktivasi dikirim ke %(email)s.") % {"email": pegawai.user.email})
    else:
        messages.warning(
            request,
            _(
                "Tautan aktivasi tidak dikirim: akun ini sudah punya kata sandi, tidak aktif, "
                "atau tidak punya alamat email."
            ),
        )
    return redirect("employee_detail", nip=pegawai.nip)


@login_not_required
@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def employee_list(request):
    unit_id = request.GET.get("unit") or None
    if unit_id and not unit_id.isdigit():
        unit_id = None
    search = request.GET.get("q", "")
    page = Paginator(queries.employee_directory(request.user, unit_id, search), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/employee_list.html",
        {"page": page, "units": queries.units_visible_to(request.user), "unit_id": unit_id, "q": search},
    )


def employee_detail(request, nip):
    pegawai = get_visible_or_404(queries.employee_detail_queryset().select_related("user"), request.user, nip=nip)
    context = {
        "pegawai": pegawai,
        "can_send_activation": services.can_manage_pegawai(request.user, pegawai)
        and accounts.needs_activation(pegawai.user),
        "sections": render_profile_sections(request, pegawai),
    }
    return render(request, "portal/employee_detail.html", context)


def team(request):
    """Tim saya: the supervisor's direct reports with each module's column and a reminder button."""
    reports = team_module.direct_reports(request.user)
    if pegawai_of(request.user) is None:
        raise PermissionDenied
    columns, rows = team_module.team_rows(reports)
    return render(request, "portal/team.html", {"columns": columns, "rows": rows})


@require_POST
def team_remind(request, pk):
    try:
        services.remind_report(request.user, pk)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
    else:
        messages.success(request, _("Pengingat terkirim."))
    return HttpResponseRedirect(reverse("team"))


def notification_list(request):
    page = Paginator(Notification.objects.filter(recipient=request.user), 20).get_page(request.GET.get("page"))
    rows = notification_kinds.prepare(page.object_list)
    days = [
        (label, list(items)) for label, items in groupby(rows, key=lambda n: notification_kinds.day_label(n.created_at))
    ]
    return render(request, "portal/notification_list.html", {"page": page, "days": days})


def notification_open(request, pk):
    """Opening a notification marks it read and leads to its object, or says that the object needs nothing more."""
    notification = services.open_notification(request.user, pk)
    if notification is None:
        raise Http404
    (notification,) = notification_kinds.prepare([notification])
    if notification.settled:
        messages.info(request, f"{notification.display_title}: {notification.settled}")
        return HttpResponseRedirect(reverse("notification_list"))
    if notification.url and url_has_allowed_host_and_scheme(notification.url, {request.get_host()}):
        return HttpResponseRedirect(notification.url)
    return HttpResponseRedirect(reverse("notification_list"))


@require_POST
def notification_read(request):
    ids = [int(pk) for pk in request.POST.getlist("id") if pk.isdigit()] or None
    count = services.mark_notifications_read(request.user, ids)
    if ids is None:
        messages.success(request, _("%(count)s notifikasi ditandai sudah dibaca.") % {"count": count})
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect("/notifikasi/")
