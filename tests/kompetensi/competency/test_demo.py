"""The competency demo: standards by kind of position, profiles from assessments in all three bands, the journey
employee's history and waiting claims, idempotent, and profile rows equal to what the services derive."""

import time
from collections import Counter

import pytest
from django.utils import timezone

from kompetensi.competency import demo, queries, rules
from kompetensi.competency.models import Competency, CompetencyProfile, Evidence, JobStandard
from kompetensi.demo import load_competency, load_training
from portal.models import Jabatan
from tests.factories import make_jabatan, make_pegawai

from ..conftest import forget_cached_identity

KINDS = [
    ("JPT-MADYA", "jpt", "Madya"), ("KEPALA", "jpt", "Pratama"), ("KABID", "administrator", ""),
    ("KASUBAG", "pengawas", ""), ("PENGADM", "pelaksana", ""), ("ANALIS", "fungsional", "Ahli Muda"),
    ("PERAWAT", "fungsional", "Terampil"),
]  # fmt: skip


@pytest.fixture
def staffed(org):
    """Gorontalo's fixture people get positions of every kind, plus twenty more employees; the fixture employee
    becomes the demo's journey employee."""
    positions = []
    for code, kind, jenjang in KINDS:
        jabatan = make_jabatan(org.gorontalo, code, kind, f"Jabatan {code}")
        Jabatan.objects.filter(pk=jabatan.pk).update(jenjang=jenjang)
        positions.append(Jabatan.objects.get(pk=jabatan.pk))
    for n, pegawai in enumerate([org.pimpinan, org.atasan, org.rekan, org.cucu, org.sdm, org.konten, org.pelatihan]):
        pegawai.jabatan = positions[n % len(positions)]
        pegawai.save(update_fields=["jabatan"])
    org.pegawai.jabatan = positions[5]  # an analyst, Ahli Muda
    org.pegawai.save(update_fields=["jabatan"])
    org.pegawai.user.username = "pegawai.gorontalo"
    org.pegawai.user.save(update_fields=["username"])
    for n in range(20):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=positions[n % len(positions)])
    forget_cached_identity(org)
    return {jabatan.code: jabatan for jabatan in positions}


def _snapshot():
    return (Competency.objects.count(), JobStandard.objects.count(), Evidence.objects.count(),
            CompetencyProfile.objects.count())  # fmt: skip


def test_the_demo_is_fast_idempotent_and_covers_every_band(org, staffed):
    started = time.perf_counter()
    demo.load_all(timezone.localdate())
    assert time.perf_counter() - started < 10
    counts = _snapshot()
    demo.load_all(timezone.localdate())
    assert _snapshot() == counts

    # one or two technical competencies of the instansi's own, and a standard for every position
    own = Competency.objects.filter(instansi=org.gorontalo, group="teknis")
    assert 1 <= own.count() <= 2
    for code, jabatan in staffed.items():
        standard = JobStandard.objects.filter(jabatan=jabatan)
        managerial = standard.filter(competency__group="manajerial").count()
        assert 3 <= managerial <= 6, code
        assert standard.filter(competency__code="SK.01").exists() and standard.filter(competency__in=own).exists()

    people = list(org.gorontalo.pegawai.select_related("jabatan", "instansi"))
    bands = Counter(p.band.code if p.band else None for p in queries.profiles_of(people).values())
    assert {"optimal", "cukup_optimal", "kurang_optimal"} <= set(bands), bands


@pytest.mark.parametrize(
    ("code", "competency", "level"),
    [("JPT-MADYA", "M.01", 5), ("JPT-MADYA", "M.02", 4), ("KEPALA", "M.08", 4), ("KABID", "M.01", 4),
     ("KABID", "M.02", 3), ("KASUBAG", "M.05", 3), ("PENGADM", "M.01", 2), ("ANALIS", "M.03", 3),
     ("PERAWAT", "M.03", 2)],
)  # fmt: skip
def test_required_levels_by_kind_of_position(org, staffed, code, competency, level):
    assert demo.required_level(staffed[code], competency) == level
    demo.load_all(timezone.localdate())
    assert JobStandard.objects.get(jabatan=staffed[code], competency__code=competency).required_level == level


def test_profile_rows_equal_what_the_services_derive(org, staffed):
    demo.load_all(timezone.localdate())
    pairs = set(Evidence.objects.values_list("pegawai_id", "competency_id"))
    assert len(pairs) > 50
    derived = {}
    for pegawai_id, competency_id in pairs:
        entry = rules.confirmed_entry(queries.ledger_entries(pegawai_id, competency_id))
        if entry is not None:
            derived[(pegawai_id, competency_id)] = (entry.level, entry.pk)
    stored = {
        (row.pegawai_id, row.competency_id): (row.level, row.evidence_id) for row in CompetencyProfile.objects.all()
    }
    assert stored == derived


def test_the_journey_employee_has_history_and_claims_waiting(org, staffed):
    demo.load_all(timezone.localdate())
    profile = queries.profile_of(org.pegawai)
    assert sorted(row.gap for row in profile.rows if row.gap)[-1] == 2  # gaps of more than one size
    waiting = list(queries.pending_reviews(org.atasan.user).filter(pegawai=org.pegawai))
    assert [(e.source, e.competency.group) for e in waiting] == [("self", "teknis")]
    history = list(queries.history(org.pegawai))
    assert any(e.source == "review" and e.decision == "confirmed" for e in history)
    assert any(e.is_superseded for e in history)


def test_the_journey_employee_completes_a_course_whose_claim_waits(org, staffed):
    load_training()
    load_competency()
    claims = queries.pending_reviews(org.atasan.user).filter(pegawai=org.pegawai)
    assert {e.source for e in claims} == {"course", "self"}
    course_claim = claims.get(source="course")
    assert course_claim.competency.code == "M.03" and course_claim.level == 2
    counts = _snapshot()
    load_competency()
    assert _snapshot() == counts
