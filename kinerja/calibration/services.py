"""The only writers of calibrations. Every change is recorded with its state before and after and the reason."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..evaluation import services as evaluation_services
from ..skp.models import PerformancePeriod
from . import permissions, queries
from .models import Calibration, CalibrationChange, OrganisationRating


def _require(actor, instansi_id):
    if not permissions.can_calibrate(actor, instansi_id):
        raise PermissionDenied(_("Kalibrasi dilakukan oleh Admin SDM atau Pimpinan instansi ini."))


@transaction.atomic
def open_calibration(*, actor, period, unit=None, window=None, organisation_rating: str = "") -> Calibration:
    """Open a calibration of the period's annual results (or one window's) for a unit or the whole instansi; one
    open calibration per scope at a time."""
    period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
    _require(actor, period.instansi_id)
    if unit is not None and unit.instansi_id != period.instansi_id:
        raise ValidationError(_("Unit kerja ini bukan bagian dari instansi periode tersebut."))
    if window is not None and window.period_id != period.pk:
        raise ValidationError(_("Periode evaluasi ini bukan bagian dari periode kinerja tersebut."))
    if organisation_rating and organisation_rating not in OrganisationRating.values:
        raise ValidationError(_("Pilih predikat kinerja organisasi yang tersedia."))
    if Calibration.objects.filter(period=period, window=window, unit=unit, status=Calibration.Status.OPEN).exists():
        raise ValidationError(_("Kalibrasi untuk cakupan ini sedang berjalan; lanjutkan yang sudah ada."))
    calibration = Calibration.objects.create(
        period=period, window=window, unit=unit, organisation_rating=organisation_rating, created_by=actor
    )
    log(calibration, "kinerja.calibration.opened", user=actor)
    return calibration


def _locked(calibration) -> Calibration:
    calibration = (
        Calibration.objects.select_for_update(of=("self",)).select_related("period", "unit").get(pk=calibration.pk)
    )
    if calibration.status != Calibration.Status.OPEN:
        raise ValidationError(_("Kalibrasi ini sudah selesai."))
    return calibration


def _reason(reason: str) -> str:
    if not (reason or "").strip():
        raise ValidationError(_("Tuliskan alasan perubahan."))
    return reason.strip()


@transaction.atomic
def set_organisation_rating(*, actor, calibration, rating: str, reason: str) -> Calibration:
    calibration = _locked(calibration)
    _require(actor, calibration.period.instansi_id)
    if rating not in OrganisationRating.values:
        raise ValidationError(_("Pilih predikat kinerja organisasi yang tersedia."))
    reason = _reason(reason)
    before = {"organisation_rating": calibration.organisation_rating}
    calibration.organisation_rating = rating
    calibration.save(update_fields=["organisation_rating"])
    CalibrationChange.objects.create(
        calibration=calibration, kind=CalibrationChange.Kind.ORGANISATION, before=before,
        after={"organisation_rating": rating}, reason=reason, actor=actor,
    )  # fmt: skip
    log(calibration, "kinerja.calibration.organisation_rating", user=actor)
    return calibration


@transaction.atomic
def adjust(*, actor, calibration, evaluation, rating_hasil_kerja: str, rating_perilaku_kerja: str, reason: str):
    """Change one employee's ratings during calibration (the predikat follows from the matrix)."""
    calibration = _locked(calibration)
    _require(actor, calibration.period.instansi_id)
    if not queries.evaluations(calibration).filter(pk=evaluation.pk).exists():
        raise PermissionDenied(_("Evaluasi ini tidak termasuk kalibrasi tersebut."))
    reason = _reason(reason)
    before, after = evaluation_services.recalibrate(
        actor=actor, evaluation=evaluation, rating_hasil_kerja=rating_hasil_kerja,
        rating_perilaku_kerja=rating_perilaku_kerja, reason=reason,
    )  # fmt: skip
    if before == after:
        raise ValidationError(_("Rating tidak berubah."))
    return CalibrationChange.objects.create(
        calibration=calibration, kind=CalibrationChange.Kind.EVALUATION, evaluation_id=evaluation.pk,
        before=before, after=after, reason=reason, actor=actor,
    )  # fmt: skip


@transaction.atomic
def close(*, actor, calibration, note: str = "") -> Calibration:
    calibration = _locked(calibration)
    _require(actor, calibration.period.instansi_id)
    if not calibration.organisation_rating:
        raise ValidationError(_("Tetapkan predikat kinerja organisasi sebelum menyelesaikan kalibrasi."))
    calibration.status, calibration.closed_at = Calibration.Status.CLOSED, timezone.now()
    calibration.note = (note or "").strip()
    calibration.save(update_fields=["status", "closed_at", "note"])
    log(calibration, "kinerja.calibration.closed", user=actor)
    return calibration
