"""Fixtures of the insight package: on the competency fixtures' standard (Analis SDM: M.01 3, M.03 3, M.04 3,
T.SDM.01 4), `pegawai` short in M.03 (level 1), M.04 (2) and T.SDM.01 (none), `rekan` meeting it all; courses
targeting those competencies, each with a session open for enrolment."""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from kompetensi.competency import services as competency_services
from kompetensi.models import CourseCompetency

from ..competency.conftest import dictionary  # noqa: F401
from ..conftest import forget_cached_identity, make_catalog, make_course, make_session


def assess(org, pegawai, competency, level):
    return competency_services.record_evidence(
        actor=org.sdm.user, pegawai=pegawai, competency=competency, source="assessment_center", level=level,
        observed_on=timezone.localdate(),
    )  # fmt: skip


def target(course, *, level, competency=None, code=""):
    """A course target: linked to the dictionary, or (as older courses) by its code only."""
    CourseCompetency.objects.create(
        course=course, competency=competency, code=code, name=competency.name if competency else code, level=level
    )


@pytest.fixture
def levels(org, dictionary):  # noqa: F811
    national = dictionary.national
    org.rekan.jabatan = dictionary.jabatan
    org.rekan.save(update_fields=["jabatan"])
    for competency, level in [(national["M.01"], 3), (national["M.03"], 1), (national["M.04"], 2)]:
        assess(org, org.pegawai, competency, level)
    for competency in (national["M.01"], national["M.03"], national["M.04"]):
        assess(org, org.rekan, competency, 3)
    assess(org, org.rekan, dictionary.teknis, 4)
    forget_cached_identity(org)
    return dictionary


@pytest.fixture
def courses(org, levels):
    """komunikasi (M.03 by code, level 2: closes the gap of 2), kinerja (M.04 linked, level 3: gap of 1),
    integritas (M.01 level 4: no gap of mine), dasar (M.04 level 2: not above my level), tertutup (M.03 but its
    only session closed)."""
    national = levels.national
    catalog = make_catalog(org.gorontalo)
    found = SimpleNamespace(catalog=catalog)
    for name, kwargs in [
        ("komunikasi", {"code": "m.03", "level": 2}),
        ("kinerja", {"competency": national["M.04"], "level": 3}),
        ("integritas", {"competency": national["M.01"], "level": 4}),
        ("dasar", {"competency": national["M.04"], "level": 2}),
        ("tertutup", {"competency": national["M.03"], "level": 3}),
    ]:
        course = make_course(catalog, f"Kursus {name.title()}")
        target(course, **kwargs)
        now = timezone.now()
        if name == "tertutup":
            session = make_session(course, enrol_closes_at=now - timezone.timedelta(hours=1))
        else:
            session = make_session(course)
        setattr(found, name, course)
        setattr(found, f"{name}_session", session)
    return found
