"""Forms of talent management: they parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Jabatan, Pegawai, UnitKerja

from .models import Readiness


class NipField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("NIP pegawai"))
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        kwargs.setdefault("error_messages", {"required": _("Isi NIP pegawai.")})
        super().__init__(**kwargs)


def _pegawai(instansi_id, nip):
    pegawai = (
        Pegawai.objects.filter(instansi_id=instansi_id, nip=nip.replace(" ", ""), is_active=True)
        .select_related("instansi")
        .first()
    )
    if pegawai is None:
        raise forms.ValidationError(_("Tidak ada pegawai aktif dengan NIP ini di instansi Anda."))
    return pegawai


class AssessmentForm(forms.Form):
    nip = NipField()
    assessed_on = forms.DateField(
        label=_("Tanggal asesmen"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Isi tanggal asesmen."), "invalid": _("Tulis tanggal sebagai TTTT-BB-HH.")},
    )  # fmt: skip
    score = forms.DecimalField(
        label=_("Nilai potensi (0–100)"), min_value=0, max_value=100, decimal_places=2, max_digits=5,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        error_messages={"required": _("Isi nilai potensi."), "invalid": _("Nilai potensi harus berupa angka."),
                        "min_value": _("Nilai potensi 0 sampai 100."), "max_value": _("Nilai potensi 0 sampai 100.")},
    )  # fmt: skip
    lembaga = forms.CharField(label=_("Lembaga/asesor"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Catatan"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, instansi_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi_id = instansi_id

    def clean_nip(self):
        return _pegawai(self.instansi_id, self.cleaned_data["nip"])


class PlanForm(forms.Form):
    jabatan = forms.ModelChoiceField(
        label=_("Jabatan kunci"), queryset=Jabatan.objects.none(),
        error_messages={"required": _("Pilih jabatan kunci."), "invalid_choice": _("Pilih jabatan instansi Anda.")},
    )  # fmt: skip
    unit = forms.ModelChoiceField(
        label=_("Unit kerja (opsional)"), queryset=UnitKerja.objects.none(), required=False,
        error_messages={"invalid_choice": _("Pilih unit kerja instansi Anda.")},
    )  # fmt: skip
    note = forms.CharField(
        label=_("Catatan"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, instansi_id, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = (Jabatan.Kind.JPT, Jabatan.Kind.ADMINISTRATOR, Jabatan.Kind.PENGAWAS)
        # the key positions are the managerial ones first; a functional or other position stays possible
        self.fields["jabatan"].queryset = Jabatan.objects.filter(instansi_id=instansi_id).order_by("name", "pk")
        self.fields["jabatan"].label_from_instance = lambda j: f"{j.name}{' ★' if j.kind in kinds else ''}"
        self.fields["unit"].queryset = UnitKerja.objects.filter(instansi_id=instansi_id).order_by("name", "pk")


class CandidateForm(forms.Form):
    nip = NipField(help_text=_("Ketik NIP atau pilih dari daftar kelompok talenta."))
    readiness = forms.ChoiceField(
        label=_("Kesiapan"), choices=Readiness.choices, error_messages={"required": _("Pilih kesiapan kandidat.")}
    )
    note = forms.CharField(
        label=_("Catatan"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    outside_pool_reason = forms.CharField(
        label=_("Alasan bila di luar kelompok talenta"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wajib diisi hanya untuk pegawai yang tidak berada di kotak kelompok talenta."),
    )  # fmt: skip

    def __init__(self, *args, instansi_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi_id = instansi_id
        self.fields["nip"].widget.attrs["list"] = "pool-nips"

    def clean_nip(self):
        return _pegawai(self.instansi_id, self.cleaned_data["nip"])
