"""Forms of the evaluation pages: they only parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Rating

RATING_HELP = {
    "rating_hasil_kerja": _("Dibandingkan dengan target IKI dan realisasi berdasarkan bukti dukung."),
    "rating_perilaku_kerja": _("Dibandingkan dengan nilai BerAKHLAK dan ekspektasi khusus pimpinan."),
}


class RatingForm(forms.Form):
    rating_hasil_kerja = forms.ChoiceField(
        label=_("Rating Hasil Kerja"), choices=Rating.choices, widget=forms.RadioSelect,
        help_text=RATING_HELP["rating_hasil_kerja"],
    )  # fmt: skip
    rating_perilaku_kerja = forms.ChoiceField(
        label=_("Rating Perilaku Kerja"), choices=Rating.choices, widget=forms.RadioSelect,
        help_text=RATING_HELP["rating_perilaku_kerja"],
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Alasan penilaian"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tuliskan alasan penilaian.")},
    )  # fmt: skip


class TextForm(forms.Form):
    """One text about one item (the realisation of an IKI, the feedback on an RHK)."""

    item = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class AppealForm(forms.Form):
    reasons = forms.CharField(
        label=_("Alasan keberatan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sebutkan bagian penilaian yang Anda keberatan dan bukti dukung yang mendasarinya."),
        error_messages={"required": _("Tuliskan alasan keberatan Anda.")},
    )  # fmt: skip


class AppealDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"), widget=forms.RadioSelect,
        choices=[("grant", _("Kabulkan: tetapkan rating baru")), ("reject", _("Tolak: hasil evaluasi tetap"))],
    )  # fmt: skip
    rating_hasil_kerja = forms.ChoiceField(
        label=_("Rating Hasil Kerja baru"), choices=[("", "—"), *Rating.choices], required=False
    )
    rating_perilaku_kerja = forms.ChoiceField(
        label=_("Rating Perilaku Kerja baru"), choices=[("", "—"), *Rating.choices], required=False
    )
    reason = forms.CharField(
        label=_("Alasan keputusan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tuliskan alasan keputusan.")},
    )  # fmt: skip
