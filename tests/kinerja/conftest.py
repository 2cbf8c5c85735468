"""Fixtures of the performance module: the open period of Gorontalo, approved SKP down the chain
pimpinan -> atasan -> pegawai, and the employee's draft intervening the supervisor's approved SKP."""

from types import SimpleNamespace

import pytest
from django.utils import timezone

from kinerja.models import Skp
from kinerja.skp import services

from ..kompetensi.conftest import forget_cached_identity


@pytest.fixture
def period(org):
    forget_cached_identity(org)
    return services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=timezone.localdate().year)


def approved_skp(who, period, parent=None, text="Meningkatnya kualitas pelayanan kepegawaian"):
    """An approved SKP of `who` with one RHK (intervening `parent`) and one IKI (the top of a chain has nobody
    above to approve it here)."""
    skp = services.start_skp(actor=who.user, pegawai=who, period=period)
    rhk = services.save_rhk(actor=who.user, skp=skp, text=text, intervened=parent)
    services.save_iki(actor=who.user, rhk=rhk, text="Persentase usul layanan selesai tepat waktu", aspek="waktu",
                      target="95 %")  # fmt: skip
    Skp.objects.filter(pk=skp.pk).update(status=Skp.Status.APPROVED)
    return Skp.objects.get(pk=skp.pk), rhk


@pytest.fixture
def chain(org, period):
    top, top_rhk = approved_skp(org.pimpinan, period, text="Meningkatnya kualitas ASN daerah")
    middle, middle_rhk = approved_skp(org.atasan, period, top_rhk, "Meningkatnya kompetensi ASN")
    bottom, bottom_rhk = approved_skp(org.pegawai, period, middle_rhk, "Terselenggaranya pelatihan")
    return SimpleNamespace(top=top, middle=middle, bottom=bottom, rhk=bottom_rhk)


@pytest.fixture
def kinerja(org, period):
    atasan_skp, parent = approved_skp(org.atasan, period)
    skp = services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    rhk = services.save_rhk(
        actor=org.pegawai.user, skp=skp, text="Terselesaikannya usul kenaikan pangkat", intervened=parent
    )
    iki = services.save_iki(
        actor=org.pegawai.user, rhk=rhk, text="Usul selesai tepat waktu", aspek="waktu", target="95 %"
    )
    return SimpleNamespace(period=period, atasan_skp=atasan_skp, parent=parent, skp=skp, rhk=rhk, iki=iki)
