"""Forms of the mentoring pages: parse input only; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..competency.queries import competencies_for
from .models import MentoringProgramme, MentoringSession

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# past this many people a select is unusable on a phone: the NIP is typed instead
SELECT_LIMIT = 200
TARGET_ROWS = 3
LEVEL_CHOICES = [("", "—")] + [(str(n), str(n)) for n in range(1, 6)]


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = MentoringProgramme
        fields = ["name", "description", "start_date", "end_date"]
        widgets = {"start_date": DATE, "end_date": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


class PersonField(forms.ModelChoiceField):
    """A select of people, or a NIP typed in when there are too many to list."""

    def __init__(self, queryset, **kwargs):
        many = queryset.count() > SELECT_LIMIT
        if many:
            kwargs.update(to_field_name="nip", widget=forms.TextInput(attrs={"inputmode": "numeric"}))
            kwargs.setdefault("help_text", _("Ketik NIP 18 angka."))
        super().__init__(queryset, **kwargs)
        self.error_messages["invalid_choice"] = _("Pegawai tidak ditemukan atau tidak dapat dipilih.")

    def label_from_instance(self, person):
        jabatan = f" — {person.jabatan.name}" if person.jabatan_id else ""
        return f"{person.nama}{jabatan}"


class AgreementForm(forms.Form):
    """Goals and up to three target competencies with their levels."""

    goals = forms.CharField(
        label=_("Tujuan yang disepakati"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan tujuan yang disepakati.")},
    )  # fmt: skip

    def __init__(self, *args, instansi_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        competencies = competencies_for(instansi_id).order_by("group", "order", "code")
        for n in range(1, TARGET_ROWS + 1):
            self.fields[f"competency_{n}"] = forms.ModelChoiceField(
                label=_("Kompetensi sasaran %(n)s") % {"n": n}, queryset=competencies, required=False,
                empty_label=_("— tidak ada —"),
            )  # fmt: skip
            self.fields[f"competency_{n}"].label_from_instance = lambda c: f"{c.code} {c.name}"
            self.fields[f"level_{n}"] = forms.TypedChoiceField(
                label=_("Level sasaran %(n)s") % {"n": n}, choices=LEVEL_CHOICES, required=False, coerce=int,
                empty_value=None,
            )  # fmt: skip

    def clean(self):
        data = super().clean()
        for n in range(1, TARGET_ROWS + 1):
            competency, level = data.get(f"competency_{n}"), data.get(f"level_{n}")
            if competency and not level:
                self.add_error(f"level_{n}", _("Pilih level sasaran untuk kompetensi ini."))
            if level and not competency:
                self.add_error(f"competency_{n}", _("Pilih kompetensinya, atau kosongkan levelnya."))
        return data

    def targets(self):
        rows = [
            (self.cleaned_data.get(f"competency_{n}"), self.cleaned_data.get(f"level_{n}"))
            for n in range(1, TARGET_ROWS + 1)
        ]
        return [(competency, level) for competency, level in rows if competency and level]

    @staticmethod
    def initial_for(pair):
        initial = {"goals": pair.goals}
        for n, target in enumerate(pair.targets.all()[:TARGET_ROWS], start=1):
            initial[f"competency_{n}"], initial[f"level_{n}"] = target.competency_id, str(target.level)
        return initial


class PairForm(AgreementForm):
    def __init__(self, *args, mentors=None, mentees=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"] = PersonField(mentors, label=_("Mentor"))
        self.fields["mentee"] = PersonField(mentees, label=_("Mentee"))
        self.order_fields(["mentor", "mentee", "goals"])

    def clean(self):
        data = super().clean()
        if data.get("mentor") and data.get("mentee") and data["mentor"] == data["mentee"]:
            self.add_error("mentee", _("Mentor dan mentee harus dua orang yang berbeda."))
        return data


class SessionLogForm(forms.ModelForm):
    class Meta:
        model = MentoringSession
        fields = ["held_on", "duration_minutes", "topics", "actions"]
        widgets = {
            "held_on": DATE,
            "duration_minutes": forms.NumberInput(attrs={"min": 15, "max": 480, "step": 5, "inputmode": "numeric"}),
            "topics": forms.Textarea(attrs={"rows": 3}),
            "actions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"duration_minutes": _("15 sampai 480 menit.")}
        error_messages = {
            "held_on": {"required": _("Isi tanggal sesi.")},
            "duration_minutes": {"required": _("Isi durasi sesi dalam menit.")},
            "topics": {"required": _("Tuliskan topik yang dibahas.")},
            "actions": {"required": _("Tuliskan tindak lanjut yang disepakati.")},
        }


class DisputeForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan sanggahan"), max_length=300, error_messages={"required": _("Tuliskan alasan sanggahan.")}
    )


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Seberapa bermanfaat pendampingan ini?"), choices=[(n, str(n)) for n in range(1, 6)], coerce=int,
        widget=forms.RadioSelect(attrs={"class": "rating"}), error_messages={"required": _("Pilih nilai 1 sampai 5.")},
        help_text=_("1 = tidak bermanfaat, 5 = sangat bermanfaat."),
    )  # fmt: skip
    comment = forms.CharField(
        label=_("Saran dan komentar"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
