"""Forms of the competency pages: an employee's claim, a supervisor's verdict, the target position."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..uploads import validate_evidence
from .models import LEVELS, Evidence

LEVEL_CHOICES = [(level, _("Level %(n)s") % {"n": level}) for level in LEVELS]
CLAIM_SOURCES = [
    (Evidence.Source.SELF, _("Penilaian diri")),
    (Evidence.Source.EXTERNAL, _("Pembelajaran eksternal (kursus daring, seminar, sertifikasi)")),
]


class ClaimForm(forms.Form):
    """A self assessment or external learning that claims a level; it waits for the supervisor's verdict."""

    competency = forms.ModelChoiceField(label=_("Kompetensi"), queryset=None, empty_label=_("— pilih kompetensi —"))
    source = forms.ChoiceField(label=_("Jenis klaim"), choices=CLAIM_SOURCES, initial=Evidence.Source.SELF)
    level = forms.TypedChoiceField(label=_("Level yang diklaim"), choices=LEVEL_CHOICES, coerce=int)
    observed_on = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Tanggal penilaian diri atau selesainya pembelajaran."),
    )  # fmt: skip
    note = forms.CharField(
        label=_("Catatan"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Apa yang menunjukkan level ini, misalnya tugas yang sudah Anda kerjakan."),
    )  # fmt: skip
    link = forms.URLField(label=_("Tautan bukti"), required=False, max_length=200, assume_scheme="https")
    attachment = forms.FileField(
        label=_("Lampiran bukti"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
        help_text=_("Sertifikat atau dokumen pendukung: PDF, PNG, atau JPG, paling besar 5 MB."),
    )  # fmt: skip

    def __init__(self, *args, competencies, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["competency"]
        field.queryset = competencies
        field.label_from_instance = lambda c: f"{c.code} {c.name}"
        self.fields["attachment"].validators.append(validate_evidence)
        self.fields["observed_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["observed_on"].initial = timezone.localdate()

    def clean_observed_on(self):
        day = self.cleaned_data["observed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Tanggal tidak boleh di masa depan."))
        return day

    def clean(self):
        data = super().clean()
        if data.get("source") == Evidence.Source.EXTERNAL and not (data.get("link") or data.get("attachment")):
            self.add_error("link", _("Pembelajaran eksternal perlu bukti: isi tautan atau unggah lampiran."))
        return data


class RecordForm(ClaimForm):
    """Evidence recorded by HR (an assessment result, uji kompetensi) or the supervisor (their assessment): it
    counts as assessed at once, no review."""

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Evidence.Source.choices)
        self.fields["source"].choices = [(code, labels[code]) for code in labels if code in sources]
        self.fields["source"].help_text = _(
            "Bukti ini langsung menjadi level terkonfirmasi; tidak menunggu verifikasi."
        )
        self.fields["source"].label = _("Sumber bukti")
        self.fields["source"].initial = "supervisor" if "supervisor" in sources else None
        self.fields["level"].label = _("Level yang dinilai")
        self.fields["observed_on"].help_text = _("Tanggal penilaian atau asesmen.")
        self.fields["note"].help_text = _("Dasar penilaian, misalnya hasil asesmen atau tugas yang diamati.")


class CorrectionForm(forms.Form):
    """A correction supersedes an entry with a new one; the old one stays in the history, marked as corrected."""

    level = forms.TypedChoiceField(label=_("Level yang benar"), choices=LEVEL_CHOICES, coerce=int)
    observed_on = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(
        label=_("Alasan koreksi"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan alasan koreksi.")},
    )  # fmt: skip

    def clean_observed_on(self):
        day = self.cleaned_data["observed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Tanggal tidak boleh di masa depan."))
        return day


class VerdictForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", _("Konfirmasi")), ("reject", _("Tolak"))])
    level = forms.TypedChoiceField(
        label=_("Level yang dikonfirmasi"), choices=LEVEL_CHOICES, coerce=int, required=False
    )
    note = forms.CharField(label=_("Catatan atau alasan"), required=False, max_length=500)


class TargetForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Bandingkan dengan jabatan"), queryset=None, required=False,
                                    empty_label=_("— jabatan saya sekarang —"))  # fmt: skip

    def __init__(self, *args, positions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = positions
