"""Fixtures of talent management: final annual predikat of last year and potential assessments for the
organisation of tests/conftest.py, placed by the service the nightly job runs.

gorontalo: pegawai (Sangat Baik, 95: box 9), atasan (Baik, 95: box 8), rekan (Baik, 80: box 5), cucu (Butuh
           Perbaikan, 50: box 1), konten in Kominfo, outside the Pimpinan's BKD (Sangat Baik, 95: box 9);
           pimpinan, sdm and pelatihan have no predikat: not mappable
malut:     pegawai_malut (Sangat Baik, 95: box 9)
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from kinerja.career import demo as career_demo
from kinerja.talent import services
from kinerja.talent.models import PotentialAssessment

from ...kompetensi.conftest import forget_cached_identity

PEOPLE = {
    "pegawai": ("SANGAT_BAIK", 95),
    "atasan": ("BAIK", 95),
    "rekan": ("BAIK", 80),
    "cucu": ("BUTUH_PERBAIKAN", 50),
    "konten": ("SANGAT_BAIK", 95),
    "pegawai_malut": ("SANGAT_BAIK", 95),
}


def give(person, predikat=None, score=None, *, year=None, on=None):
    """Last year's final annual predikat and/or a potential assessment for `person`."""
    year = year or timezone.localdate().year - 1
    if predikat:
        career_demo._annual(person, career_demo._past_period(person.instansi, year), predikat)
    if score is not None:
        PotentialAssessment.objects.update_or_create(
            pegawai=person, assessed_on=on or datetime.date(year, 11, 1), defaults={"score": Decimal(score)}
        )


def place_all(org):
    services.recompute_instansi(instansi=org.gorontalo, notify_hr=False)
    services.recompute_instansi(instansi=org.malut, notify_hr=False)


@pytest.fixture
def talent(org):
    forget_cached_identity(org)
    for name, (predikat, score) in PEOPLE.items():
        give(getattr(org, name), predikat, score)
    place_all(org)
    return SimpleNamespace(org=org)
