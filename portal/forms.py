import unicodedata

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("NIP atau nama pengguna"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
        error_messages={"required": _("Isi NIP atau nama pengguna Anda.")},
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Isi kata sandi Anda.")},
    )
    error_messages = {
        "invalid_login": _("NIP/nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi."),
        "inactive": _("Akun ini tidak aktif. Hubungi Admin SDM instansi Anda."),
    }


class ResetOrActivateForm(PasswordResetForm):
    """ "Lupa kata sandi" that also reaches accounts never given a password.

    Django leaves users with an unusable password out, so an employee created by an import, whose activation email
    was lost or expired, could never get in. Including them is safe: the link still goes only to the address on
    the account, and setting a password through it is what activation does too."""

    def get_users(self, email):
        email_field = get_user_model().get_email_field_name()
        candidates = get_user_model()._default_manager.filter(**{f"{email_field}__iexact": email, "is_active": True})
        # the same exact comparison as Django's, so look-alike Unicode addresses do not match
        return (user for user in candidates if _same_email(email, getattr(user, email_field)))


def _same_email(a, b):
    return unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()


def add_service_error(form, error):
    """Show a ValidationError raised by a service on the form: on its field where the form has that field,
    otherwise at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)
