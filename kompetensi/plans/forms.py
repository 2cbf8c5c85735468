"""Forms of the plan pages: a goal on one of my gaps, a planned activity, and the reason of a decision. Each is small
and posted on its own, so a mistake in one keeps what was typed and shows its message beside it."""

from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ..competency.models import Competency
from ..models import PlanActivity, PlanGoal, TrainingSession

LEVEL_CHOICES = [(level, str(level)) for level in range(1, 6)]


def month_choices():
    return [("", "—")] + [(month, date_format(date(2000, month, 1), "F")) for month in range(1, 13)]


class GoalForm(forms.Form):
    prefix = "goal"

    competency = forms.ModelChoiceField(label=_("Kompetensi yang dikembangkan"), queryset=Competency.objects.none())
    target_level = forms.TypedChoiceField(label=_("Level sasaran"), choices=LEVEL_CHOICES, coerce=int)
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)

    def __init__(self, *args, gaps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = Competency.objects.filter(pk__in=[row.competency.pk for row in gaps])
        labels = {
            row.competency.pk: _("%(code)s %(name)s — level %(current)s dari %(required)s")
            % {"code": row.competency.code, "name": row.competency.name, "current": row.current_level or 0,
               "required": row.required_level}
            for row in gaps
        }  # fmt: skip
        self.fields["competency"].label_from_instance = lambda c: labels.get(c.pk, str(c))
        if gaps and not self.is_bound:
            self.initial.setdefault("target_level", gaps[0].required_level)


class ActivityForm(forms.Form):
    prefix = "activity"

    kind = forms.ChoiceField(label=_("Jenis kegiatan"), choices=PlanActivity.Kind.choices)
    session = forms.ModelChoiceField(
        label=_("Angkatan pelatihan atau workshop"),
        queryset=TrainingSession.objects.none(),
        required=False,
        help_text=_("Untuk jenis 'Pelatihan atau workshop katalog': nama, JP dan bulan diambil dari angkatan."),
    )
    title = forms.CharField(
        label=_("Nama kegiatan"), max_length=200, required=False, help_text=_("Untuk mentoring, pembelajaran "
        "eksternal atau kegiatan lain.")
    )  # fmt: skip
    planned_jp = forms.IntegerField(label=_("JP direncanakan"), min_value=1, max_value=200, required=False)
    planned_month = forms.TypedChoiceField(
        label=_("Bulan pelaksanaan"), choices=month_choices, coerce=int, required=False, empty_value=None
    )
    goal = forms.ModelChoiceField(label=_("Untuk sasaran"), queryset=PlanGoal.objects.none(), required=False)

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is None:
            return
        self.fields["session"].queryset = (
            TrainingSession.objects.filter(instansi_id=plan.pegawai.instansi_id, start_at__year=plan.year)
            .select_related("course")
            .order_by("start_at", "pk")
        )
        self.fields["session"].label_from_instance = lambda s: f"{s.course.title} — {s.name} ({s.course.jp} JP)"
        self.fields["goal"].queryset = PlanGoal.objects.filter(plan=plan).select_related("competency")
        self.fields["goal"].label_from_instance = lambda g: f"{g.competency.code} {g.competency.name}"

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == PlanActivity.Kind.SESSION and not data.get("session"):
            self.add_error("session", _("Pilih angkatan pelatihan dari katalog."))
        if kind and kind != PlanActivity.Kind.SESSION:
            if not (data.get("title") or "").strip():
                self.add_error("title", _("Tuliskan nama kegiatan."))
            if not data.get("planned_jp"):
                self.add_error("planned_jp", _("Isi JP yang direncanakan."))
            if not data.get("planned_month"):
                self.add_error("planned_month", _("Pilih bulan pelaksanaan."))
        return data


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Catatan atau alasan"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
