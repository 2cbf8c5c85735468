"""Extra employees for benchmarks: `load_demo --employees N` tops the bench population up to N."""

import itertools
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from .. import roles
from ..models import Pegawai, UnitKerja

BENCH_PREFIX = "bench-"
BATCH = 2000


def bench_nip(index):
    """A valid, unique NIP per index: birth date walks day by day, sequence cycles 001-999."""
    birth = date(1970, 1, 1) + timedelta(days=index // 999)
    appointed = birth.year + 25
    return f"{birth:%Y%m%d}{appointed}{(index % 12) + 1:02d}{(index % 2) + 1}{(index % 999) + 1:03d}"


@transaction.atomic
def add_bench_employees(total, stdout=None):
    User = get_user_model()
    existing = User.objects.filter(username__startswith=BENCH_PREFIX).count()
    if existing >= total:
        return 0
    units = list(UnitKerja.objects.select_related("instansi").order_by("instansi_id", "code"))
    heads = dict(
        Pegawai.objects.filter(jabatan__kind__in=["jpt", "administrator", "pengawas"])
        .order_by("pk")
        .values_list("unit_id", "pk")
    )
    password = make_password(None)  # unusable: bench accounts cannot log in
    group = Group.objects.get(name=roles.PEGAWAI)
    taken = set(Pegawai.objects.values_list("nip", flat=True))
    created = 0
    unit_cycle = itertools.cycle(units)
    for start in range(existing, total, BATCH):
        stop = min(start + BATCH, total)
        users = [
            User(username=f"{BENCH_PREFIX}{i:06d}", first_name=f"Pegawai Uji {i}", password=password)
            for i in range(start, stop)
        ]
        User.objects.bulk_create(users)
        users = list(User.objects.filter(username__in=[u.username for u in users]).order_by("username"))
        Group.user_set.through.objects.bulk_create(
            [Group.user_set.through(user_id=u.pk, group_id=group.pk) for u in users]
        )
        batch = []
        for i, user in zip(range(start, stop), users, strict=True):
            nip = bench_nip(i + 500_000)
            while nip in taken:
                i += 1_000_000
                nip = bench_nip(i)
            taken.add(nip)
            unit = next(unit_cycle)
            batch.append(
                Pegawai(
                    user=user,
                    nip=nip,
                    nama=f"Pegawai Uji {i:06d}",
                    status="PNS",
                    instansi_id=unit.instansi_id,
                    unit=unit,
                    atasan_id=heads.get(unit.pk),
                )  # fmt: skip
            )
        Pegawai.objects.bulk_create(batch)
        created += len(batch)
        if stdout:
            stdout.write(f"  {stop - existing}/{total - existing} pegawai uji")
    return created
