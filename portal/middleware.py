import zoneinfo

from django.contrib.auth import middleware as auth_middleware
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from rest_framework.views import APIView

from . import request_memo, roles
from .admin_scoping import admin_object_guards
from .scoping import can_access_admin, pegawai_of


class InstansiTimezoneMiddleware:
    """Show times in the time zone of the user's instansi (WIB/WITA/WIT); stored times stay UTC."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pegawai = pegawai_of(request.user)
        if pegawai is not None:
            timezone.activate(zoneinfo.ZoneInfo(pegawai.instansi.time_zone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's closed-site middleware, except for REST framework views: those authenticate inside the view
    (session or token) and answer 401/403 themselves, so token clients are not redirected to a login form."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "cls", None)
        if isinstance(view_class, type) and issubclass(view_class, APIView):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class AdminObjectScopeMiddleware:
    """Runs the apps' admin object guards (portal.admin_scoping.admin_object_guards) before a view: Wagtail's hooks
    and permission policies narrow listings and choosers, but not every admin view addressed by an id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_superuser or request.resolver_match is None:
            return None  # the anonymous are sent to log in by the view itself
        for guard in admin_object_guards:
            guard(request, request.resolver_match)
        return None


class AdminForEditorsMiddleware:
    """A signed-in user who may not use the Wagtail admin gets a 403 page saying so, in the site's frame.

    Left to Wagtail, such a user is sent to the login page, which sends a signed-in user back to the admin: a
    redirect loop the browser ends with its own error. The anonymous still go to the login page, and the admin's
    login and logout stay reachable. `can_access_admin` is decided from cached roles; the permission check after it
    (cached by Django for the request, and Wagtail's own check) catches an admin role whose group lacks
    `access_admin`, which would loop the same way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._refused(request):
            return render(request, "portal/admin_only.html", {"admin_roles": sorted(roles.ADMIN_ROLES)}, status=403)
        return self.get_response(request)

    @staticmethod
    def _refused(request):
        user = request.user
        if not user.is_authenticated or not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        if request.path in (reverse("wagtailadmin_login"), reverse("wagtailadmin_logout")):
            return False
        return not (can_access_admin(user) and user.has_perm("wagtailadmin.access_admin"))


class CachedSiteMiddleware:
    """Which Wagtail site answers the request, from the cache (see portal.frame.site_for)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        from .frame import site_for

        request._wagtail_site = site_for(request, Site._find_for_request)
        token = request_memo.start()
        try:
            return self.get_response(request)
        finally:
            request_memo.end(token)
