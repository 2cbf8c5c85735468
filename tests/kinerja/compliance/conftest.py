"""A Gorontalo period whose planning deadline passed ten days ago, with something late of every kind:

- bidang: Siti (draft) and Cucu (nothing) have not filed; Budi's SKP waits for Ayu since before the deadline
  (10 days late); Ayu's Triwulan I evaluation waits for the Kepala BKD since a deadline four days ago;
- Kominfo: Wati (supervised by Darmawan) has not filed;
- Maluku Utara, the other instansi, has a late filer of its own that Gorontalo never sees.
"""

from datetime import datetime, time, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kinerja.evaluation import services as evaluation_services
from kinerja.models import Evaluation, EvaluationWindow, PerformancePeriod, Skp
from kinerja.skp import services
from tests.factories import make_pegawai

from ...kompetensi.conftest import forget_cached_identity
from ..conftest import approved_skp

WITA = ZoneInfo("Asia/Makassar")


def at(day, hour=9, tz=WITA):
    return datetime.combine(day, time(hour), tzinfo=tz)


def submit(skp, on):
    """The SKP as submitted on a day (the state machine's own time is now)."""
    Skp.objects.filter(pk=skp.pk).update(status=Skp.Status.SUBMITTED, status_changed_at=at(on))
    return Skp.objects.get(pk=skp.pk)


def open_period(actor, instansi, planning_deadline):
    return services.open_period(
        actor=actor.user, instansi=instansi, year=planning_deadline.year, planning_deadline=planning_deadline,
        annual_deadline=planning_deadline + timedelta(days=365),
    )  # fmt: skip


@pytest.fixture
def late(org):
    forget_cached_identity(org)
    today = timezone.localdate(timezone=WITA)  # Gorontalo's day, as its pages count it
    deadline = today - timedelta(days=10)
    period = open_period(org.sdm, org.gorontalo, deadline)
    wati = make_pegawai(org.gorontalo, org.kominfo, atasan=org.konten, nama="Wati Kominfo")
    atasan_skp, parent = approved_skp(org.atasan, period)
    draft = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    waiting = submit(
        services.start_skp(actor=org.rekan.user, pegawai=org.rekan, period=period), deadline - timedelta(days=2)
    )
    window = period.windows.get(sequence=1)
    EvaluationWindow.objects.filter(pk=window.pk).update(deadline=today - timedelta(days=4))
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=window)
    evaluation = Evaluation.objects.get(skp=atasan_skp, window=window)
    malut_period = open_period(org.sdm_malut, org.malut, deadline)
    malut_filer = make_pegawai(org.malut, org.malut_unit, atasan=org.pegawai_malut, nama="Rahasia Malut Terlambat")
    forget_cached_identity(org)
    return SimpleNamespace(
        today=today, deadline=deadline, period=PerformancePeriod.objects.select_related("instansi").get(pk=period.pk),
        wati=wati, atasan_skp=atasan_skp, parent=parent, draft=draft, waiting=waiting,
        window=EvaluationWindow.objects.get(pk=window.pk), evaluation=evaluation, malut_period=malut_period,
        malut_filer=malut_filer,
    )  # fmt: skip
