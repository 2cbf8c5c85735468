"""Fixtures of the training module: a catalogue per instansi, courses and sessions built around `org`."""

import itertools
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from home.demo import ensure_home_page
from kompetensi import services
from kompetensi.models import BentukPengembangan, CoursePage, TrainingCatalogPage, TrainingSession
from portal.roles import forget_cached_groups

_seq = itertools.count(1)


def make_catalog(instansi):
    home = ensure_home_page(instansi)
    existing = TrainingCatalogPage.objects.child_of(home).first()
    if existing:
        return existing
    catalog = TrainingCatalogPage(title="Katalog Pelatihan", slug="pelatihan")
    home.add_child(instance=catalog)
    catalog.save_revision().publish()
    return catalog


def make_course(catalog, title=None, bentuk="pelatihan_teknis", **fields):
    n = next(_seq)
    course = CoursePage(
        title=title or f"Kursus Uji {n}",
        slug=f"kursus-uji-{n}",
        provider=fields.pop("provider", "BKD"),
        jp=fields.pop("jp", 8),
        bentuk=BentukPengembangan.objects.get(code=bentuk),
        requires_approval=fields.pop("requires_approval", False),
        **fields,
    )
    catalog.add_child(instance=course)
    course.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def make_session(course, start_in=timedelta(days=10), days=2, capacity=10, **fields):
    now = timezone.now()
    start = now + start_in
    return TrainingSession.objects.create(
        course=course,
        instansi_id=course.instansi_id,
        name=fields.pop("name", f"Angkatan {next(_seq)}"),
        start_at=start,
        end_at=fields.pop("end_at", start + timedelta(days=days - 1, hours=8)),
        place=fields.pop("place", "Aula BKD"),
        capacity=capacity,
        enrol_opens_at=fields.pop("enrol_opens_at", now - timedelta(days=5)),
        enrol_closes_at=fields.pop("enrol_closes_at", start - timedelta(hours=1)),
        **fields,
    )


# A fixed start far ahead, so times read the same whenever the tests run: 09:30 WITA (Gorontalo), 10:30 WIT (Malut).
FIXED_START = datetime(2030, 3, 4, 1, 30, tzinfo=UTC)


def make_fixed_session(course, **fields):
    """A session at FIXED_START lasting a day and six hours."""
    return make_session(
        course,
        start_in=FIXED_START - timezone.now(),
        end_at=FIXED_START + timedelta(days=1, hours=6),
        **fields,
    )


def forget_cached_identity(org):
    """portal.scoping caches the user's pegawai and roles on the user object; signals that run while the
    fixtures are being built (before the Pegawai row exists) can leave a stale None behind."""
    for value in vars(org).values():
        user = getattr(value, "user", value)
        forget_cached_groups(user)
        user.__dict__.pop("_lentera_page_privacy", None)


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()  # cached catalogue facets must not outlive the test that built the catalogue


@pytest.fixture
def training(org):
    forget_cached_identity(org)
    catalog = make_catalog(org.gorontalo)
    course = make_course(catalog, "Pelayanan Publik Prima", jp=12)
    approval_course = make_course(
        catalog, "Kepemimpinan Pengawas", bentuk="pelatihan_kepemimpinan", requires_approval=True, jp=20
    )
    session = make_session(course, capacity=2)
    approval_session = make_session(approval_course, start_in=timedelta(days=30), capacity=5)
    return SimpleNamespace(
        catalog=catalog, course=course, approval_course=approval_course, session=session,
        approval_session=approval_session,
    )  # fmt: skip


@pytest.fixture
def malut_catalog(org):
    return make_catalog(org.malut)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`committed(service, *args)` calls a service as if its transaction had committed, so the work it queues for
    after the commit (notifications and their emails) runs too: a test's own transaction never commits."""

    def run(service, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(*args, **kwargs)

    return run


def running_session(org, training, people, course=None, **fields):
    """A session of `course` (the training fixture's by default) that started three hours ago, with `people`
    enrolled and present on its first day: ready for results."""
    session = make_session(course or training.course, start_in=timedelta(days=1), capacity=10, **fields)
    enrolments = [services.enrol(p.user, p, session.pk) for p in people]
    start = timezone.now() - timedelta(hours=3)
    TrainingSession.objects.filter(pk=session.pk).update(
        start_at=start,
        end_at=start + timedelta(hours=8),
        enrol_opens_at=start - timedelta(days=2),
        enrol_closes_at=start,
    )
    session.refresh_from_db()
    services.mark_attendance(
        org.pelatihan.user, session.pk, services.session_days(session)[0], [e.pk for e in enrolments]
    )
    return session, enrolments
