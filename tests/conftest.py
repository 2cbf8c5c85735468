"""Shared fixtures: two instansi (Gorontalo, WITA, and Maluku Utara, WIT) with a small organisation each.

gorontalo: sdm (Admin SDM), pimpinan (Pimpinan), atasan with reports pegawai + rekan, cucu under pegawai,
           konten (Admin Konten), pelatihan (Penyelenggara Pelatihan)
malut:     sdm_malut (Admin SDM), pegawai_malut
superadmin: a Django superuser with no pegawai
"""

import os
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from portal import roles

from .factories import PASSWORD, make_instansi, make_pegawai, make_unit

if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    # mark the run so tests that need PostgreSQL know they have it
    os.environ.setdefault("LENTERA_TEST_POSTGRES", "1")


@pytest.fixture(autouse=True)
def _fresh_frames():
    """The per-user frames live in the cache, which outlives each test's database: a new shared token per test
    keeps one test's users (whose ids the next test may reuse) from answering for another's."""
    from portal import frame

    frame.forget_shared()


@pytest.fixture
def org(db):
    gorontalo = make_instansi("gorontalo", "Pemerintah Provinsi Gorontalo", "Asia/Makassar")
    malut = make_instansi("malut", "Pemerintah Provinsi Maluku Utara", "Asia/Jayapura")
    bkd = make_unit(gorontalo, "BKD", "Badan Kepegawaian Daerah")
    bidang = make_unit(gorontalo, "BKD-PK", "Bidang Pengembangan Kompetensi", parent=bkd)
    kominfo = make_unit(gorontalo, "KOMINFO", "Dinas Kominfo")
    malut_unit = make_unit(malut, "BKD", "BKD Maluku Utara")

    pimpinan = make_pegawai(gorontalo, bkd, roles_=[roles.PIMPINAN], username="pimpinan", nama="Kepala BKD")
    atasan = make_pegawai(gorontalo, bidang, atasan=pimpinan, username="atasan", nama="Ayu Atasan")
    pegawai = make_pegawai(gorontalo, bidang, atasan=atasan, username="pegawai", nama="Siti Pegawai")
    rekan = make_pegawai(gorontalo, bidang, atasan=atasan, username="rekan", nama="Budi Rekan")
    cucu = make_pegawai(gorontalo, bidang, atasan=pegawai, username="cucu", nama="Cucu Bawahan")
    sdm = make_pegawai(gorontalo, bkd, roles_=[roles.ADMIN_SDM], username="sdm", nama="Hartini SDM")
    konten = make_pegawai(gorontalo, kominfo, roles_=[roles.ADMIN_KONTEN], username="konten", nama="Darmawan Konten")
    pelatihan = make_pegawai(
        gorontalo, bidang, roles_=[roles.PENYELENGGARA], username="pelatihan", nama="Eko Pelatihan"
    )
    sdm_malut = make_pegawai(malut, malut_unit, roles_=[roles.ADMIN_SDM], username="sdm_malut", nama="Muhammad SDM")
    pegawai_malut = make_pegawai(malut, malut_unit, username="pegawai_malut", nama="Fadli Malut")
    superadmin = get_user_model().objects.create_superuser("superadmin", "super@uji.go.id", PASSWORD)
    return SimpleNamespace(
        gorontalo=gorontalo, malut=malut, bkd=bkd, bidang=bidang, kominfo=kominfo, malut_unit=malut_unit,
        pimpinan=pimpinan, atasan=atasan, pegawai=pegawai, rekan=rekan, cucu=cucu, sdm=sdm, konten=konten,
        pelatihan=pelatihan, sdm_malut=sdm_malut, pegawai_malut=pegawai_malut, superadmin=superadmin,
    )  # fmt: skip


@pytest.fixture
def login(client):
    """`login(user_or_pegawai)` logs the test client in and returns it."""

    def _login(who):
        user = getattr(who, "user", who)
        client.force_login(user)
        return client

    return _login


def pytest_collection_modifyitems(config, items):
    """Tests with a real Celery worker (the `worker` fixture, or their own workers on a `worker_queue`) run in one
    process of `pytest -n` (--dist loadgroup): their workers also listen on the default queue, where one process's
    worker would take another's tasks (and run them against the other process's test database).

    Every transactional test restores the database it found (serialized rollback).

    A plain transactional test ends with a flush that also re-runs post_migrate, which recreates the role groups
    under new ids and drops what data migrations loaded (ranks, Wagtail's root page and site); the tests after
    it would then run on a different database than the rest of the suite."""
    for item in items:
        if {"worker", "worker_queue"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("celery-worker"))
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(pytest.mark.django_db(**{**marker.kwargs, "serialized_rollback": True}), append=False)
