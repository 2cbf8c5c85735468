"""Capacity under many simultaneous enrolments, cancellations and double clicks, on PostgreSQL: the conditional
UPDATE of the seat counter keeps the session from overbooking, and the counter equals the seat holders."""

import logging
import os
import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from kompetensi import rules, services
from kompetensi.models import Enrolment, TrainingSession
from tests.factories import make_pegawai

from .conftest import make_catalog, make_course, make_session


def _need_postgres():
    if connection.vendor != "postgresql":
        if os.environ.get("CI"):
            pytest.fail("this test needs PostgreSQL (set DATABASE_URL)")
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://...")


def run_at_once(calls):
    """Run every call in its own thread (its own connection), all released together; returns the errors, those
    of the work queued for after the commit (logged, not raised: the enrolment is saved by then) included."""
    barrier = threading.Barrier(len(calls))
    errors = []
    logged = Collect()
    on_commit_log = logging.getLogger("django.db.backends.base")
    on_commit_log.addHandler(logged)

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    on_commit_log.removeHandler(logged)
    return errors + [f"{record.getMessage()} {record.exc_info[1]!r}" for record in logged.records]


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def seats(session):
    session = TrainingSession.objects.get(pk=session.pk)
    statuses = list(Enrolment.objects.filter(session=session).values_list("status", flat=True))
    held = sum(status in rules.SEAT_STATES for status in statuses)
    return session, statuses, held


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("clients", "capacity"), [(40, 10), (60, 59), (30, 30)])
def test_capacity_holds_under_concurrent_enrolment(org, clients, capacity):
    _need_postgres()
    catalog = make_catalog(org.gorontalo)
    course = make_course(catalog, "Kelas Rebutan")
    session = make_session(course, start_in=timedelta(days=5), capacity=capacity)
    people = [make_pegawai(org.gorontalo, org.bidang, nama=f"Peserta {n}") for n in range(clients)]
    errors = run_at_once([lambda p=p: services.enrol(p.user, p, session.pk) for p in people])
    assert errors == []
    session, statuses, held = seats(session)
    assert statuses.count("confirmed") == capacity
    assert statuses.count("waitlisted") == clients - capacity
    assert session.seats_taken == held == capacity


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_cancellations_racing_new_enrolments_leave_no_seat_free_while_someone_waits(org):
    """Cancellations free seats while newcomers are being waitlisted: whichever commits last promotes the other's
    waiting person, so no seat stays empty while the waitlist is not."""
    _need_postgres()
    catalog = make_catalog(org.gorontalo)
    course = make_course(catalog, "Kelas Rebutan")
    session = make_session(course, start_in=timedelta(days=5), capacity=10)
    first = [make_pegawai(org.gorontalo, org.bidang, nama=f"Awal {n}") for n in range(14)]
    enrolled = [services.enrol(p.user, p, session.pk) for p in first]  # 10 confirmed, 4 waiting
    newcomers = [make_pegawai(org.gorontalo, org.bidang, nama=f"Baru {n}") for n in range(20)]
    leaving = [e for e in enrolled if e.status == "confirmed"][:6]
    calls = [lambda e=e: services.cancel(e.pegawai.user, e.pk, "Ada tugas") for e in leaving]
    calls += [lambda p=p: services.enrol(p.user, p, session.pk) for p in newcomers]
    assert run_at_once(calls) == []
    session, statuses, held = seats(session)
    assert statuses.count("cancelled") == 6
    assert session.seats_taken == held == 10  # more people still want a seat than there are: all are taken
    assert statuses.count("waitlisted") == 18  # 34 asked, 6 left, 10 seated


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_click_enrols_once_and_takes_one_seat(org):
    _need_postgres()
    catalog = make_catalog(org.gorontalo)
    course = make_course(catalog, "Kelas Rebutan")
    session = make_session(course, start_in=timedelta(days=5), capacity=5)
    pegawai = org.pegawai
    errors = run_at_once([lambda: services.enrol(pegawai.user, pegawai, session.pk) for _ in range(8)])
    assert len(errors) == 7
    assert all(isinstance(error, ValidationError) and "sudah terdaftar" in error.messages[0] for error in errors)
    session, statuses, held = seats(session)
    assert statuses == ["confirmed"] and session.seats_taken == held == 1
