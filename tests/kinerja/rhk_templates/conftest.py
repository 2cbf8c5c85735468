"""Fixtures of RHK templates: a jabatan of Gorontalo held by the employee, with two active templates (an RHK utama
with two IKI, an RHK tambahan with one) and a deactivated one, and a jabatan of Maluku Utara."""

from types import SimpleNamespace

import pytest

from kinerja.rhk_templates import services
from tests.factories import make_jabatan

from ...kompetensi.conftest import forget_cached_identity

IKI_UTAMA = [
    {"text": "Persentase usul layanan ditelaah tepat waktu", "aspek": "waktu", "target": "95 %"},
    {"text": "Jumlah berkas usul yang diverifikasi", "aspek": "kuantitas", "target": "240 berkas"},
]


def save(org, jabatan, text, iki=None, **fields):
    return services.save_template(
        actor=org.sdm.user, instansi=org.gorontalo, jabatan=jabatan, text=text,
        iki=iki if iki is not None else [{"text": "Laporan tepat waktu", "aspek": "waktu", "target": "12 laporan"}],
        **fields,
    )  # fmt: skip


@pytest.fixture
def templates(org):
    analis = make_jabatan(org.gorontalo, "ANALIS-SDM", kind="fungsional", name="Analis SDM Aparatur")
    kepala = make_jabatan(org.gorontalo, "KEPALA-BKD", kind="jpt", name="Kepala Badan Kepegawaian")
    for person, jabatan in ((org.pegawai, analis), (org.rekan, analis), (org.pimpinan, kepala)):
        person.jabatan = jabatan
        person.save(update_fields=["jabatan"])
    forget_cached_identity(org)
    utama = save(org, analis, "Terselesaikannya telaahan usul layanan kepegawaian", IKI_UTAMA)
    tambahan = save(org, analis, "Terlaksananya pendampingan penyusunan SKP", kind="tambahan")
    old = save(org, analis, "RHK lama yang tidak dipakai lagi")
    services.set_template_active(actor=org.sdm.user, template=old, active=False)
    malut = make_jabatan(org.malut, "ANALIS-SDM", kind="fungsional", name="Analis SDM Maluku Utara")
    return SimpleNamespace(analis=analis, kepala=kepala, utama=utama, tambahan=tambahan, old=old, malut=malut)
