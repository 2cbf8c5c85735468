"""Small helpers that the pages of every module share: service errors as text, safe redirects back, pagination."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

PAGE_SIZE = 20


def error_text(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def redirect_back(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(fallback)


def paginate(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def query_string_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
