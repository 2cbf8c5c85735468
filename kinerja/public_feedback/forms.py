"""Forms of public feedback: the public's short form (with its honeypot and fill timer), and HR's service point
form. They only parse input; the services decide."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from portal.models import Pegawai, UnitKerja

from . import rules

SALT = "kinerja.public_feedback.started"
STARS = [
    (5, _("5 bintang: sangat puas")),
    (4, _("4 bintang: puas")),
    (3, _("3 bintang: cukup")),
    (2, _("2 bintang: kurang puas")),
    (1, _("1 bintang: tidak puas")),
]


def stamp(now=None) -> str:
    """A signed time the form was shown, so a too-quick answer is seen without a session or a cookie."""
    return signing.dumps(int(now if now is not None else time.time()), salt=SALT)


def seconds_since(value, now=None) -> float | None:
    try:
        shown = signing.loads(value, salt=SALT, max_age=24 * 60 * 60)
    except signing.BadSignature:
        return None
    return (now if now is not None else time.time()) - int(shown)


class PublicFeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Nilai layanan"), choices=STARS, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("Pilih nilai 1 sampai 5 bintang."),
                        "invalid_choice": _("Pilih nilai 1 sampai 5 bintang.")},
    )  # fmt: skip
    comment = forms.CharField(
        label=_("Komentar atau saran (opsional)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Komentar dibaca petugas terlebih dahulu sebelum ditampilkan. Jangan menulis data pribadi."),
        error_messages={"max_length": _("Komentar paling banyak 1.000 karakter.")},
    )  # fmt: skip
    # the honeypot: hidden from people (and from screen readers), filled in by programs that fill every field
    website = forms.CharField(
        label=_("Jangan diisi"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )  # fmt: skip
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, minimum_seconds=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.minimum_seconds = minimum_seconds
        if not self.is_bound:
            self.initial["started"] = stamp()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        data = super().clean()
        elapsed = seconds_since(self.data.get("started", ""))
        if elapsed is None or rules.filled_too_fast(elapsed, self.minimum_seconds):
            # shown again with a fresh timer: a person just sends it once more
            self.data = self.data.copy()
            self.data["started"] = stamp()
            raise forms.ValidationError(
                _("Formulir terkirim terlalu cepat. Periksa kembali penilaian Anda, lalu tekan Kirim sekali lagi.")
            )
        return data


class ServicePointForm(forms.Form):
    name = forms.CharField(
        label=_("Nama layanan"), max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("misalnya Layanan Kenaikan Pangkat")}),
        error_messages={"required": _("Isi nama layanan.")},
    )  # fmt: skip
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"), queryset=UnitKerja.objects.none(),
        error_messages={"required": _("Pilih unit kerja."), "invalid_choice": _("Pilih unit kerja instansi Anda.")},
    )  # fmt: skip
    nip = forms.CharField(
        label=_("NIP pegawai (opsional)"), required=False, max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Isi bila layanan ini diberikan oleh satu pegawai; hasilnya tampil pada evaluasi kinerjanya."),
    )  # fmt: skip

    def __init__(self, *args, instansi_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi_id = instansi_id
        self.fields["unit"].queryset = UnitKerja.objects.filter(instansi_id=instansi_id).order_by("name")

    def clean_nip(self):
        nip = self.cleaned_data["nip"].replace(" ", "")
        if not nip:
            return None
        pegawai = Pegawai.objects.filter(instansi_id=self.instansi_id, nip=nip, is_active=True).first()
        if pegawai is None:
            raise forms.ValidationError(_("Tidak ada pegawai aktif dengan NIP ini di instansi Anda."))
        return pegawai
