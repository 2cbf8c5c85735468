"""Forms of career decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CareerDecision


class DecisionForm(forms.Form):
    nip = forms.CharField(label=_("NIP pegawai"), max_length=18)
    kind = forms.ChoiceField(label=_("Jenis keputusan"), choices=CareerDecision.Kind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200)
    rationale = forms.CharField(
        label=_("Dasar pertimbangan"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mengapa keputusan ini diusulkan; bukti pendukung dikunci otomatis saat diusulkan."),
    )  # fmt: skip
    effective_on = forms.DateField(
        label=_("Berlaku mulai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, fixed_pegawai=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_pegawai is not None:  # editing: the employee is part of the decision
            del self.fields["nip"]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=300)


class DecideForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan keputusan"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text=_("Wajib bila usulan ditolak."),
    )  # fmt: skip
