from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import BentukPengembangan, EvaluationQuestion, ExternalLearning, TrainingSession

EVIDENCE_TYPES = {
    ".pdf": b"%PDF",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
}
EVIDENCE_MAX_BYTES = getattr(settings, "KOMPETENSI_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024)


def validate_evidence(upload):
    """PDF, PNG or JPEG up to 5 MB, checked by content, not only by name."""
    name = upload.name.lower()
    ext = next((e for e in EVIDENCE_TYPES if name.endswith(e)), None)
    if ext is None:
        raise ValidationError(_("Bukti harus berupa berkas PDF, PNG, atau JPG."))
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(_("Ukuran bukti paling besar %(mb)s MB.") % {"mb": EVIDENCE_MAX_BYTES // (1024 * 1024)})
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(EVIDENCE_TYPES[ext]):
        raise ValidationError(_("Isi berkas tidak sesuai dengan jenisnya (%(ext)s).") % {"ext": ext})


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SessionForm(forms.ModelForm):
    """Times are typed in the organiser's instansi time zone (the one active for the request)."""

    class Meta:
        model = TrainingSession
        fields = [
            "course", "name", "start_at", "end_at", "place", "online_url", "capacity",
            "enrol_opens_at", "enrol_closes_at", "open_to_other_instansi",
        ]  # fmt: skip
        widgets = {
            "start_at": DateTimeLocalInput(),
            "end_at": DateTimeLocalInput(),
            "enrol_opens_at": DateTimeLocalInput(),
            "enrol_closes_at": DateTimeLocalInput(),
        }

    def __init__(self, *args, courses=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["course"].label_from_instance = lambda course: course.title
        for name in ("start_at", "end_at", "enrol_opens_at", "enrol_closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            self.fields["course"].disabled = True


class ExternalLearningForm(forms.ModelForm):
    class Meta:
        model = ExternalLearning
        fields = ["bentuk", "title", "organiser", "start_date", "end_date", "units", "jp_claimed", "evidence"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "evidence": forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
        }
        help_texts = {"evidence": _("Sertifikat, surat tugas, atau laporan: PDF, PNG, atau JPG, paling besar 5 MB.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bentuk"].queryset = BentukPengembangan.objects.order_by("order")
        self.fields["evidence"].validators.append(validate_evidence)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        for field, message in rules.external_learning_date_problems(start, end, timezone.localdate()).items():
            self.add_error(field, message)
        return data


RATING_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class EvaluationForm(forms.Form):
    comment = forms.CharField(
        label=_("Saran dan komentar"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(EvaluationQuestion.objects.filter(is_active=True))
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=question.text,
                choices=RATING_CHOICES,
                widget=forms.RadioSelect(attrs={"class": "rating"}),
                error_messages={"required": _("Pilih nilai 1 sampai 5.")},
            )
        self.order_fields([f"q{q.pk}" for q in self.questions] + ["comment"])

    def answers(self):
        return {q.pk: int(self.cleaned_data[f"q{q.pk}"]) for q in self.questions}


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=300)


class ExternalDecisionForm(forms.Form):
    jp_approved = forms.IntegerField(label=_("JP disetujui"), required=False, min_value=1, max_value=200)
    note = forms.CharField(label=_("Catatan"), required=False, max_length=300)


class EnrolUnitForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit kerja"), queryset=None)
    include_subunits = forms.BooleanField(label=_("Termasuk sub-unit"), required=False, initial=True)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
