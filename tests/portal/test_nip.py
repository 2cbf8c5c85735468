from datetime import date

import pytest
from django.core.exceptions import ValidationError

from portal.rules import NipError, format_name, parse_nip
from portal.validators import validate_nip

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("nip", "code", "fragment"),
    [
        ("", "required", "wajib diisi"),
        ("19850312 2010011 001", None, None),  # spaces are tolerated
        ("19850312201001100A", "digits", "hanya boleh berisi angka"),
        ("1985031220100110", "length", "18 digit, yang dimasukkan 16"),
        ("1985031220100110011", "length", "yang dimasukkan 19"),
        ("198502302010011001", "birth_date", "bukan tanggal yang valid"),
        ("198513122010011001", "birth_date", "bukan tanggal yang valid"),
        ("193012122010011001", "birth_date", "tidak masuk akal"),
        ("203012122010011001", "birth_date", "tidak masuk akal"),
        ("198503122010131001", "appointment", "harus 01 sampai 12"),
        ("198503122010001001", "appointment", "harus 01 sampai 12"),
        ("198503122030011001", "appointment", "masa depan"),
        ("198503121995011001", "order", "usia saat diangkat"),
        ("195003122020011001", "order", "usia saat diangkat"),
        ("198503122010013001", "sex", "harus 1 (pria) atau 2 (wanita)"),
        ("198503122010010001", "sex", "harus 1 (pria) atau 2 (wanita)"),
        ("198503122010011000", "sequence", "tidak boleh 000"),
        ("198503122010011001", None, None),
        ("199012252015022007", None, None),
    ],
)
def test_nip_rules(nip, code, fragment):
    if code is None:
        info = parse_nip(nip, today=TODAY)
        assert info.birth_date.year in (1985, 1990)
        return
    with pytest.raises(NipError) as error:
        parse_nip(nip, today=TODAY)
    assert error.value.code == code
    assert fragment in error.value.message


def test_nip_parts():
    info = parse_nip("199012252015022007", today=TODAY)
    assert info.birth_date == date(1990, 12, 25)
    assert (info.appointment_year, info.appointment_month) == (2015, 2)
    assert info.sex == "P"
    assert info.sequence == 7


def test_validator_raises_django_validation_error_with_code():
    with pytest.raises(ValidationError) as error:
        validate_nip("123")
    assert error.value.code == "nip_length"


def test_nip_unique(org):
    from portal.models import Pegawai

    clash = Pegawai(user=org.superadmin, nip=org.pegawai.nip, nama="Kembar", instansi=org.gorontalo, unit=org.bidang)
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "nip" in error.value.message_dict


@pytest.mark.parametrize(
    ("nama", "depan", "belakang", "expected"),
    [
        ("Siti Aminah", "", "", "Siti Aminah"),
        ("Siti Aminah", "Dr.", "S.E., M.M.", "Dr. Siti Aminah, S.E., M.M."),
        ("Budi", "", "S.Kom.", "Budi, S.Kom."),
    ],
)
def test_full_name_with_titles(nama, depan, belakang, expected):
    assert format_name(nama, depan, belakang) == expected
