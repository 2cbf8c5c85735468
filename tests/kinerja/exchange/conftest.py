"""Fixtures of the exchange with SIASN: the SKP chain of Gorontalo with the annual evaluations opened and the
employee's finalised, Maluku Utara's own result, and ledger entries of every kind of training."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from kinerja.evaluation import services as evaluation_services
from kinerja.models import Evaluation
from kinerja.skp import services as skp_services
from kompetensi.models import BentukPengembangan, Certificate, Enrolment, ExternalLearning, JPEntry
from tests.kinerja.conftest import approved_skp
from tests.kompetensi.conftest import forget_cached_identity, make_catalog, make_course, make_session

UTC = datetime.UTC


def annual_of(skp):
    return skp.evaluations.get(kind=Evaluation.Kind.ANNUAL)


@pytest.fixture
def results(org, chain):
    """Annual evaluations of the chain's SKP: the employee's final (Sesuai x Di Atas = Baik), the others open;
    Maluku Utara's HR has an employee with a final result of their own."""
    evaluation_services.open_evaluations(actor=org.sdm.user, period=chain.bottom.period)
    final = annual_of(chain.bottom)
    evaluation_services.rate(actor=org.atasan.user, evaluation=final, rating_hasil_kerja="SESUAI",
                             rating_perilaku_kerja="DI_ATAS", reason="Sesuai rencana")  # fmt: skip
    evaluation_services.finalise(actor=org.atasan.user, evaluation=final)
    forget_cached_identity(org)
    malut_period = skp_services.open_period(actor=org.sdm_malut.user, instansi=org.malut,
                                            year=timezone.localdate().year)  # fmt: skip
    malut_skp, _rhk = approved_skp(org.pegawai_malut, malut_period, text="RHK Maluku Utara")
    forget_cached_identity(org)
    return SimpleNamespace(final=final, period=chain.bottom.period, malut_period=malut_period, malut_skp=malut_skp)


def _day(year, month, day, hour=1):
    return datetime.datetime(year, month, day, hour, 30, tzinfo=UTC)


def completed_course(pegawai, *, title="Pelayanan Publik Prima", year=2025, jp=12, certificate=True):
    """A course the employee completed on 3-4 March of `year` (09:30 WITA), with its JP entry and certificate."""
    course = make_course(make_catalog(pegawai.instansi), title, jp=jp, provider="BPSDM Provinsi")
    start = _day(year, 3, 3)
    session = make_session(course, start_in=start - timezone.now(), end_at=start + datetime.timedelta(days=1, hours=6),
                           enrol_opens_at=start - datetime.timedelta(days=30),
                           enrol_closes_at=start - datetime.timedelta(days=1))  # fmt: skip
    enrolment = Enrolment.objects.create(session=session, pegawai=pegawai, status=Enrolment.Status.COMPLETED)
    code = Certificate.objects.create(enrolment=enrolment).code if certificate else ""
    entry = JPEntry.objects.create(pegawai=pegawai, year=year, day=datetime.date(year, 3, 4), jp=jp,
                                   source=JPEntry.Source.COURSE, title=title, enrolment=enrolment)  # fmt: skip
    return entry, code


def approved_external(pegawai, *, year=2025, jp=6):
    external = ExternalLearning(
        pegawai=pegawai, bentuk=BentukPengembangan.objects.get(code="seminar"), title="Seminar Kearsipan Nasional",
        organiser="ANRI", start_date=datetime.date(year, 5, 20), end_date=datetime.date(year, 5, 21), units=2,
        jp_claimed=jp, jp_approved=jp, status=ExternalLearning.Status.APPROVED,
    )  # fmt: skip
    external.evidence.save("bukti.pdf", ContentFile(b"%PDF-1.4"), save=False)
    external.save()
    return JPEntry.objects.create(pegawai=pegawai, year=year, day=external.end_date, jp=jp,
                                  source=JPEntry.Source.EXTERNAL, title=external.title, external=external)  # fmt: skip
