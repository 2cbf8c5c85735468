"""Error answers in the user's language and the site's frame. The pages themselves are templates at the templates
root (400/403/404/500.html), which Django's default handlers render; here are only the answers those handlers cannot
give: JSON for the API, the API's 404 message, and the expired-form page. The admin's refusal of non-editors is
portal.middleware.AdminForEditorsMiddleware."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from rest_framework import views as drf_views
from rest_framework.exceptions import NotFound

API_PREFIX = "/api/"


def page_not_found(request, exception):
    """handler404: an unknown address under the API answers JSON like the API's own 404s; anything else gets
    404.html."""
    if request.path.startswith(API_PREFIX):
        # DRF's own message, so its translation is the one every API 404 gives
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form has expired (or cookies are off). Offers the form again when the browser says
    where it came from; `reason` is for developers and stays out of the page."""
    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(referer, {request.get_host()}, require_https=request.is_secure())
    return render(request, "403_csrf.html", {"form_url": referer if safe else ""}, status=403)


def api_exception_handler(exc, context):
    """REST framework's EXCEPTION_HANDLER: DRF's own, except that a Django Http404 answers DRF's translated "Not
    found." rather than its message, which is English and meant for developers ("No Pegawai matches the given
    query." from get_object_or_404 also names a model). PermissionDenied keeps its message: ours are translated."""
    if isinstance(exc, Http404):
        exc = NotFound()
    return drf_views.exception_handler(exc, context)
