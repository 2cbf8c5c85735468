from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("NIP atau nama pengguna"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _("NIP/nama pengguna atau kata sandi salah. Periksa kembali lalu coba lagi."),
        "inactive": _("Akun ini tidak aktif. Hubungi Admin SDM instansi Anda."),
    }


def add_service_error(form, error):
    """Show a ValidationError raised by a service on the form: on its field where the form has that field,
    otherwise at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)
