"""Forms of the RHK template pages: the template with its rows of IKI (a formset: blank rows add an IKI, a ticked
"hapus" removes one). They parse and keep the input; the service decides and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Jabatan

from ..skp.models import Iki, Rhk

IKI_PREFIX = "iki"


class TemplateForm(forms.Form):
    jabatan = forms.ModelChoiceField(
        label=_("Jabatan"), queryset=Jabatan.objects.none(), empty_label=_("— pilih jabatan —"),
        error_messages={"required": _("Pilih jabatan."), "invalid_choice": _("Pilih jabatan instansi Anda.")},
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Jenis RHK"), choices=Rhk.Kind.choices, initial=Rhk.Kind.UTAMA,
        error_messages={"invalid_choice": _("Pilih jenis RHK: utama atau tambahan.")},
    )  # fmt: skip
    text = forms.CharField(
        label=_("Rencana hasil kerja"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan rencana hasil kerja."),
                        "max_length": _("Rencana hasil kerja paling banyak 1.000 karakter.")},
        help_text=_("Hasil kerja yang lazim bagi jabatan ini; pegawai dapat menyesuaikannya di SKP-nya."),
    )  # fmt: skip
    perspektif = forms.ChoiceField(
        label=_("Perspektif"), choices=Rhk.Perspektif.choices, required=False,
        help_text=_("Hanya untuk Jabatan Pimpinan Tinggi."),
        error_messages={"invalid_choice": _("Pilih perspektif dari daftar.")},
    )  # fmt: skip
    order = forms.IntegerField(
        label=_("Urutan"), min_value=0, max_value=999, required=False,
        help_text=_("Kosongkan untuk menaruhnya paling akhir."),
        error_messages={"invalid": _("Urutan berupa angka."), "min_value": _("Urutan tidak boleh negatif."),
                        "max_value": _("Urutan paling besar 999.")},
    )  # fmt: skip

    def __init__(self, *args, instansi_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = Jabatan.objects.filter(instansi_id=instansi_id).order_by("name", "pk")

    @classmethod
    def initial_of(cls, template):
        return {"jabatan": template.jabatan_id, "kind": template.kind, "text": template.text,
                "perspektif": template.perspektif, "order": template.order}  # fmt: skip


class IkiRowForm(forms.Form):
    text = forms.CharField(
        label=_("Indikator kinerja individu"), max_length=500,
        error_messages={"required": _("Tuliskan indikatornya."),
                        "max_length": _("Indikator paling banyak 500 karakter.")},
    )  # fmt: skip
    aspek = forms.ChoiceField(
        label=_("Aspek"), choices=Iki.Aspek.choices, initial=Iki.Aspek.KUANTITAS,
        error_messages={"invalid_choice": _("Pilih aspek kuantitas, kualitas, atau waktu.")},
    )  # fmt: skip
    target = forms.CharField(
        label=_("Target"), max_length=200,
        error_messages={"required": _("Tuliskan targetnya, misalnya 95 %."),
                        "max_length": _("Target paling banyak 200 karakter.")},
    )  # fmt: skip


class BaseIkiFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not self.rows():
            raise forms.ValidationError(_("Tambahkan paling sedikit satu IKI."))

    def rows(self) -> list[dict]:
        """The filled rows that are not marked for removal, in order."""
        return [
            {name: form.cleaned_data[name] for name in ("text", "aspek", "target")}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def typed_rows(self) -> list[dict]:
        """What was typed in each row that is kept, valid or not: to show again with a further blank row."""
        typed = [
            {name: form[name].value() or "" for name in ("text", "aspek", "target")}
            for form in self.forms
            if not form["DELETE"].value()
        ]
        return [row for row in typed if row["text"].strip() or row["target"].strip()]


def iki_formset(*, data=None, rows=(), blank=2):
    """The IKI rows of a template: `rows` (dicts of text, aspek, target) and `blank` empty rows to add more."""
    factory = forms.formset_factory(IkiRowForm, formset=BaseIkiFormSet, extra=blank, can_delete=True, max_num=30)
    return factory(data, initial=list(rows) or None, prefix=IKI_PREFIX)
