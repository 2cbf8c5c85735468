from django.core.exceptions import ValidationError

from .rules import NipError, parse_nip


def validate_nip(value):
    try:
        parse_nip(value)
    except NipError as error:
        raise ValidationError(error.message, code=f"nip_{error.code}") from None
