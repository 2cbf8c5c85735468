"""Capacity under many simultaneous enrolments: PostgreSQL row locks keep the session from overbooking."""

import os
import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from kompetensi import services
from kompetensi.models import Enrolment, TrainingSession
from tests.factories import make_pegawai

from .conftest import make_catalog, make_course, make_session


def _need_postgres():
    if connection.vendor != "postgresql":
        if os.environ.get("CI"):
            pytest.fail("this test needs PostgreSQL (set DATABASE_URL)")
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://...")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_capacity_holds_under_concurrent_enrolment(org):
    _need_postgres()
    catalog = make_catalog(org.gorontalo)
    course = make_course(catalog, "Kelas Rebutan")
    session = make_session(course, start_in=timedelta(days=5), capacity=10)
    people = [make_pegawai(org.gorontalo, org.bidang, nama=f"Peserta {n}") for n in range(40)]
    barrier = threading.Barrier(len(people))
    errors = []

    def enrol(pegawai):
        try:
            barrier.wait()
            services.enrol(pegawai.user, pegawai, session.pk)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=enrol, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = list(Enrolment.objects.filter(session=session).values_list("status", flat=True))
    assert statuses.count("confirmed") == 10
    assert statuses.count("waitlisted") == 30
    assert TrainingSession.objects.get(pk=session.pk).seats_taken == 10
