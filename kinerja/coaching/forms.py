"""Forms of coaching plans (several on one page: each action and check-in gets its own prefix)."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .models import CoachingPlan

DATE = {"type": "date"}


class PlanForm(forms.Form):
    nip = forms.CharField(label=_("NIP pegawai"), max_length=18)
    goals = forms.CharField(
        label=_("Sasaran pembinaan"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000,
        help_text=_("Perilaku atau hasil kerja yang harus membaik, dan ukurannya."),
    )  # fmt: skip
    starts_on = forms.DateField(label=_("Mulai"), widget=forms.DateInput(attrs=DATE))
    ends_on = forms.DateField(label=_("Selesai"), widget=forms.DateInput(attrs=DATE))
    supervisor_nip = forms.CharField(
        label=_("NIP atasan pembina"), max_length=18, required=False,
        help_text=_("Kosongkan untuk atasan langsung pegawai."),
    )  # fmt: skip

    def __init__(self, *args, fixed_pegawai=False, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_pegawai:  # confirming a proposal: the employee is part of it
            del self.fields["nip"]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pembatalan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=300)


class CompleteForm(forms.Form):
    result = forms.ChoiceField(label=_("Kesimpulan"), choices=CoachingPlan.Result.choices, widget=forms.RadioSelect)
    outcome = forms.CharField(label=_("Hasil pembinaan"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000)


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Tindakan"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    due_on = forms.DateField(label=_("Target selesai"), required=False, widget=forms.DateInput(attrs=DATE))


class EnrolForm(forms.Form):
    session = forms.ChoiceField(label=_("Angkatan pelatihan yang dibuka"))

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [("", "—")] + [
            (s.pk, f"{s.course.title} — {s.name} ({formats.date_format(timezone.localtime(s.start_at), 'j M Y')})")
            for s in sessions
        ]


class MentoringForm(forms.Form):
    programme = forms.ChoiceField(label=_("Program mentoring"))
    mentor_nip = forms.CharField(label=_("NIP mentor"), max_length=18)

    def __init__(self, *args, programmes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", "—")] + [(p.pk, p.name) for p in programmes]


class CheckInForm(forms.Form):
    planned_on = forms.DateField(label=_("Tanggal pertemuan"), widget=forms.DateInput(attrs=DATE))
    agenda = forms.CharField(label=_("Agenda"), max_length=300, required=False)


class NotesForm(forms.Form):
    held_on = forms.DateField(label=_("Dilaksanakan pada"), widget=forms.DateInput(attrs=DATE))
    notes = forms.CharField(label=_("Catatan atasan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)


class ResponseForm(forms.Form):
    response = forms.CharField(label=_("Tanggapan Anda"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000)
