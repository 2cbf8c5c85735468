"""PNS hold a rank golongan (I/a .. IV/e), PPPK a golongan I .. XVII (Perpres 11/2024): each is accepted only for
its own employee status, in the import and in the model."""

import pytest
from django.core.exceptions import ValidationError

from portal.importing import services
from portal.models import Pangkat, Pegawai
from tests.factories import valid_nip

from .import_helpers import csv_upload, fresh, pegawai_row, role_permissions  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_permissions")]

PNS_OF_PPPK = "Golongan %s adalah golongan PPPK; PNS memakai golongan I/a sampai IV/e."
PPPK_OF_PNS = "Golongan %s adalah golongan PNS; PPPK memakai golongan I sampai XVII."
UNKNOWN = "Golongan '%s' tidak dikenal; PNS memakai golongan I/a sampai IV/e, PPPK memakai golongan I sampai XVII."

# (status, golongan cell, stored golongan or None, error message or None)
CASES = [
    ("PNS", "III/b", "III/b", None),
    ("PNS", "iv/e", "IV/e", None),
    ("PNS", "I/a", "I/a", None),
    ("PNS", "", None, None),
    ("PNS", "IX", None, PNS_OF_PPPK % "IX"),
    ("PNS", "I", None, PNS_OF_PPPK % "I"),
    ("PPPK", "I", "I", None),
    ("PPPK", "IX", "IX", None),
    ("PPPK", "xvii", "XVII", None),
    ("PPPK", " V ", "V", None),
    ("PPPK", "", None, None),
    ("PPPK", "III/b", None, PPPK_OF_PNS % "III/b"),
    ("PPPK", "XVIII", None, UNKNOWN % "XVIII"),
    ("PNS", "V/a", None, UNKNOWN % "V/a"),
]


@pytest.mark.parametrize("status, cell, stored, message", CASES, ids=[f"{c[0]}-{c[1] or 'kosong'}" for c in CASES])
def test_golongan_is_accepted_only_for_its_own_status(org, status, cell, stored, message):
    nip = valid_nip()
    upload = csv_upload([pegawai_row(nip, "Uji Golongan", status=status, golongan=cell)])
    job = services.preview_import(fresh(org.sdm), kind_key="pegawai", instansi=org.gorontalo, uploaded_file=upload)
    if message is None:
        assert job.errors == []
        assert job.summary["new"] == 1
    else:
        assert job.errors == [{"row": 2, "column": "golongan", "message": message}]


def test_pppk_golongan_is_stored_after_confirm(org, django_capture_on_commit_callbacks):
    nip = valid_nip()
    upload = csv_upload([pegawai_row(nip, "Pegawai PPPK", status="PPPK", golongan="X")])
    job = services.preview_import(fresh(org.sdm), kind_key="pegawai", instansi=org.gorontalo, uploaded_file=upload)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_import(fresh(org.sdm), job)
    pegawai = Pegawai.objects.select_related("pangkat").get(nip=nip)
    assert (pegawai.status, pegawai.pangkat.golongan_ruang, pegawai.pangkat.kind) == ("PPPK", "X", "PPPK")
    assert str(pegawai.pangkat) == "Golongan X"


def test_the_reference_holds_17_golongan_of_each_kind():
    kinds = list(Pangkat.objects.values_list("kind", "golongan_ruang"))
    assert sum(kind == "PNS" for kind, _g in kinds) == 17 and sum(kind == "PPPK" for kind, _g in kinds) == 17
    assert [g for kind, g in kinds if kind == "PPPK"][:3] == ["I", "II", "III"]


@pytest.mark.parametrize(
    "status, golongan, refused", [("PNS", "IX", True), ("PPPK", "IX", False), ("PPPK", "II/a", True)]
)
def test_model_refuses_a_golongan_of_the_other_status(org, status, golongan, refused):
    org.pegawai.status = status
    org.pegawai.pangkat = Pangkat.objects.get(golongan_ruang=golongan)
    if refused:
        with pytest.raises(ValidationError) as error:
            org.pegawai.full_clean()
        assert "pangkat" in error.value.message_dict
    else:
        org.pegawai.full_clean()
