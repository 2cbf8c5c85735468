import pytest

from kinerja.career import demo as career_demo
from kinerja.career import queries as career_queries
from kinerja.career import rules as career_rules
from kinerja.decisions import services
from portal.models import Pangkat, Pegawai


def qualify(person, *, predikat=("BAIK", "SANGAT_BAIK")):
    """Give `person` the facts of a PNS who qualifies for the next promotion date, with final annual results."""
    period_date = career_queries.next_period(career_queries.rules_of(person.instansi_id))
    Pegawai.objects.filter(pk=person.pk).update(
        tmt_pangkat=career_rules.add_years(period_date, -5), pendidikan="S1",
        pangkat=Pangkat.objects.get(golongan_ruang="III/a"),
    )  # fmt: skip
    person.refresh_from_db()
    for year, value in zip((period_date.year - 1, period_date.year - 2), predikat, strict=True):
        career_demo._annual(person, career_demo._past_period(person.instansi, year), value)
    return period_date


@pytest.fixture
def draft(org):
    qualify(org.pegawai)
    return services.create_draft(
        actor=org.sdm.user, pegawai=org.pegawai, kind="kenaikan_pangkat", title="Kenaikan pangkat ke III/b",
        rationale="Memenuhi seluruh syarat kenaikan pangkat reguler.",
    )  # fmt: skip
