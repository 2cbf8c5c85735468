"""Forms of the HR service desk."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..public_feedback.forms import STARS
from .services import OTHER_DOCUMENT

ACCEPT = ".pdf,.png,.jpg,.jpeg"
UPLOAD_HELP = _("PDF, PNG, atau JPG, paling besar 5 MB.")


def document_field_name(item_id):
    return f"dokumen_{item_id}"


def _file_field(label, required):
    return forms.FileField(
        label=label, required=required, help_text=UPLOAD_HELP, widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )


class RequestForm(forms.Form):
    """A new request: what is asked, and one upload per checklist item of the type (plus one more, optional)."""

    description = forms.CharField(
        label=_("Uraian permohonan"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000,
        help_text=_("Apa yang Anda mohon, dan keterangan yang perlu diketahui Admin SDM."),
    )  # fmt: skip

    def __init__(self, *args, request_type, **kwargs):
        super().__init__(*args, **kwargs)
        for item in request_type.checklist.all():
            self.fields[document_field_name(item.pk)] = _file_field(item.name, item.required)
        self.fields[document_field_name(OTHER_DOCUMENT)] = _file_field(_("Dokumen lain (bila ada)"), False)

    def documents(self):
        """{checklist item id: upload} of the files chosen."""
        found = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("dokumen_") and value:
                found[int(name.removeprefix("dokumen_"))] = value
        return found


class UploadForm(forms.Form):
    item = forms.TypedChoiceField(label=_("Dokumen"), coerce=int)
    file = _file_field(_("Berkas"), True)

    def __init__(self, *args, request_type, **kwargs):
        super().__init__(*args, **kwargs)
        items = [(item.pk, item.name) for item in request_type.checklist.all()]
        self.fields["item"].choices = [*items, (OTHER_DOCUMENT, _("Dokumen lain"))]


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Pesan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Catatan internal"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
        help_text=_("Hanya terlihat oleh Admin SDM, tidak oleh pemohon."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        # the message form on the same page also has a `body`: distinct ids keep each label on its own textarea
        kwargs.setdefault("auto_id", "note_%s")
        super().__init__(*args, **kwargs)


class AskForm(forms.Form):
    message = forms.CharField(
        label=_("Yang perlu dilengkapi pegawai"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
        help_text=_("Dikirim kepada pemohon. Batas waktu berhenti sampai pemohon menanggapi."),
    )  # fmt: skip


class CompleteForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan penyelesaian"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False,
        help_text=_("Terlihat oleh pemohon, misalnya nomor surat atau cara mengambil dokumen."),
    )  # fmt: skip


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
        help_text=_("Terlihat oleh pemohon."),
    )  # fmt: skip


class SurveyForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Seberapa puas Anda dengan layanan ini?"), choices=STARS, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": _("Pilih nilai 1 sampai 5 bintang."),
                        "invalid_choice": _("Pilih nilai 1 sampai 5 bintang.")},
    )  # fmt: skip
    comment = forms.CharField(
        label=_("Komentar (bila ada)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )
