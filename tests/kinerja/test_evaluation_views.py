"""The evaluation pages: who sees what (another instansi and unrelated colleagues get 404), rating and finalising
through the page, the employee's realisation and appeal, the appeal decision, HR opening evaluations."""

import pytest
from django.urls import reverse

from kinerja.evaluation import services
from kinerja.models import Appeal, Evaluation

from ..factories import make_pegawai


@pytest.fixture
def evaluation(org, period, chain):
    services.open_evaluations(actor=org.sdm.user, period=period, window=period.windows.get(sequence=1))
    return Evaluation.objects.get(skp=chain.bottom)


def _url(evaluation):
    return reverse("kinerja:evaluation", args=[evaluation.pk])


def _rate(client, evaluation, hasil="DI_ATAS", perilaku="SESUAI", reason="Melampaui target pelatihan"):
    return client.post(_url(evaluation), {
        "action": "rate", "rating_hasil_kerja": hasil, "rating_perilaku_kerja": perilaku, "reason": reason,
    })  # fmt: skip


@pytest.mark.parametrize(
    ("who", "status"),
    [("pegawai", 200), ("atasan", 200), ("pimpinan", 200), ("sdm", 200), ("rekan", 404), ("cucu", 404),
     ("konten", 404), ("sdm_malut", 404), ("pegawai_malut", 404), ("superadmin", 200)],
)  # fmt: skip
def test_who_may_open_an_evaluation(org, evaluation, login, who, status):
    assert login(getattr(org, who)).get(_url(evaluation)).status_code == status


def test_the_evaluator_rates_and_finalises_and_the_employee_then_sees_the_result(org, evaluation, client, login):
    employee_page = login(org.pegawai).get(_url(evaluation)).content.decode()
    assert "Realisasi berdasarkan bukti dukung" in employee_page and 'data-testid="predikat"' not in employee_page

    login(org.atasan)
    page = _rate(client, evaluation, reason="")
    assert page.status_code == 200 and "Tuliskan alasan penilaian." in page.content.decode()
    assert _rate(client, evaluation).status_code == 302
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.predikat) == ("rated", "BAIK")

    login(org.pegawai)
    assert 'data-testid="predikat"' not in client.get(_url(evaluation)).content.decode()  # not final yet

    login(org.atasan)
    assert client.post(_url(evaluation), {"action": "finalise"}).status_code == 302
    login(org.pegawai)
    page = client.get(_url(evaluation)).content.decode()
    assert "Baik" in page and 'data-testid="predikat"' in page and "Ajukan keberatan" in page


def test_an_employee_cannot_rate_themselves(org, evaluation, login):
    client = login(org.pegawai)
    assert _rate(client, evaluation).status_code == 404
    evaluation.refresh_from_db()
    assert evaluation.status == "open"


def test_realisation_and_feedback_through_the_page(org, evaluation, chain, client, login):
    iki = chain.rhk.iki.get()
    login(org.pegawai)
    client.post(_url(evaluation), {"action": "realisation", "item": iki.pk, "text": "7 pelatihan terselenggara"})
    assert evaluation.realisations.get().text == "7 pelatihan terselenggara"
    page = client.post(_url(evaluation), {"action": "realisation", "item": iki.pk, "text": ""}, follow=True)
    assert "Tuliskan isinya" in page.content.decode()
    assert evaluation.realisations.get().text == "7 pelatihan terselenggara"  # nothing lost
    login(org.atasan)
    client.post(_url(evaluation), {"action": "feedback", "item": chain.rhk.pk, "text": "Pertahankan kualitas"})
    assert evaluation.feedback.get().text == "Pertahankan kualitas"


def test_appeal_through_the_pages(org, evaluation, client, login):
    login(org.atasan)
    _rate(client, evaluation, "DI_BAWAH", "SESUAI")
    client.post(_url(evaluation), {"action": "finalise"})
    login(org.pegawai)
    page = client.post(_url(evaluation), {"action": "appeal", "reasons": ""})
    assert "Tuliskan alasan keberatan Anda." in page.content.decode()
    client.post(_url(evaluation), {"action": "appeal", "reasons": "Realisasi triwulan belum dipertimbangkan"})
    appeal = Appeal.objects.get()

    assert login(org.atasan).get(reverse("kinerja:appeal_decide", args=[appeal.pk])).status_code == 404
    login(org.pimpinan)
    assert org.pegawai.full_name in client.get(reverse("kinerja:appeals")).content.decode()
    decide = reverse("kinerja:appeal_decide", args=[appeal.pk])
    page = client.post(decide, {"decision": "grant", "reason": "Bukti lengkap"})
    assert "Tetapkan rating" in page.content.decode()
    client.post(decide, {"decision": "grant", "reason": "Bukti lengkap", "rating_hasil_kerja": "SESUAI",
                         "rating_perilaku_kerja": "SESUAI"})  # fmt: skip
    evaluation.refresh_from_db()
    assert evaluation.predikat == "BAIK"
    assert client.get(decide).status_code == 404  # decided: no longer in the queue


def test_team_list_costs_a_constant_number_of_queries(org, period, evaluation, login, django_assert_max_num_queries):
    client = login(org.atasan)
    client.get(reverse("kinerja:evaluations_team"))
    with django_assert_max_num_queries(14) as first:
        page = client.get(reverse("kinerja:evaluations_team"))
    count = len(first)
    assert org.pegawai.full_name in page.content.decode()
    for n in range(4):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, username=f"staf{n}")
    from .conftest import approved_skp

    for person in org.atasan.bawahan.filter(user__username__startswith="staf"):
        approved_skp(person, period, chain_parent(org, period))
    services.open_evaluations(actor=org.sdm.user, period=period, window=period.windows.get(sequence=1))
    client.get(reverse("kinerja:evaluations_team"))  # the new colleagues changed the frame: warm it again
    with django_assert_max_num_queries(count):
        page = client.get(reverse("kinerja:evaluations_team"))
    assert page.content.decode().count('class="card"') >= 5


def chain_parent(org, period):
    from kinerja.models import Rhk

    return Rhk.objects.get(skp__pegawai=org.atasan, skp__period=period)


@pytest.mark.parametrize(("who", "status"), [("sdm", 200), ("atasan", 403), ("pegawai", 403), ("sdm_malut", 200)])
def test_hr_opens_evaluations(org, period, chain, login, who, status):
    client = login(getattr(org, who))
    assert client.get(reverse("kinerja:hr_windows")).status_code == status
    response = client.post(reverse("kinerja:hr_open", args=[period.pk]), {"window": period.windows.first().pk})
    opened = Evaluation.objects.count()
    assert opened == (3 if who == "sdm" else 0), response


def test_the_kinerja_menu_offers_each_role_its_pages(org, evaluation, login):
    atasan = login(org.atasan).get(reverse("kinerja:evaluations_mine")).content.decode()
    assert "<summary>Kinerja" in atasan and reverse("kinerja:evaluations_team") in atasan
    rekan = login(org.rekan).get(reverse("kinerja:evaluations_mine")).content.decode()
    assert reverse("kinerja:evaluations_mine") in rekan and reverse("kinerja:evaluations_team") not in rekan
    sdm = login(org.sdm).get(reverse("kinerja:evaluations_mine")).content.decode()
    assert reverse("kinerja:hr_windows") in sdm and reverse("kinerja:hr_windows") not in rekan
