"""Service errors answered the REST way: a refusal is 403, bad input 400 with the service's own (translated)
message, the same words the pages show."""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions


def as_api_error(error):
    if isinstance(error, PermissionDenied):
        return exceptions.PermissionDenied(str(error) or None)
    return exceptions.ValidationError({"detail": " ".join(error.messages)})


@contextmanager
def service_errors():
    """`with service_errors(): services.x(...)` turns the service's Django errors into API errors."""
    try:
        yield
    except (PermissionDenied, ValidationError) as error:
        raise as_api_error(error) from None
