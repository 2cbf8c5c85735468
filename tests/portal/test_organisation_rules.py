import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from portal.models import Pegawai
from portal.services import save_pegawai

from ..factories import make_unit, valid_nip


def test_unit_must_belong_to_the_instansi(org):
    org.pegawai.unit = org.malut_unit
    with pytest.raises(ValidationError) as error:
        org.pegawai.full_clean()
    assert "unit" in error.value.message_dict


def test_supervisor_chain_cannot_loop(org):
    org.atasan.atasan = org.cucu  # cucu reports to pegawai, who reports to atasan
    with pytest.raises(ValidationError) as error:
        org.atasan.full_clean()
    assert "melingkar" in error.value.message_dict["atasan"][0]


def test_supervisor_from_other_instansi_refused(org):
    org.pegawai.atasan = org.pegawai_malut
    with pytest.raises(ValidationError) as error:
        org.pegawai.full_clean()
    assert "instansi yang sama" in error.value.message_dict["atasan"][0]


def test_pppk_has_no_pangkat(org):
    org.pegawai.status = Pegawai.Status.PPPK
    with pytest.raises(ValidationError) as error:
        org.pegawai.full_clean()
    assert "pangkat" in error.value.message_dict


def test_unit_parent_cannot_be_own_descendant(org):
    child = make_unit(org.gorontalo, "SUB", "Sub", parent=org.bidang)
    org.bidang.parent = child
    with pytest.raises(ValidationError):
        org.bidang.full_clean()


def test_save_pegawai_creates_account_and_audits(org):
    new = Pegawai(nip=valid_nip(), nama="Rina Baru", instansi=org.gorontalo, unit=org.bidang, atasan=org.atasan)
    save_pegawai(org.sdm.user, new)
    assert new.user.username == new.nip
    assert not new.user.has_usable_password()
    assert new.user.groups.filter(name="Pegawai").exists()
    entry = ModelLogEntry.objects.for_instance(new).get()
    assert entry.action == "wagtail.create"
    assert entry.user == org.sdm.user


def test_save_pegawai_records_what_changed(org):
    org.pegawai.phone = "081234567890"
    save_pegawai(org.sdm.user, org.pegawai)
    entry = ModelLogEntry.objects.for_instance(org.pegawai).latest("timestamp")
    assert entry.action == "wagtail.edit"
    assert entry.data["changes"]["phone"] == ["", "081234567890"]


def test_hr_of_other_instansi_cannot_save(org):
    org.pegawai.phone = "0811"
    with pytest.raises(PermissionDenied):
        save_pegawai(org.sdm_malut.user, org.pegawai)
    with pytest.raises(PermissionDenied):
        save_pegawai(org.rekan.user, org.pegawai)


def test_supervisor_group_follows_reports(org):
    org.cucu.atasan = org.rekan
    save_pegawai(org.sdm.user, org.cucu)
    assert org.rekan.user.groups.filter(name="Atasan").exists()
    assert not org.pegawai.user.groups.filter(name="Atasan").exists()
