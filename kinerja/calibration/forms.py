"""Forms of the calibration pages: they parse; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import UnitKerja

from ..evaluation.models import Rating
from .models import OrganisationRating

REASON = forms.CharField(
    label=_("Alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
    error_messages={"required": _("Tuliskan alasan perubahan.")},
)  # fmt: skip


class OpenForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"), queryset=UnitKerja.objects.none(), required=False,
        empty_label=_("Seluruh instansi"), help_text=_("Termasuk unit di bawahnya."),
    )  # fmt: skip
    window = forms.ChoiceField(label=_("Hasil yang dikalibrasi"), required=False)
    organisation_rating = forms.ChoiceField(
        label=_("Predikat kinerja organisasi"), required=False,
        choices=[("", _("Belum ditetapkan"))] + list(OrganisationRating.choices),
        help_text=_("Dapat ditetapkan atau diubah selama kalibrasi."),
    )  # fmt: skip

    def __init__(self, *args, instansi_id, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.filter(instansi_id=instansi_id).order_by("name")
        self.windows = {str(w.pk): w for w in period.windows.all()} if period else {}
        self.fields["window"].choices = [("", _("Evaluasi Kinerja Tahunan"))] + [
            (pk, window.label) for pk, window in self.windows.items()
        ]

    def clean_window(self):
        return self.windows.get(self.cleaned_data.get("window") or "")


class OrganisationRatingForm(forms.Form):
    rating = forms.ChoiceField(label=_("Predikat kinerja organisasi"), choices=OrganisationRating.choices)
    reason = REASON


class AdjustForm(forms.Form):
    evaluation = forms.IntegerField(widget=forms.HiddenInput)
    rating_hasil_kerja = forms.ChoiceField(label=_("Rating Hasil Kerja"), choices=Rating.choices)
    rating_perilaku_kerja = forms.ChoiceField(label=_("Rating Perilaku Kerja"), choices=Rating.choices)
    reason = REASON


class CloseForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan penutup"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
