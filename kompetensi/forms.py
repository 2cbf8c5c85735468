from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import BentukPengembangan, EvaluationQuestion, ExternalLearning, SessionMaterial, TrainingSession
from .uploads import MATERIAL_TYPES, validate_evidence, validate_material


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SessionForm(forms.ModelForm):
    """Times are typed in the organiser's instansi time zone (the one active for the request)."""

    class Meta:
        model = TrainingSession
        fields = [
            "course", "name", "kind", "start_at", "end_at", "place", "online_url", "capacity",
            "enrol_opens_at", "enrol_closes_at", "open_to_other_instansi", "facilitators", "expected_outputs",
        ]  # fmt: skip
        widgets = {
            "facilitators": forms.Textarea(attrs={"rows": 3}),
            "expected_outputs": forms.Textarea(attrs={"rows": 3}),
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
        self.fields["kind"].required = False  # a form that does not say is a training session, as before workshops
        self.fields["kind"].help_text = _(
            "Workshop: kegiatan kerja yang menghasilkan keluaran; JP dihitung per hari menurut aturan konversi."
        )

    def clean_kind(self):
        return self.cleaned_data.get("kind") or TrainingSession.Kind.TRAINING

    def clean(self):
        data = super().clean()
        if data.get("kind") == TrainingSession.Kind.WORKSHOP and not (data.get("facilitators") or "").strip():
            self.add_error("facilitators", _("Isi paling sedikit satu fasilitator workshop."))
        return data


class MaterialForm(forms.ModelForm):
    class Meta:
        model = SessionMaterial
        fields = ["title", "file", "link"]
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": ",".join(MATERIAL_TYPES)})}
        help_texts = {"link": _("Isi berkas atau tautan, salah satu saja.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_material)

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool(data.get("link")):
            raise ValidationError(_("Unggah berkas atau isi tautan, salah satu saja."))
        return data


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
