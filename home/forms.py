from django import forms
from django.utils.translation import gettext_lazy as _

from portal.search_types import search_types

from .models import PageFeedback


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Kata kunci"), max_length=200, required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis halaman"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # every module registers its searchable types; read at form time, once all are registered
        self.fields["jenis"].choices = [
            ("", _("Semua jenis")),
            *((entry.key, entry.value.label) for entry in search_types.entries()),
        ]


class AcknowledgeForm(forms.Form):
    """The confirmation box, preceded by the page's comprehension questions when it has them."""

    confirm = forms.BooleanField(
        label=_("Saya telah membaca dan memahami"),
        error_messages={"required": _("Centang pernyataan ini untuk mengonfirmasi.")},
    )

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.question_fields = []
        for i, block in enumerate(getattr(page, "quiz", None) or []):
            name = f"q{i}"
            self.fields[name] = forms.ChoiceField(
                label=f"{i + 1}. {block.value['question']}",
                choices=[(str(n), option) for n, option in enumerate(block.value["options"], start=1)],
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
            self.question_fields.append(name)
        # the confirmation comes last, after the questions
        self.order_fields([*self.question_fields, "confirm"])

    def answers(self):
        return {name[1:]: self.cleaned_data[name] for name in self.question_fields}


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(choices=PageFeedback.Kind.choices)
    comment = forms.CharField(
        label=_("Komentar (opsional untuk penilaian, wajib untuk laporan masalah)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApprovalForm(forms.Form):
    """A leader's decision on a page awaiting approval: approve, or request changes with a comment."""

    action = forms.ChoiceField(choices=[("approve", _("Setujui")), ("reject", _("Minta perubahan"))])
    comment = forms.CharField(label=_("Catatan untuk pengusul"), max_length=2000, required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not data.get("comment", "").strip():
            self.add_error("comment", _("Tuliskan perubahan yang diminta."))
        return data
