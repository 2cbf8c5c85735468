"""Uploads of the training module (evidence of external learning and competency claims, workshop materials): which
files are accepted, checked by content, not only by name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EVIDENCE_TYPES = {
    ".pdf": b"%PDF",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
}
EVIDENCE_MAX_BYTES = getattr(settings, "KOMPETENSI_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024)
# Office documents are zip files: their signature is the zip's
MATERIAL_TYPES = {**EVIDENCE_TYPES, ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04", ".pptx": b"PK\x03\x04"}
MATERIAL_MAX_BYTES = getattr(settings, "KOMPETENSI_MATERIAL_MAX_BYTES", 10 * 1024 * 1024)


def _check(upload, types, max_bytes, wrong_type, too_big):
    name = upload.name.lower()
    ext = next((e for e in types if name.endswith(e)), None)
    if ext is None:
        raise ValidationError(wrong_type)
    if upload.size > max_bytes:
        raise ValidationError(too_big % {"mb": max_bytes // (1024 * 1024)})
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(types[ext]):
        raise ValidationError(_("Isi berkas tidak sesuai dengan jenisnya (%(ext)s).") % {"ext": ext})


def validate_evidence(upload):
    """PDF, PNG or JPEG up to 5 MB."""
    _check(upload, EVIDENCE_TYPES, EVIDENCE_MAX_BYTES, _("Bukti harus berupa berkas PDF, PNG, atau JPG."),
           _("Ukuran bukti paling besar %(mb)s MB."))  # fmt: skip


def validate_material(upload):
    """PDF, images or Office documents up to 10 MB."""
    _check(upload, MATERIAL_TYPES, MATERIAL_MAX_BYTES, _("Materi harus berupa PDF, PNG, JPG, DOCX, XLSX, atau PPTX."),
           _("Ukuran materi paling besar %(mb)s MB."))  # fmt: skip
