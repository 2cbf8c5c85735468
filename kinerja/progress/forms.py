"""Forms of the progress, bukti dukung and dialog pages: they only parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kompetensi.uploads import validate_evidence

from ..skp.forms import DateInput

FILE_HELP = _("PDF, PNG, atau JPG, paling besar 5 MB.")


class RhkChoice(forms.ModelChoiceField):
    def label_from_instance(self, rhk):
        return rhk.text if len(rhk.text) <= 90 else rhk.text[:88] + "…"


class ProgressForm(forms.Form):
    rhk = RhkChoice(
        label=_("RHK"), queryset=None, empty_label=None,
        error_messages={"required": _("Pilih RHK."), "invalid_choice": _("Pilih salah satu RHK SKP Anda.")},
    )  # fmt: skip
    day = forms.DateField(
        label=_("Tanggal"), widget=DateInput(),
        error_messages={"required": _("Isi tanggal."), "invalid": _("Tanggal tidak dikenali.")},
    )  # fmt: skip
    text = forms.CharField(
        label=_("Yang dikerjakan"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan apa yang Anda kerjakan."),
                        "max_length": _("Uraian paling banyak 1.000 karakter.")},
    )  # fmt: skip
    quantity = forms.DecimalField(
        label=_("Jumlah"), required=False, min_value=0, max_digits=9, decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any", "placeholder": _("opsional")}),
        error_messages={"invalid": _("Jumlah harus berupa angka."), "min_value": _("Jumlah tidak boleh negatif.")},
    )  # fmt: skip
    link = forms.URLField(
        label=_("Tautan (opsional)"), required=False, max_length=500, assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        error_messages={"invalid": _("Tautan harus berupa alamat web, misalnya https://…")},
    )  # fmt: skip
    attachment = forms.FileField(
        label=_("Lampiran (opsional)"), required=False, help_text=FILE_HELP, validators=[validate_evidence],
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )  # fmt: skip

    def __init__(self, *args, rhk_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rhk"].queryset = rhk_queryset
        if "attachment" in self.fields:
            self.fields["attachment"].widget.clear_checkbox_label = _("Hapus lampiran")


class EvidenceForm(forms.Form):
    title = forms.CharField(
        label=_("Keterangan"), max_length=200,
        error_messages={"required": _("Tuliskan keterangan bukti dukung.")},
    )  # fmt: skip
    file = forms.FileField(
        label=_("Berkas"), required=False, help_text=FILE_HELP, validators=[validate_evidence],
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )  # fmt: skip
    link = forms.URLField(
        label=_("atau tautan"), required=False, max_length=500, assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        error_messages={"invalid": _("Tautan harus berupa alamat web, misalnya https://…")},
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("file") and not data.get("link"):
            raise forms.ValidationError(_("Unggah berkas atau isi tautan bukti dukung."))
        return data


class DialogForm(forms.Form):
    pegawai = forms.ModelChoiceField(
        label=_("Pegawai"), queryset=None,
        error_messages={"required": _("Pilih pegawai."), "invalid_choice": _("Pilih salah satu bawahan langsung Anda.")},
    )  # fmt: skip
    planned_on = forms.DateField(
        label=_("Tanggal rencana"), widget=DateInput(),
        error_messages={"required": _("Isi tanggal rencana."), "invalid": _("Tanggal tidak dikenali.")},
    )  # fmt: skip
    agenda = forms.CharField(
        label=_("Agenda"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan agenda dialog kinerja.")},
    )  # fmt: skip

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = reports
        self.fields["pegawai"].label_from_instance = lambda p: p.full_name


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Catatan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan catatannya.")},
    )  # fmt: skip


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("Tindak lanjut yang disepakati"), max_length=300,
        error_messages={"required": _("Tuliskan tindak lanjut yang disepakati."),
                        "max_length": _("Tindak lanjut paling banyak 300 karakter.")},
    )  # fmt: skip
