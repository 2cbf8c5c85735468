from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import queries, services
from .dashboard import render_profile_sections
from .forms import LoginForm
from .models import Notification
from .scoping import get_visible_or_404


class LoginView(auth_views.LoginView):
    template_name = "portal/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


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
    pegawai = get_visible_or_404(queries.employee_detail_queryset(), request.user, nip=nip)
    sections = render_profile_sections(request, pegawai)
    return render(request, "portal/employee_detail.html", {"pegawai": pegawai, "sections": sections})


def notification_list(request):
    page = Paginator(Notification.objects.filter(recipient=request.user), 20).get_page(request.GET.get("page"))
    return render(request, "portal/notification_list.html", {"page": page})


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
