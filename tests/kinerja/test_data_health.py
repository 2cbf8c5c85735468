"""Data health before a period opens: each problem that would block an SKP found once, blockers first, only for HR
of the instansi, and one query whatever the size of the instansi."""

import pytest
from django.urls import reverse

from kinerja.skp import health
from portal.models import Pegawai

from ..factories import make_pegawai


def _problems(org):
    return {finding.nip: finding.problems for finding in health.findings(org.gorontalo.pk)}


def test_a_healthy_chain_has_no_supervisor_problem_and_missing_data_is_named(org):
    chain_problems = {health.NO_SUPERVISOR, health.CHAIN_LOOPS, health.SUPERVISOR_INACTIVE, health.SEVERAL_TOPS}
    found = _problems(org)
    # the chain pimpinan <- atasan <- pegawai/rekan <- cucu is whole; HR, content and training staff have no supervisor
    for who in ("atasan", "pegawai", "rekan", "cucu"):
        assert not set(found.get(getattr(org, who).nip, [])) & chain_problems
    assert health.NO_SUPERVISOR in found[org.sdm.nip]
    Pegawai.objects.filter(pk=org.rekan.pk).update(jabatan=None, pangkat=None)
    assert {health.NO_JABATAN, health.NO_PANGKAT} <= set(_problems(org)[org.rekan.nip])


@pytest.mark.parametrize(
    ("change", "who", "problem"),
    [
        ("orphan", "rekan", health.NO_SUPERVISOR),
        ("second_top", "konten", health.SEVERAL_TOPS),
        ("inactive_supervisor", "pegawai", health.SUPERVISOR_INACTIVE),
        ("supervisor_elsewhere", "pegawai", health.SUPERVISOR_ELSEWHERE),
        ("loop", "pegawai", health.CHAIN_LOOPS),
    ],
)
def test_each_problem_is_found(org, change, who, problem):
    if change == "orphan":
        Pegawai.objects.filter(pk=org.rekan.pk).update(atasan=None)
    elif change == "second_top":
        make_pegawai(org.gorontalo, org.kominfo, atasan=org.konten, nama="Staf Kominfo")
        Pegawai.objects.filter(pk=org.konten.pk).update(atasan=None)
    elif change == "inactive_supervisor":
        Pegawai.objects.filter(pk=org.atasan.pk).update(is_active=False)
    elif change == "supervisor_elsewhere":
        Pegawai.objects.filter(pk=org.pegawai.pk).update(atasan=org.sdm_malut)
    else:  # pegawai -> atasan -> pimpinan -> cucu -> pegawai
        Pegawai.objects.filter(pk=org.pimpinan.pk).update(atasan=org.cucu)
    found = _problems(org)
    assert problem in found[getattr(org, who).nip]
    blocking = [finding.blocking for finding in health.findings(org.gorontalo.pk)]
    assert blocking == sorted(blocking, reverse=True)  # blockers first


def test_only_hr_of_the_instansi_opens_the_report(org, login):
    url = reverse("kinerja:data_health")
    assert login(org.pegawai).get(url).status_code == 403
    assert login(org.sdm_malut).get(url).content.decode().count(org.pegawai.nip) == 0
    page = login(org.sdm).get(url).content.decode()
    assert org.pegawai.nip in page and "Jabatan belum diisi." in page
    assert reverse("wagtailsnippets_portal_pegawai:edit", args=[org.pegawai.pk]) in page


def test_the_report_costs_a_constant_number_of_queries(org, login, django_assert_max_num_queries):
    client = login(org.sdm)
    url = reverse("kinerja:data_health")
    client.get(url)
    with django_assert_max_num_queries(30) as first:
        client.get(url)
    count = len(first)
    for n in range(8):
        make_pegawai(org.gorontalo, org.bidang, nama=f"Tanpa Atasan {n}")
    client.get(url)
    with django_assert_max_num_queries(count):
        client.get(url)
