"""Forms of the peer feedback pages: they only parse input; the services decide."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Pegawai

from ..evaluation.models import Rating
from ..skp.forms import DateInput


class RaterChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        unit = person.unit.name if person.unit_id else ""
        jabatan = person.jabatan.name if person.jabatan_id else ""
        return " · ".join(filter(None, [person.full_name, jabatan, unit]))


class OpenRoundForm(forms.Form):
    window = forms.ModelChoiceField(
        label=_("Evaluasi periodik"), queryset=None, required=False, empty_label=_("Seluruh tahun"),
    )  # fmt: skip
    closes_on = forms.DateField(
        label=_("Batas menjawab"), widget=DateInput(),
        error_messages={"required": _("Isi batas menjawab."), "invalid": _("Tanggal tidak dikenali.")},
    )  # fmt: skip
    raters = RaterChoice(
        label=_("Penilai yang disarankan (rekan satu unit dan bawahan langsung)"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    other_nips = forms.CharField(
        label=_("Penilai lain dari unit mana pun di instansi (NIP, satu per baris)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2, "inputmode": "numeric"}),
    )  # fmt: skip

    def __init__(self, *args, period, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["window"].queryset = period.windows.all()
        self.fields["raters"].queryset = Pegawai.objects.filter(pk__in=[p.pk for p in suggestions]).select_related(
            "jabatan", "unit"
        )

    def clean_other_nips(self):
        return [nip for nip in re.split(r"[\s,;]+", self.cleaned_data.get("other_nips", "")) if nip]


class AnswerForm(forms.Form):
    """One rating and an optional comment per BerAKHLAK value."""

    def __init__(self, *args, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.values = values
        for value in values:
            self.fields[f"rating_{value.pk}"] = forms.ChoiceField(
                label=value.name, choices=[(code, label) for code, label in reversed(Rating.choices)],
                widget=forms.RadioSelect, error_messages={"required": _("Pilih salah satu.")},
            )  # fmt: skip
            self.fields[f"comment_{value.pk}"] = forms.CharField(
                label=_("Komentar (opsional)"), required=False, max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": _("Komentar paling banyak 1.000 karakter.")},
            )  # fmt: skip

    def rows(self):
        return [(value, self[f"rating_{value.pk}"], self[f"comment_{value.pk}"]) for value in self.values]

    def answers(self) -> dict:
        data = self.cleaned_data
        return {value.pk: (data[f"rating_{value.pk}"], data.get(f"comment_{value.pk}", "")) for value in self.values}
