"""The one writer of imported annual results (the years before Lentera, from the national system)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..career.models import ImportedAnnualResult
from ..evaluation.models import Evaluation, Predikat, Rating
from . import permissions

FIRST_YEAR = 2000


def has_final_annual(pegawai_id, year) -> bool:
    return Evaluation.objects.filter(
        kind=Evaluation.Kind.ANNUAL, status=Evaluation.Status.FINALISED, skp__pegawai_id=pegawai_id,
        skp__period__year=year,
    ).exists()  # fmt: skip


def _check(*, pegawai, year, predikat, rating_hasil_kerja, rating_perilaku_kerja):
    errors = {}
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        errors["year"] = _("Tahun harus antara %(first)s dan %(last)s.") % {
            "first": FIRST_YEAR, "last": timezone.localdate().year}  # fmt: skip
    elif has_final_annual(pegawai.pk, year):
        errors["year"] = _(
            "%(name)s sudah mempunyai evaluasi kinerja tahunan final %(year)s di Lentera; hasil dari sistem nasional "
            "untuk tahun itu tidak diimpor."
        ) % {"name": pegawai.full_name, "year": year}
    if predikat not in Predikat.values:
        errors["predikat"] = _("Predikat kinerja wajib diisi.")
    for field, value in (("rating_hasil_kerja", rating_hasil_kerja), ("rating_perilaku_kerja", rating_perilaku_kerja)):
        if value and value not in Rating.values:
            errors[field] = _("Rating '%(value)s' tidak dikenal.") % {"value": value}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_imported_result(
    *, actor, pegawai, year: int, predikat: str, rating_hasil_kerja: str = "", rating_perilaku_kerja: str = "",
    evaluator_nip: str = "", evaluator_name: str = "", source: str = ImportedAnnualResult.Source.SIASN,
) -> ImportedAnnualResult:  # fmt: skip
    """Keep the national system's annual result of `pegawai` for `year` (replacing an earlier import of that year).
    HR of the employee's instansi only; a year Lentera already has a final annual evaluation for is refused, since
    Lentera's own result is the one that counts."""
    if not permissions.can_exchange(actor, pegawai.instansi_id):
        raise PermissionDenied(_("Hanya Admin SDM instansi pegawai yang dapat mengimpor riwayat kinerjanya."))
    _check(pegawai=pegawai, year=year, predikat=predikat, rating_hasil_kerja=rating_hasil_kerja,
           rating_perilaku_kerja=rating_perilaku_kerja)  # fmt: skip
    result, _created = ImportedAnnualResult.objects.update_or_create(
        pegawai=pegawai, year=year,
        defaults={
            "predikat": predikat, "rating_hasil_kerja": rating_hasil_kerja,
            "rating_perilaku_kerja": rating_perilaku_kerja, "evaluator_nip": evaluator_nip[:30],
            "evaluator_name": evaluator_name[:200], "source": source, "imported_by": actor,
        },
    )  # fmt: skip
    return result
