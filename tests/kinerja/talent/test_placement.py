"""Placements over the database: the regulation's numbering loaded by the migration, an instansi's own numbering,
the facts read in bulk (predikat, assessments, competency match), and the nightly job that tells HR once."""

import datetime

import pytest
from django.utils import timezone

from kinerja.talent import queries, rules, services, tasks
from kinerja.talent.models import TalentBox, TalentPlacement, TalentRule
from kompetensi.competency import services as competency_services
from kompetensi.competency.models import Competency, JobStandard
from portal.models import Notification, Pegawai
from tests.factories import make_jabatan

from .conftest import give

pytestmark = pytest.mark.django_db

# kotak_talenta.csv
REGULATION = {
    ("DI_BAWAH", "RENDAH"): 1, ("SESUAI", "RENDAH"): 2, ("DI_BAWAH", "MENENGAH"): 3, ("DI_ATAS", "RENDAH"): 4,
    ("SESUAI", "MENENGAH"): 5, ("DI_BAWAH", "TINGGI"): 6, ("DI_ATAS", "MENENGAH"): 7, ("SESUAI", "TINGGI"): 8,
    ("DI_ATAS", "TINGGI"): 9,
}  # fmt: skip


def boxes(instansi):
    return dict(TalentPlacement.objects.filter(pegawai__instansi=instansi).values_list("pegawai__nama", "box"))


def test_the_migration_loads_the_regulation_numbering_with_its_actions():
    defaults = {(b.kinerja, b.potensial): b for b in TalentBox.objects.filter(instansi__isnull=True)}
    assert {cell: box.number for cell, box in defaults.items()} == REGULATION
    assert {box.number for box in defaults.values() if box.in_pool} == {7, 8, 9}
    assert defaults[("DI_ATAS", "TINGGI")].as_rule().actions[0] == "Dipromosikan dan dipertahankan"
    assert defaults[("DI_BAWAH", "RENDAH")].as_rule().actions == (
        "Diproses sesuai ketentuan peraturan perundang-undangan",
    )
    rule = TalentRule.objects.get(instansi__isnull=True).as_rule()
    assert (rule.tinggi_min, rule.menengah_min, rule.assessment_weight) == (90, 78, 60)


def test_placements_follow_the_regulation(talent):
    org = talent.org
    assert boxes(org.gorontalo) == {
        "Siti Pegawai": 9, "Ayu Atasan": 8, "Budi Rekan": 5, "Cucu Bawahan": 1, "Darmawan Konten": 9,
        "Kepala BKD": None, "Hartini SDM": None, "Eko Pelatihan": None,
    }  # fmt: skip
    unmapped = TalentPlacement.objects.get(pegawai=org.sdm)
    assert "predikat kinerja tahunan" in unmapped.reason and "asesmen potensi" in unmapped.reason
    evidence = TalentPlacement.objects.get(pegawai=org.pegawai).evidence
    assert evidence["predikat"]["predikat"] == "SANGAT_BAIK" and evidence["assessment"]["score"] == "95.00"


def test_an_instansi_numbers_its_own_way_and_the_other_keeps_the_regulation(talent):
    org = talent.org
    # numbered row by row from the top left of the figure
    rows = [(p, k) for p in ("TINGGI", "MENENGAH", "RENDAH") for k in ("DI_BAWAH", "SESUAI", "DI_ATAS")]
    for index, (potensial, kinerja) in enumerate(rows):
        TalentBox.objects.create(instansi=org.gorontalo, kinerja=kinerja, potensial=potensial, number=index + 1,
                                 recommendations="Tindak lanjut instansi", in_pool=index in (1, 2))  # fmt: skip
    services.recompute_instansi(instansi=org.gorontalo, notify_hr=False)
    services.recompute_instansi(instansi=org.malut, notify_hr=False)
    assert boxes(org.gorontalo)["Siti Pegawai"] == 3 and boxes(org.gorontalo)["Cucu Bawahan"] == 7
    assert boxes(org.malut)["Fadli Malut"] == 9
    gorontalo = queries.rules_of(org.gorontalo.pk)
    assert gorontalo.box(3).kinerja == "DI_ATAS" and gorontalo.box(3).actions == ("Tindak lanjut instansi",)
    assert sorted(gorontalo.pool_cells) == [("DI_ATAS", "TINGGI"), ("SESUAI", "TINGGI")]
    assert queries.rules_of(org.malut.pk).box(3).kinerja == "DI_BAWAH"


def test_thresholds_and_weight_of_an_instansi(talent):
    org = talent.org
    TalentRule.objects.create(instansi=org.gorontalo, tinggi_min=96, menengah_min=60)
    services.recompute_instansi(instansi=org.gorontalo, notify_hr=False)
    assert boxes(org.gorontalo)["Siti Pegawai"] == 7  # 95 is no longer high potential
    assert boxes(org.gorontalo)["Cucu Bawahan"] == 1  # 50 stays low


def test_competency_match_weighs_with_the_assessment(talent):
    org = talent.org
    jabatan = make_jabatan(org.gorontalo, "ANALIS")
    Pegawai.objects.filter(pk=org.rekan.pk).update(jabatan=jabatan)
    competency = Competency.objects.get(code="M.01", instansi=None)
    JobStandard.objects.create(jabatan=jabatan, competency=competency, required_level=4)
    competency_services.record_evidence(
        actor=org.sdm.user, pegawai=org.rekan, competency=competency, source="assessment_center", level=4,
        observed_on=timezone.localdate(),
    )  # 100 % match  # fmt: skip
    services.recompute_instansi(instansi=org.gorontalo, notify_hr=False)
    placement = TalentPlacement.objects.get(pegawai=org.rekan)
    assert placement.score == 88  # 0.6 * 80 + 0.4 * 100
    assert placement.evidence["match_percent"] == "100.00" and placement.potensial == "MENENGAH"


def test_the_facts_cost_a_constant_number_of_queries(talent, django_assert_max_num_queries):
    org = talent.org
    with django_assert_max_num_queries(9):
        found = queries.placements_of(org.gorontalo.pk)
    assert len(found) == 8


def test_nightly_job_tells_hr_once_of_a_changed_box(talent):
    org = talent.org
    assert tasks.recompute_talent() == {"gorontalo": 0, "malut": 0}
    assert not Notification.objects.filter(kind="kinerja.talent_changed").exists()
    give(org.rekan, score=96, on=timezone.localdate() - datetime.timedelta(days=1))
    assert tasks.recompute_talent()["gorontalo"] == 1
    notice = Notification.objects.get(kind="kinerja.talent_changed")
    assert notice.recipient == org.sdm.user and "Budi Rekan" in notice.body and "kotak 8" in notice.body
    assert TalentPlacement.objects.get(pegawai=org.rekan).box == 8
    # idempotent: nothing moved, nobody told again
    assert tasks.recompute_talent()["gorontalo"] == 0
    assert Notification.objects.filter(kind="kinerja.talent_changed").count() == 1
    assert not Notification.objects.filter(kind="kinerja.talent_changed", recipient=org.sdm_malut.user).exists()


def test_a_renumbering_alone_is_no_change_for_hr(talent):
    org = talent.org
    TalentBox.objects.create(instansi=org.gorontalo, kinerja="DI_ATAS", potensial="TINGGI", number=1,
                             recommendations="x", in_pool=True)  # fmt: skip
    result = services.recompute_instansi(instansi=org.gorontalo)
    assert result["changed"] == [] and TalentPlacement.objects.get(pegawai=org.pegawai).box == 1
    assert rules.numbering_problems(queries.rules_of(org.gorontalo.pk).numbering) == [
        "Nomor kotak dipakai lebih dari sekali: 1."
    ]


def test_who_leaves_leaves_the_grid(talent):
    org = talent.org
    Pegawai.objects.filter(pk=org.cucu.pk).update(is_active=False)
    tasks.recompute_talent()
    assert not TalentPlacement.objects.filter(pegawai=org.cucu).exists()


def test_the_nightly_job_is_on_the_beat_schedule():
    from portal.beat import schedule_dict

    assert schedule_dict()["kinerja-talent-nightly"]["task"] == "kinerja.talent.tasks.recompute_talent"
