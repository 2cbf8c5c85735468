"""What the SKP views share: the background save's answer, messages from services, pagination."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

PAGE_SIZE = 20
AUTOSAVE_HEADER = "HTTP_X_AUTOSAVE"


def is_autosave(request) -> bool:
    """The form was posted in the background by static/js/autosave.js (the same form also works without it)."""
    return request.META.get(AUTOSAVE_HEADER) == "1"


def error_text(error) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def saved(action: str = "", key: str = "") -> JsonResponse:
    """The background save went through: the form may now post to `action` (a new row got its own address)."""
    at = timezone.localtime().strftime("%H.%M")
    return JsonResponse({"saved": True, "message": _("Tersimpan %(at)s") % {"at": at}, "action": action, "key": key})


def not_saved(form=None, error=None) -> JsonResponse:
    errors = dict(form.errors) if form is not None else {}
    if error is not None:
        errors.setdefault("__all__", []).extend(error.messages if isinstance(error, ValidationError) else [str(error)])
    words = " ".join(str(message) for messages in errors.values() for message in messages)
    return JsonResponse(
        {"saved": False, "errors": errors, "message": _("Belum tersimpan: %(why)s") % {"why": words}}, status=400
    )


def paginate(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))
