"""Fixtures of the competency package: the national dictionary (loaded by migration) and a standard for the
position of `org.pegawai`."""

from types import SimpleNamespace

import pytest

from kompetensi.models import Competency, JobStandard
from tests.factories import make_jabatan

from ..conftest import forget_cached_identity, make_catalog, make_course, make_session, running_session  # noqa: F401


@pytest.fixture
def dictionary(org):
    forget_cached_identity(org)
    national = {c.code: c for c in Competency.objects.filter(instansi__isnull=True)}
    teknis = Competency.objects.create(
        instansi=org.gorontalo, group=Competency.Group.TEKNIS, code="T.SDM.01", name="Manajemen ASN"
    )
    teknis_malut = Competency.objects.create(
        instansi=org.malut, group=Competency.Group.TEKNIS, code="T.SDM.01", name="Manajemen ASN (Malut)"
    )
    analis = make_jabatan(org.gorontalo, "ANALIS", "fungsional", "Analis SDM Aparatur Ahli Muda")
    org.pegawai.jabatan = analis
    org.pegawai.save(update_fields=["jabatan"])
    standards = {
        national["M.01"]: 3,
        national["M.03"]: 3,
        national["M.04"]: 3,
        teknis: 4,
    }
    for competency, level in standards.items():
        JobStandard.objects.create(jabatan=analis, competency=competency, required_level=level)
    return SimpleNamespace(national=national, teknis=teknis, teknis_malut=teknis_malut, jabatan=analis)
