import datetime
from datetime import timedelta

import pytest
from django.utils import timezone

from kinerja.career import demo as career_demo
from kinerja.coaching import services
from kinerja.evaluation.models import Evaluation
from kinerja.skp.models import Skp
from tests.kompetensi.conftest import forget_cached_identity, make_catalog, make_course, make_session

RATINGS = {
    "SANGAT_BAIK": ("DI_ATAS", "DI_ATAS"),
    "BAIK": ("SESUAI", "SESUAI"),
    "BUTUH_PERBAIKAN": ("DI_BAWAH", "SESUAI"),
    "KURANG": ("SESUAI", "DI_BAWAH"),
    "SANGAT_KURANG": ("DI_BAWAH", "DI_BAWAH"),
}


def final_annual(person, predikat, year=None, status=Evaluation.Status.FINALISED):
    """A final (or `status`) annual evaluation of `person` written as a record (the receiver sees its save like any other)."""
    year = year or timezone.localdate().year - 1
    period = career_demo._past_period(person.instansi, year)
    skp = Skp.objects.create(
        period=period, pegawai=person, status=Skp.Status.APPROVED, valid_from=period.starts_on,
        valid_to=period.ends_on, evaluator=person.atasan, unit_name=person.unit.name,
    )  # fmt: skip
    hasil, perilaku = RATINGS[predikat]
    return Evaluation.objects.create(
        skp=skp, kind=Evaluation.Kind.ANNUAL, status=status, rating_hasil_kerja=hasil,
        rating_perilaku_kerja=perilaku, predikat=predikat, reason="Evaluasi tahunan.", finalised_at=timezone.now(),
    )  # fmt: skip


def terms(**extra):
    today = timezone.localdate()
    return {
        "goals": "Target IKI triwulan tercapai.", "starts_on": today, "ends_on": today + datetime.timedelta(days=90),
        **extra,
    }  # fmt: skip


@pytest.fixture
def plan(org):
    """A running plan of `pegawai`, coached by `atasan`, started by HR."""
    forget_cached_identity(org)
    return services.start_plan(actor=org.sdm.user, pegawai=org.pegawai, **terms())


@pytest.fixture
def action(org, plan):
    return services.add_action(actor=org.atasan.user, plan=plan, description="Ikuti pelatihan pelayanan prima.")


@pytest.fixture
def open_session(org):
    course = make_course(make_catalog(org.gorontalo), "Pelayanan Publik Prima")
    return make_session(course, start_in=timedelta(days=20))
