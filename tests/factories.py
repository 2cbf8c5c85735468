"""Small builders for test data. Each returns saved objects with valid NIPs and sensible defaults."""

import itertools
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal import roles
from portal.models import Instansi, Jabatan, Pangkat, Pegawai, UnitKerja

PASSWORD = "rahasia-uji-123"
_seq = itertools.count(1)


def valid_nip(n=None, sex="1"):
    n = next(_seq) if n is None else n
    birth = date(1980, 1, 1).toordinal() + n % 5000
    birth = date.fromordinal(birth)
    return f"{birth:%Y%m%d}{birth.year + 25}{(n % 12) + 1:02d}{sex}{(n % 999) + 1:03d}"


def make_instansi(slug="gorontalo", name=None, time_zone="Asia/Makassar", kind="provinsi"):
    instansi, _ = Instansi.objects.get_or_create(
        slug=slug, defaults={"name": name or f"Pemerintah {slug.title()}", "kind": kind, "time_zone": time_zone}
    )
    return instansi


def make_unit(instansi, code="UNIT", name=None, parent=None):
    unit, _ = UnitKerja.objects.get_or_create(
        instansi=instansi, code=code, defaults={"name": name or f"Unit {code}", "parent": parent}
    )
    return unit


def make_jabatan(instansi, code="STAF", kind="pelaksana", name=None):
    jabatan, _ = Jabatan.objects.get_or_create(
        instansi=instansi, code=code, defaults={"name": name or f"Jabatan {code}", "kind": kind, "kelas_jabatan": 7}
    )
    return jabatan


def make_pegawai(instansi=None, unit=None, atasan=None, roles_=(), username=None, status="PNS", **fields):
    instansi = instansi or (unit.instansi if unit else make_instansi())
    unit = unit or make_unit(instansi)
    nip = fields.pop("nip", None) or valid_nip()
    user = get_user_model().objects.create_user(
        username=username or nip, password=PASSWORD, email=f"{username or nip}@uji.go.id"
    )
    for name in (roles.PEGAWAI, *roles_):
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    pegawai = Pegawai.objects.create(
        user=user,
        nip=nip,
        nama=fields.pop("nama", f"Pegawai {nip[-4:]}"),
        status=status,
        instansi=instansi,
        unit=unit,
        atasan=atasan,
        pangkat=fields.pop("pangkat", None)
        or (Pangkat.objects.get(golongan_ruang="III/a") if status == "PNS" else None),
        **fields,
    )
    if atasan is not None:
        atasan.user.groups.add(Group.objects.get_or_create(name=roles.ATASAN)[0])
    return pegawai
