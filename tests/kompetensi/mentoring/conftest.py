"""Fixtures of mentoring: a programme of Gorontalo set up by its HR, with `atasan` mentoring `pegawai` towards two
national competencies; `log(pair, day)` logs a session as the pair's mentor."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from kompetensi.mentoring import services
from kompetensi.models import Competency, MentoringProgramme

from ..conftest import forget_cached_identity, make_catalog, make_course, make_session, running_session  # noqa: F401


def make_programme(instansi, actor, days_back=400, days_ahead=60, name="Program Mentoring Uji"):
    today = timezone.localdate()
    programme = MentoringProgramme(
        instansi=instansi, name=name, start_date=today - timedelta(days=days_back),
        end_date=today + timedelta(days=days_ahead),
    )  # fmt: skip
    return services.save_programme(actor=actor.user, programme=programme)


def log(pair, day, minutes=90, topics="Rencana kerja", actions="Menyusun draf"):
    return services.log_session(
        actor=pair.mentor.user, pair=pair, held_on=day, duration_minutes=minutes, topics=topics, actions=actions
    )


@pytest.fixture
def mentoring(org):
    forget_cached_identity(org)
    national = {c.code: c for c in Competency.objects.filter(instansi__isnull=True)}
    programme = make_programme(org.gorontalo, org.sdm)
    pair = services.pair_up(
        actor=org.sdm.user, programme=programme, mentor=org.atasan, mentee=org.pegawai,
        goals="Mampu memimpin rapat koordinasi", targets=[(national["M.06"], 3), (national["M.03"], 2)],
    )  # fmt: skip
    malut_programme = make_programme(org.malut, org.sdm_malut, name="Program Malut")
    return SimpleNamespace(programme=programme, pair=pair, national=national, malut_programme=malut_programme)
