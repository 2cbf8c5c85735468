"""One mechanism for a regulation default that an instansi may override, with one lookup."""

import pytest

from kompetensi.models import BentukPengembangan, KonversiJP, TargetJP
from portal import rule_tables
from portal.models import Pegawai

pytestmark = pytest.mark.django_db


def test_own_row_wins_else_default_else_none(org):
    assert rule_tables.rule_for(TargetJP, org.gorontalo.pk, status="PNS").target == 20  # the regulation default
    TargetJP.objects.create(status="PNS", instansi=org.gorontalo, target=32)
    assert rule_tables.rule_for(TargetJP, org.gorontalo.pk, status="PNS").target == 32
    assert rule_tables.rule_for(TargetJP, org.malut.pk, status="PNS").target == 20
    assert rule_tables.rule_for(TargetJP, None, status="PNS").target == 20
    TargetJP.objects.filter(instansi__isnull=True, status="PNS").delete()
    assert rule_tables.rule_for(TargetJP, org.malut.pk, status="PNS") is None


def test_a_rule_needs_its_whole_key():
    with pytest.raises(TypeError, match="status"):
        rule_tables.rule_for(TargetJP, None)


def test_rules_for_gives_every_rule_in_force_for_an_instansi(org):
    seminar = BentukPengembangan.objects.get(code="seminar")
    KonversiJP.objects.create(instansi=org.gorontalo, bentuk=seminar, unit="hari", jp_per_unit=6)
    gorontalo = rule_tables.rules_for(KonversiJP, org.gorontalo.pk)
    malut = rule_tables.rules_for(KonversiJP, org.malut.pk)
    assert gorontalo[(seminar.pk,)].jp_per_unit == 6 and malut[(seminar.pk,)].jp_per_unit == 4
    assert len(gorontalo) == len(malut) == KonversiJP.objects.filter(instansi__isnull=True).count()


def test_rule_value_measures_each_row_against_its_own_instansi(org, django_assert_max_num_queries):
    TargetJP.objects.create(status="PNS", instansi=org.malut, target=40)
    with django_assert_max_num_queries(1):
        targets = dict(
            Pegawai.objects.annotate(
                target=rule_tables.rule_value(TargetJP, "target", instansi="instansi_id", status="status")
            ).values_list("nip", "target")
        )
    assert targets[org.pegawai.nip] == 20 and targets[org.pegawai_malut.nip] == 40
