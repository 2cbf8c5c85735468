from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..models import Instansi
from ..scoping import pegawai_of
from .reading import ImportFileError, inspect_upload

CONTENT_TYPES = {
    "csv": {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel", "text/x-csv"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"},
}
ZIP_MAGIC = b"PK\x03\x04"


def validate_upload(upload):
    """Extension, declared content type, size and the first bytes must all say CSV or XLSX."""
    extension = Path(upload.name).suffix.lower().lstrip(".")
    if extension not in CONTENT_TYPES:
        raise forms.ValidationError(_("Hanya berkas .xlsx atau .csv yang dapat diimpor."))
    if upload.size > settings.IMPORT_MAX_UPLOAD_SIZE:
        raise forms.ValidationError(
            _("Berkas terlalu besar (%(size)s); batasnya %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.IMPORT_MAX_UPLOAD_SIZE)}
        )
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    if content_type and content_type != "application/octet-stream" and content_type not in CONTENT_TYPES[extension]:
        raise forms.ValidationError(
            _("Isi berkas (%(type)s) tidak sesuai dengan ekstensi .%(ext)s.") % {"type": content_type, "ext": extension}
        )
    head = upload.read(2048)
    upload.seek(0)
    if extension == "xlsx" and not head.startswith(ZIP_MAGIC):
        raise forms.ValidationError(_("Berkas ini bukan lembar kerja Excel (.xlsx) yang sah."))
    if extension == "csv" and (head.startswith(ZIP_MAGIC) or b"\x00" in head):
        raise forms.ValidationError(_("Berkas ini bukan teks CSV; simpan ulang sebagai CSV (UTF-8)."))
    try:
        inspect_upload(upload, extension)
    except ImportFileError as error:
        raise forms.ValidationError(str(error)) from None
    return upload


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis data"))
    instansi = forms.ModelChoiceField(label=_("Instansi"), queryset=Instansi.objects.all())
    file = forms.FileField(
        label=_("Berkas"),
        help_text=_("XLSX atau CSV (UTF-8) dengan baris judul kolom seperti templat."),
        validators=[validate_upload],
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, user, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.key, kind.label) for kind in kinds]
        if not user.is_superuser:
            # an Admin SDM imports into their own instansi only
            me = pegawai_of(user)
            del self.fields["instansi"]
            self.instansi = me.instansi if me else None
        else:
            self.instansi = None

    def clean(self):
        cleaned = super().clean()
        if "instansi" in self.fields:
            self.instansi = cleaned.get("instansi")
        return cleaned
