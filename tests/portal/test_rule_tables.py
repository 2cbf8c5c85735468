"""One mechanism for a regulation default that an instansi may override, with one lookup."""

import pytest

from kompetensi.models import BentukPengembangan, KonversiJP, TargetJP
from portal import rule_tables
from portal.models import Pegawai
from tests.factories import make_pegawai

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


def test_rule_case_gives_what_rule_value_gives_in_one_query_for_the_rules(org, django_assert_max_num_queries):
    TargetJP.objects.create(status="PNS", instansi=org.malut, target=40)
    TargetJP.objects.create(status="PPPK", instansi=org.gorontalo, target=12)
    make_pegawai(org.gorontalo, org.bidang, status="PPPK")
    make_pegawai(org.malut, org.malut_unit, status="PPPK")

    def targets(expression):
        return dict(Pegawai.objects.annotate(target=expression).values_list("nip", "target"))

    expected = targets(rule_tables.rule_value(TargetJP, "target", instansi="instansi_id", status="status"))
    with django_assert_max_num_queries(2):  # the rules, then the listing
        assert targets(rule_tables.rule_case(TargetJP, "target", instansi="instansi_id", status="status")) == expected
    assert set(expected.values()) == {20, 40, 12, 24}
    # only Gorontalo's rules asked for: its rows still get them, Maluku Utara's fall back to the defaults
    gorontalo = targets(
        rule_tables.rule_case(
            TargetJP, "target", instansi="instansi_id", status="status", instansi_ids=[org.gorontalo.pk]
        )
    )
    assert gorontalo[org.pegawai.nip] == 20 and gorontalo[org.pegawai_malut.nip] == 20
    assert {gorontalo[nip] for nip, target in expected.items() if target == 12} == {12}
    TargetJP.objects.all().delete()
    empty = rule_tables.rule_case(TargetJP, "target", instansi="instansi_id", fallback=20, status="status")
    assert set(targets(empty).values()) == {20}


def test_rule_case_takes_lookups_only():
    from django.db.models import Value

    with pytest.raises(TypeError):
        rule_tables.rule_case(TargetJP, "target", instansi="instansi_id", status=Value("PNS"))


def test_rule_for_is_read_once_and_follows_every_edit(org, django_assert_max_num_queries):
    first = rule_tables.rule_for(TargetJP, org.gorontalo.pk, status=Pegawai.Status.PNS)
    with django_assert_max_num_queries(0):
        assert rule_tables.rule_for(TargetJP, org.gorontalo.pk, status=Pegawai.Status.PNS).target == first.target
    own = TargetJP.objects.create(instansi=org.gorontalo, status=Pegawai.Status.PNS, target=first.target + 4)
    assert rule_tables.rule_for(TargetJP, org.gorontalo.pk, status=Pegawai.Status.PNS).target == first.target + 4
    own.target = 30
    own.save()
    assert rule_tables.rule_for(TargetJP, org.gorontalo.pk, status=Pegawai.Status.PNS).target == 30
    own.delete()
    assert rule_tables.rule_for(TargetJP, org.gorontalo.pk, status=Pegawai.Status.PNS).target == first.target
