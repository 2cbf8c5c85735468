"""The evaluation panels of the home dashboard: the pejabat penilai's queue and the leader's predikat
distribution."""

import pytest
from django.test import RequestFactory

from kinerja.evaluation import panels, services
from kinerja.models import Evaluation
from portal.dashboard import render_panels


@pytest.fixture
def evaluations(org, period, chain):
    services.open_evaluations(actor=org.sdm.user, period=period, window=period.windows.get(sequence=1))
    return {e.skp.pegawai_id: e for e in Evaluation.objects.select_related("skp")}


def _request(who):
    request = RequestFactory().get("/")
    request.user = who.user
    return request


def test_the_evaluator_sees_what_waits(org, evaluations):
    context = panels.to_rate_panel(_request(org.atasan))
    assert [e.skp.pegawai for e in context["first"]] == [org.pegawai] and context["total"] == 1
    assert panels.to_rate_panel(_request(org.rekan)) is None  # no reports, nothing to rate
    assert any("Penilaian kinerja" in html for html in render_panels(_request(org.atasan)))


def test_the_leader_sees_the_distribution_of_final_results(org, evaluations, django_assert_max_num_queries):
    assert panels.predikat_panel(_request(org.pegawai)) is None
    assert panels.predikat_panel(_request(org.pimpinan))["total"] == 0
    for pegawai, hasil in ((org.pegawai, "DI_ATAS"), (org.atasan, "DI_BAWAH")):
        evaluation = evaluations[pegawai.pk]
        rater = org.atasan if pegawai == org.pegawai else org.pimpinan
        services.rate(actor=rater.user, evaluation=evaluation, rating_hasil_kerja=hasil,
                      rating_perilaku_kerja="SESUAI", reason="Sesuai bukti")  # fmt: skip
        services.finalise(actor=rater.user, evaluation=evaluation)
    with django_assert_max_num_queries(2):
        context = panels.distribution(org.gorontalo.pk)
    assert context["label"] == "Triwulan I" and context["total"] == 2
    assert {row["code"]: (row["n"], row["percent"]) for row in context["rows"] if row["n"]} == {
        "BAIK": (1, 50), "BUTUH_PERBAIKAN": (1, 50),
    }  # fmt: skip
    html = "".join(render_panels(_request(org.pimpinan)))
    assert "Predikat kinerja" in html and "Butuh Perbaikan" in html
    assert (
        panels.predikat_panel(_request(org.sdm_malut))["total"] == 0
        if panels.predikat_panel(_request(org.sdm_malut))
        else True
    )
