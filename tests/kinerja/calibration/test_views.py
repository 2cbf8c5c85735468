"""The calibration pages: who reaches them, opening a calibration, the what-if of every organisation rating, an
adjustment through the page with its history, bad input answered, and a constant query count."""

import pytest
from django.urls import reverse

from kinerja.calibration import services
from kinerja.evaluation import services as evaluation_services
from kinerja.models import Calibration, CalibrationChange, Evaluation

from ...factories import make_pegawai
from ..conftest import approved_skp


@pytest.fixture
def rated(org, period, chain):
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period)
    evaluation = Evaluation.objects.get(skp=chain.bottom, kind="annual")
    evaluation_services.rate(
        actor=org.atasan.user, evaluation=evaluation, rating_hasil_kerja="SESUAI", rating_perilaku_kerja="SESUAI",
        reason="Sesuai target",
    )  # fmt: skip
    return evaluation


@pytest.fixture
def calibration(org, period, rated):
    return services.open_calibration(actor=org.sdm.user, period=period)


@pytest.mark.parametrize(
    ("who", "status"),
    # a superadmin has no employee record, hence no instansi to calibrate from these pages
    [("sdm", 200), ("pimpinan", 200), ("superadmin", 403), ("atasan", 403), ("pegawai", 403), ("sdm_malut", 404),
     ("pegawai_malut", 403)],
)  # fmt: skip
def test_who_reaches_a_calibration(org, calibration, login, who, status):
    url = reverse("kinerja:calibration", args=[calibration.pk])
    assert login(getattr(org, who)).get(url).status_code == status


def test_hr_opens_a_calibration_for_a_unit(org, period, rated, login):
    client = login(org.sdm)
    page = client.get(reverse("kinerja:calibrations")).content.decode()
    assert "Buka kalibrasi" in page and "Belum ada kalibrasi" in page
    response = client.post(
        reverse("kinerja:calibrations"), {"unit": org.bidang.pk, "window": "", "organisation_rating": "BAIK"}
    )
    calibration = Calibration.objects.get()
    assert response.status_code == 302 and response.url == reverse("kinerja:calibration", args=[calibration.pk])
    assert (calibration.unit, calibration.window, calibration.organisation_rating) == (org.bidang, None, "BAIK")
    again = client.post(
        reverse("kinerja:calibrations"), {"unit": org.bidang.pk, "window": "", "organisation_rating": ""}, follow=True
    )
    assert "sedang berjalan" in again.content.decode()
    foreign = client.post(reverse("kinerja:calibrations"), {"unit": org.malut_unit.pk, "window": ""})
    assert foreign.status_code == 200 and Calibration.objects.count() == 1


def test_the_what_if_shows_every_organisation_rating_without_saving(org, calibration, login):
    client = login(org.pimpinan)
    url = reverse("kinerja:calibration", args=[calibration.pk])
    page = client.get(url + "?simulasi=BAIK").content.decode()
    # one employee rated Baik: 100 % Baik breaks "paling banyak 70%" and nobody needs improvement
    assert "Jika predikat organisasi Baik" in page
    assert page.count('<span class="tag tag-warn">peringatan</span>') == 2
    istimewa = client.get(url + "?simulasi=ISTIMEWA").content.decode()
    assert istimewa.count('<span class="tag tag-ok">terpenuhi</span>') == 1
    calibration.refresh_from_db()
    assert calibration.organisation_rating == "" and not CalibrationChange.objects.exists()


def test_adjusting_through_the_page(org, calibration, rated, login):
    client = login(org.sdm)
    url = reverse("kinerja:calibration", args=[calibration.pk])
    data = {
        "action": "adjust",
        "evaluation": rated.pk,
        "rating_hasil_kerja": "DI_ATAS",
        "rating_perilaku_kerja": "DI_ATAS",
    }
    missing = client.post(url, {**data, "reason": ""})
    assert missing.status_code == 200 and "Tuliskan alasan perubahan." in missing.content.decode()
    done = client.post(url, {**data, "reason": "Prestasi nasional"}, follow=True).content.decode()
    assert "diubah melalui kalibrasi" in done and "Prestasi nasional" in done
    rated.refresh_from_db()
    assert rated.predikat == "SANGAT_BAIK"
    rating = client.post(url, {"action": "rating", "rating": "ISTIMEWA", "reason": "Hasil evaluasi SAKIP"}, follow=True)
    assert "Predikat kinerja organisasi ditetapkan." in rating.content.decode()
    closed = client.post(url, {"action": "close", "note": "Disepakati tim penilai"}, follow=True).content.decode()
    assert "Kalibrasi selesai." in closed and "Ubah melalui kalibrasi" not in closed
    assert client.post(url, {**data, "reason": "lagi"}, follow=True).content.decode().count("sudah selesai") == 1


def test_the_calibration_page_costs_a_constant_number_of_queries(
    org, period, calibration, login, django_assert_max_num_queries
):
    client = login(org.sdm)
    url = reverse("kinerja:calibration", args=[calibration.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as first:
        client.get(url)
    count = len(first)
    parent = Evaluation.objects.get(skp__pegawai=org.atasan, kind="annual").skp.rhk.first()
    for n in range(6):
        who = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Pegawai Tambahan {n}")
        approved_skp(who, period, parent)
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period)
    client.get(url)
    with django_assert_max_num_queries(count):
        client.get(url)
