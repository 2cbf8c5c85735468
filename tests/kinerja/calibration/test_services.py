"""Calibration: who may calibrate, the scope of a unit (with the units below it), adjustments that record before and
after with the reason, the organisation rating, and what stays locked."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.calibration import queries, services
from kinerja.evaluation import services as evaluation_services
from kinerja.models import Calibration, CalibrationChange, DistributionRule, Evaluation


@pytest.fixture
def annual(org, period, chain):
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period)
    rated = Evaluation.objects.get(skp=chain.bottom, kind="annual")
    evaluation_services.rate(
        actor=org.atasan.user, evaluation=rated, rating_hasil_kerja="SESUAI", rating_perilaku_kerja="SESUAI",
        reason="Sesuai target",
    )  # fmt: skip
    return Evaluation.objects.get(pk=rated.pk)


@pytest.mark.parametrize("who", ["pegawai", "atasan", "konten", "sdm_malut", "pegawai_malut"])
def test_only_hr_and_pimpinan_of_the_instansi_calibrate(org, period, who):
    with pytest.raises(PermissionDenied):
        services.open_calibration(actor=getattr(org, who).user, period=period)


@pytest.mark.parametrize("who", ["sdm", "pimpinan"])
def test_hr_and_pimpinan_open_one_calibration_per_scope(org, period, who):
    calibration = services.open_calibration(actor=getattr(org, who).user, period=period, unit=org.bkd)
    with pytest.raises(ValidationError, match="sedang berjalan"):
        services.open_calibration(actor=org.sdm.user, period=period, unit=org.bkd)
    services.open_calibration(actor=org.sdm.user, period=period)  # the whole instansi is another scope
    with pytest.raises(ValidationError, match="bukan bagian"):
        services.open_calibration(actor=org.sdm.user, period=period, unit=org.malut_unit)
    assert calibration.status == Calibration.Status.OPEN


def test_a_unit_covers_the_units_below_it(org, period, annual):
    bkd = services.open_calibration(actor=org.sdm.user, period=period, unit=org.bkd)
    kominfo = services.open_calibration(actor=org.sdm.user, period=period, unit=org.kominfo)
    # pimpinan in BKD, atasan and pegawai in its Bidang: all three annual evaluations
    assert queries.evaluations(bkd).count() == 3
    assert queries.evaluations(kominfo).count() == 0
    assert queries.distribution(bkd) == ({"BAIK": 1}, 2)


def test_an_adjustment_records_before_after_and_reason(org, period, annual):
    calibration = services.open_calibration(actor=org.pimpinan.user, period=period)
    with pytest.raises(ValidationError, match="alasan"):
        services.adjust(actor=org.sdm.user, calibration=calibration, evaluation=annual, rating_hasil_kerja="DI_BAWAH",
                        rating_perilaku_kerja="SESUAI", reason=" ")  # fmt: skip
    change = services.adjust(
        actor=org.sdm.user, calibration=calibration, evaluation=annual, rating_hasil_kerja="DI_BAWAH",
        rating_perilaku_kerja="SESUAI", reason="Capaian unit di bawah target",
    )  # fmt: skip
    annual.refresh_from_db()
    assert annual.predikat == "BUTUH_PERBAIKAN" and annual.status == "rated"
    assert change.before == {"rating_hasil_kerja": "SESUAI", "rating_perilaku_kerja": "SESUAI", "predikat": "BAIK"}
    assert change.after["predikat"] == "BUTUH_PERBAIKAN"
    assert change.reason == "Capaian unit di bawah target" and change.actor == org.sdm.user
    assert annual.transitions.last().reason.startswith("Kalibrasi")
    with pytest.raises(ValidationError, match="tidak berubah"):
        services.adjust(actor=org.sdm.user, calibration=calibration, evaluation=annual, rating_hasil_kerja="DI_BAWAH",
                        rating_perilaku_kerja="SESUAI", reason="lagi")  # fmt: skip
    assert CalibrationChange.objects.count() == 1


def test_unrated_final_and_foreign_results_are_not_adjusted(org, period, annual, chain):
    calibration = services.open_calibration(actor=org.sdm.user, period=period, unit=org.kominfo)
    with pytest.raises(PermissionDenied):
        services.adjust(actor=org.sdm.user, calibration=calibration, evaluation=annual, rating_hasil_kerja="DI_ATAS",
                        rating_perilaku_kerja="SESUAI", reason="x")  # fmt: skip
    whole = services.open_calibration(actor=org.sdm.user, period=period)
    unrated = Evaluation.objects.get(skp=chain.middle, kind="annual")
    with pytest.raises(ValidationError, match="belum memberi rating"):
        services.adjust(actor=org.sdm.user, calibration=whole, evaluation=unrated, rating_hasil_kerja="DI_ATAS",
                        rating_perilaku_kerja="SESUAI", reason="x")  # fmt: skip
    evaluation_services.finalise(actor=org.atasan.user, evaluation=annual)
    with pytest.raises(ValidationError, match="sudah final"):
        services.adjust(actor=org.sdm.user, calibration=whole, evaluation=annual, rating_hasil_kerja="DI_ATAS",
                        rating_perilaku_kerja="SESUAI", reason="x")  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.adjust(actor=org.atasan.user, calibration=whole, evaluation=annual, rating_hasil_kerja="DI_ATAS",
                        rating_perilaku_kerja="SESUAI", reason="x")  # fmt: skip


def test_the_organisation_rating_is_recorded_and_closing_needs_it(org, period):
    calibration = services.open_calibration(actor=org.sdm.user, period=period)
    with pytest.raises(ValidationError, match="predikat kinerja organisasi"):
        services.close(actor=org.sdm.user, calibration=calibration)
    services.set_organisation_rating(actor=org.pimpinan.user, calibration=calibration, rating="BAIK", reason="LKj 2026")
    services.set_organisation_rating(actor=org.sdm.user, calibration=calibration, rating="ISTIMEWA", reason="Revisi")
    assert list(calibration.changes.order_by("pk").values_list("before", "after")) == [
        ({"organisation_rating": ""}, {"organisation_rating": "BAIK"}),
        ({"organisation_rating": "BAIK"}, {"organisation_rating": "ISTIMEWA"}),
    ]
    services.close(actor=org.sdm.user, calibration=calibration, note="Selesai")
    with pytest.raises(ValidationError, match="sudah selesai"):
        services.set_organisation_rating(actor=org.sdm.user, calibration=calibration, rating="BAIK", reason="x")


def test_an_instansi_rule_overrides_the_default(org):
    DistributionRule.objects.create(
        instansi=org.gorontalo, organisation_rating="ISTIMEWA", predikat_group="SANGAT_BAIK", maximum_percent=50
    )
    assert queries.rules_in_force(org.gorontalo.pk)["ISTIMEWA"][0].maximum == 50
    assert queries.rules_in_force(org.malut.pk)["ISTIMEWA"][0].maximum == 70
