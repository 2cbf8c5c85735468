"""The only writers of RHK templates: HR of the instansi saves a template with its IKI, and deactivates or
reactivates it. Keyword-only, in a transaction, checking permission and input."""

from collections.abc import Iterable, Mapping

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import Jabatan

from ..skp.models import Iki, Rhk
from . import permissions
from .models import RhkTemplate, RhkTemplateIki


def _must_manage(actor, instansi_id):
    if not permissions.can_manage(actor, instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM instansi ini yang dapat mengelola templat RHK."))


def _clean_iki(rows: Iterable[Mapping]) -> tuple[list[RhkTemplateIki], list[str]]:
    """Unsaved IKI rows and, in words HR can act on, what is wrong with them (by row number)."""
    found, problems = [], []
    for n, row in enumerate(rows, start=1):
        text, target, aspek = row.get("text", "").strip(), row.get("target", "").strip(), row.get("aspek", "")
        if not text or not target:
            problems.append(_("IKI baris %(n)s: tuliskan indikator dan targetnya.") % {"n": n})
        elif aspek not in Iki.Aspek.values:
            problems.append(_("IKI baris %(n)s: pilih aspek kuantitas, kualitas, atau waktu.") % {"n": n})
        else:
            found.append(RhkTemplateIki(text=text[:500], aspek=aspek, target=target[:200], order=len(found)))
    if not found and not problems:
        problems.append(_("Tambahkan paling sedikit satu IKI."))
    return found, problems


@transaction.atomic
def save_template(*, actor, instansi, jabatan: Jabatan, text: str, iki: Iterable[Mapping],
                  kind: str = Rhk.Kind.UTAMA, perspektif: str = "", order: int | None = None,
                  template: RhkTemplate | None = None) -> RhkTemplate:  # fmt: skip
    """Create a template of `jabatan`, or change `template`, with its IKI (the rows given replace the old ones).
    Bad input raises one ValidationError naming every problem, and nothing is written."""
    _must_manage(actor, instansi.pk)
    if template is not None:
        template = RhkTemplate.objects.select_for_update().get(pk=template.pk)
        if template.instansi_id != instansi.pk:
            raise PermissionDenied(_("Templat RHK ini milik instansi lain."))
    problems = {}
    if jabatan.instansi_id != instansi.pk:
        problems["jabatan"] = [_("Pilih jabatan instansi Anda.")]
    text = text.strip()
    if not text:
        problems["text"] = [_("Tuliskan rencana hasil kerja.")]
    if kind not in Rhk.Kind.values:
        problems["kind"] = [_("Pilih jenis RHK: utama atau tambahan.")]
    if perspektif not in Rhk.Perspektif.values:
        problems["perspektif"] = [_("Pilih perspektif dari daftar.")]
    elif perspektif and jabatan.kind != Jabatan.Kind.JPT:
        problems["perspektif"] = [_("Perspektif hanya untuk Jabatan Pimpinan Tinggi.")]
    rows, iki_problems = _clean_iki(iki)
    if iki_problems:
        problems[NON_FIELD_ERRORS] = iki_problems
    if problems:
        raise ValidationError(problems)
    if template is None:
        template = RhkTemplate(instansi=instansi)
    if order is None:
        order = template.order if template.pk and template.jabatan_id == jabatan.pk else _next_order(jabatan)
    template.jabatan, template.text, template.kind, template.perspektif = jabatan, text, kind, perspektif
    template.order, template.updated_by = order, actor
    template.save()
    template.iki.all().delete()
    for row in rows:
        row.template = template
    RhkTemplateIki.objects.bulk_create(rows)
    return template


def _next_order(jabatan) -> int:
    return RhkTemplate.objects.filter(jabatan=jabatan).count()


@transaction.atomic
def set_template_active(*, actor, template: RhkTemplate, active: bool) -> RhkTemplate:
    """A deactivated template is no longer offered to new SKP; those already started from it keep their RHK."""
    _must_manage(actor, template.instansi_id)
    template = RhkTemplate.objects.select_for_update().get(pk=template.pk)
    if template.is_active != active:
        template.is_active, template.updated_by = active, actor
        template.save(update_fields=["is_active", "updated_by", "updated_at"])
    return template
