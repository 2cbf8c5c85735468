"""The SKP and evaluation documents as PDF: who may download them (another instansi and bystanders 404; the employee
gets the evaluation only once final), and what they print (the annex's headings, the plan, the realisation, the
predikat and the signatories)."""

import pytest
from django.urls import reverse
from reportlab import rl_config

from kinerja.evaluation import services as evaluation_services
from kinerja.models import Evaluation

from ..pdf_helpers import pdf_text


@pytest.fixture(autouse=True)
def _uncompressed(monkeypatch):
    monkeypatch.setattr(rl_config, "pageCompression", 0)


def _text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return " ".join(pdf_text(response.content).split())


@pytest.fixture
def rated(org, period, chain):
    window = period.windows.get(sequence=1)
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=window)
    evaluation = Evaluation.objects.get(skp=chain.bottom, window=window)
    iki = chain.rhk.iki.get()
    evaluation_services.save_realisation(
        actor=org.pegawai.user, evaluation=evaluation, iki=iki, text="93 % tepat waktu"
    )
    evaluation_services.rate(
        actor=org.atasan.user, evaluation=evaluation, rating_hasil_kerja="DI_ATAS", rating_perilaku_kerja="SESUAI",
        reason="Melampaui target",
    )  # fmt: skip
    return evaluation


@pytest.mark.parametrize(
    ("who", "status"),
    [("pegawai", 200), ("atasan", 200), ("pimpinan", 200), ("sdm", 200), ("rekan", 404), ("sdm_malut", 404)],
)
def test_who_downloads_the_skp(org, chain, login, who, status):
    assert login(getattr(org, who)).get(reverse("kinerja:skp_pdf", args=[chain.bottom.pk])).status_code == status


def test_the_skp_document_follows_the_annex(org, chain, login):
    text = _text(login(org.pegawai).get(reverse("kinerja:skp_pdf", args=[chain.bottom.pk])))
    for words in ("SASARAN KINERJA PEGAWAI", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA", "HASIL KERJA",
                  "Terselenggaranya pelatihan", "Meningkatnya kompetensi ASN", "PERILAKU KERJA", "Berorientasi",
                  "LAMPIRAN", org.pegawai.nip, org.atasan.nip):  # fmt: skip
        assert words in text, words


def test_the_evaluation_document_once_final_for_the_employee(org, rated, login):
    url = reverse("kinerja:evaluation_pdf", args=[rated.pk])
    assert login(org.pegawai).get(url).status_code == 404  # not final yet: the employee does not see the result
    text = _text(login(org.atasan).get(url))
    for words in ("DOKUMEN EVALUASI KINERJA PEGAWAI", "ATASAN PEJABAT PENILAI", "93 % tepat waktu",
                  "Di Atas Ekspektasi", "PREDIKAT KINERJA PEGAWAI", "Baik", org.pimpinan.nip):  # fmt: skip
        assert words in text, words
    evaluation_services.finalise(actor=org.atasan.user, evaluation=rated)
    assert login(org.pegawai).get(url).status_code == 200
    assert login(org.sdm_malut).get(url).status_code == 404
