"""Demo data of calibration, after the evaluation step: for each instansi a calibration of the latest quarter with
the organisation rated Baik and one adjustment recorded, open for `sdm.<instansi>` and `pimpinan.<instansi>` to
continue. Written through the services as HR; idempotent (a period with a calibration is left alone)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from portal.demo import register_demo_step
from portal.models import Instansi

from ..evaluation.models import Evaluation
from ..skp.models import PerformancePeriod
from . import services
from .models import Calibration


def load_instansi(instansi) -> bool:
    period = PerformancePeriod.objects.filter(instansi=instansi, status=PerformancePeriod.Status.OPEN).first()
    hr = get_user_model().objects.filter(username=f"sdm.{instansi.slug}").first()
    if period is None or hr is None or Calibration.objects.filter(period=period).exists():
        return False
    window = period.windows.filter(evaluations__status=Evaluation.Status.RATED).order_by("-sequence").distinct().first()
    if window is None:
        return False
    calibration = services.open_calibration(actor=hr, period=period, window=window)
    services.set_organisation_rating(
        actor=hr, calibration=calibration, rating="BAIK",
        reason="Predikat kinerja organisasi dari hasil evaluasi SAKIP tahun lalu.",
    )  # fmt: skip
    rated = (
        Evaluation.objects.filter(window=window, status=Evaluation.Status.RATED, rating_hasil_kerja="DI_ATAS")
        .exclude(skp__pegawai__user__username__startswith="pegawai.")
        .first()
    )
    if rated is not None:
        services.adjust(
            actor=hr, calibration=calibration, evaluation=rated, rating_hasil_kerja="SESUAI",
            rating_perilaku_kerja=rated.rating_perilaku_kerja,
            reason="Bukti dukung melampaui target hanya untuk satu IKI; disepakati tim penilai kinerja.",
        )  # fmt: skip
    return True


@register_demo_step("kinerja-calibration", order=56)
def load_calibrations(stdout=None):
    for instansi in Instansi.objects.order_by("pk"):
        with transaction.atomic():
            made = load_instansi(instansi)
        if stdout and made:
            stdout.write(f"  {instansi.name}: kalibrasi kinerja")
