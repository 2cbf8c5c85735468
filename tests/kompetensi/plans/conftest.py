"""Fixtures of development plans: `org.pegawai` with a standard (from the competency fixtures), confirmed levels
that leave gaps, and a catalogue session of Gorontalo in the plan's year."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from kompetensi.competency import services as competency_services
from kompetensi.models import Evidence
from kompetensi.plans import services
from kompetensi.services.session_time import local_time

from ..competency.conftest import dictionary  # noqa: F401
from ..conftest import forget_cached_identity, make_catalog, make_course, make_session


def give_level(org, pegawai, competency, level):
    return competency_services.record_evidence(
        actor=org.sdm.user, pegawai=pegawai, competency=competency, source=Evidence.Source.ASSESSMENT_CENTER,
        level=level, observed_on=timezone.localdate() - timedelta(days=30),
    )  # fmt: skip


@pytest.fixture
def gaps(org, dictionary):  # noqa: F811
    """org.pegawai: M.01 at 2 of 3, M.03 at 3 of 3, M.04 missing (0 of 3), the technical one at 1 of 4."""
    give_level(org, org.pegawai, dictionary.national["M.01"], 2)
    give_level(org, org.pegawai, dictionary.national["M.03"], 3)
    give_level(org, org.pegawai, dictionary.teknis, 1)
    forget_cached_identity(org)
    return dictionary


@pytest.fixture
def catalogue(org):
    catalog = make_catalog(org.gorontalo)
    course = make_course(catalog, "Komunikasi Efektif", jp=12)
    # a day ahead: the same year as the plan whenever the tests run (but on 31 December, see `year`)
    session = make_session(course, start_in=timedelta(hours=2), days=1, capacity=5)
    malut_course = make_course(make_catalog(org.malut), "Kursus Malut", jp=8)
    malut_session = make_session(malut_course, start_in=timedelta(hours=2), days=1)
    year = local_time(session.start_at, session).year
    return SimpleNamespace(course=course, session=session, malut_session=malut_session, year=year)


@pytest.fixture
def plan(org, gaps, catalogue):
    """A draft of org.pegawai with a goal on the technical gap and two activities (the session, external)."""
    plan = services.start_plan(actor=org.pegawai.user, year=catalogue.year)
    goal = services.add_goal(actor=org.pegawai.user, plan=plan, competency=gaps.teknis, target_level=3)
    services.add_activity(
        actor=org.pegawai.user, plan=plan, kind="session", session=catalogue.session, goal=goal,
        planned_jp=None, planned_month=None,
    )  # fmt: skip
    services.add_activity(
        actor=org.pegawai.user, plan=plan, kind="external", title="Webinar manajemen ASN", planned_jp=6,
        planned_month=11, goal=goal,
    )  # fmt: skip
    plan.refresh_from_db()
    return plan


def submitted(org, plan):
    return services.submit_plan(actor=org.pegawai.user, plan=plan)


def approved(org, plan):
    submitted(org, plan)
    return services.approve_plan(actor=org.atasan.user, plan=plan)
