"""Hands out a private file (see portal/private_storage.py) after the caller's scope check.

Behind nginx, set PRIVATE_FILES_X_ACCEL_REDIRECT (e.g. "/_private/") and nginx sends the file from an `internal`
location (docs/deployment.md), so gunicorn workers are not tied up streaming; otherwise Django streams it."""

from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.encoding import escape_uri_path


def serve_private_file(request, fieldfile, *, allowed: bool) -> HttpResponse:
    """The file as an attachment when `allowed`, else 404 (so a foreign file's existence does not leak)."""
    if not allowed or not fieldfile:
        raise Http404
    filename = PurePosixPath(fieldfile.name).name
    prefix = getattr(settings, "PRIVATE_FILES_X_ACCEL_REDIRECT", "")
    if prefix:
        response = HttpResponse()
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(fieldfile.name)
        del response["Content-Type"]  # nginx sets it from the file's extension
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}"
    else:
        try:
            handle = fieldfile.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(handle, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
