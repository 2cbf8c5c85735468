"""The rules of the RHK template services: only Admin SDM of the instansi writes, within their own instansi; bad
input is refused with every reason at once and writes nothing; IKI rows are replaced as a whole."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.models import RhkTemplate, RhkTemplateIki
from kinerja.rhk_templates import services

from .conftest import IKI_UTAMA, save

pytestmark = pytest.mark.django_db


def test_hr_saves_a_template_with_its_iki_in_order(org, templates):
    assert (templates.utama.instansi, templates.utama.jabatan, templates.utama.kind) == (
        org.gorontalo,
        templates.analis,
        "utama",
    )
    assert [(i.text, i.aspek, i.target, i.order) for i in templates.utama.iki.all()] == [
        (row["text"], row["aspek"], row["target"], n) for n, row in enumerate(IKI_UTAMA)
    ]
    # a new template of the jabatan goes last unless an order is given
    assert [templates.utama.order, templates.tambahan.order, templates.old.order] == [0, 1, 2]
    assert save(org, templates.analis, "Lagi", order=7).order == 7
    assert templates.utama.updated_by == org.sdm.user


def test_editing_replaces_the_iki_and_keeps_the_order(org, templates):
    changed = save(org, templates.analis, "  Telaahan selesai sesuai standar  ", template=templates.tambahan,
                   iki=[{"text": "Baru", "aspek": "kualitas", "target": "90 %"}])  # fmt: skip
    assert changed.pk == templates.tambahan.pk and changed.text == "Telaahan selesai sesuai standar"
    assert changed.order == 1 and changed.kind == "utama"
    assert list(changed.iki.values_list("text", "order")) == [("Baru", 0)]
    assert RhkTemplateIki.objects.filter(template=templates.tambahan).count() == 1


@pytest.mark.parametrize("who", ["pegawai", "atasan", "pimpinan", "konten", "sdm_malut"])
def test_only_admin_sdm_of_the_instansi_writes(org, templates, who):
    actor = getattr(org, who).user
    with pytest.raises(PermissionDenied):
        services.save_template(actor=actor, instansi=org.gorontalo, jabatan=templates.analis, text="x",
                               iki=IKI_UTAMA)  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.set_template_active(actor=actor, template=templates.utama, active=False)
    assert RhkTemplate.objects.get(pk=templates.utama.pk).is_active


def test_hr_cannot_reach_another_instansis_template_or_jabatan(org, templates):
    with pytest.raises(PermissionDenied):  # Maluku Utara's HR editing Gorontalo's template through their instansi
        services.save_template(actor=org.sdm_malut.user, instansi=org.malut, jabatan=templates.malut, text="x",
                               iki=IKI_UTAMA, template=templates.utama)  # fmt: skip
    with pytest.raises(ValidationError) as error:  # Gorontalo's HR naming Maluku Utara's jabatan
        save(org, templates.malut, "x")
    assert error.value.message_dict["jabatan"] == ["Pilih jabatan instansi Anda."]
    assert not RhkTemplate.objects.filter(jabatan=templates.malut).exists()


def test_bad_input_names_every_problem_and_writes_nothing(org, templates):
    before = (RhkTemplate.objects.count(), RhkTemplateIki.objects.count())
    with pytest.raises(ValidationError) as error:
        save(org, templates.analis, "   ", kind="lain", perspektif="anggaran", template=templates.utama, iki=[
            {"text": "Tanpa target", "aspek": "waktu", "target": " "},
            {"text": "Aspek salah", "aspek": "biaya", "target": "1"},
        ])  # fmt: skip
    problems = error.value.message_dict
    assert problems["text"] == ["Tuliskan rencana hasil kerja."]
    assert problems["kind"] == ["Pilih jenis RHK: utama atau tambahan."]
    assert problems["perspektif"] == ["Perspektif hanya untuk Jabatan Pimpinan Tinggi."]
    assert problems["__all__"] == [
        "IKI baris 1: tuliskan indikator dan targetnya.",
        "IKI baris 2: pilih aspek kuantitas, kualitas, atau waktu.",
    ]
    assert (RhkTemplate.objects.count(), RhkTemplateIki.objects.count()) == before
    assert RhkTemplate.objects.get(pk=templates.utama.pk).text == templates.utama.text


def test_a_template_needs_an_iki_and_perspektif_only_for_jpt(org, templates):
    with pytest.raises(ValidationError) as error:
        save(org, templates.analis, "Tanpa IKI", iki=[])
    assert error.value.messages == ["Tambahkan paling sedikit satu IKI."]
    jpt = save(org, templates.kepala, "Meningkatnya kualitas manajemen ASN", perspektif="penerima_layanan")
    assert jpt.perspektif == "penerima_layanan"


def test_deactivating_and_reactivating(org, templates):
    services.set_template_active(actor=org.sdm.user, template=templates.utama, active=False)
    assert not RhkTemplate.objects.get(pk=templates.utama.pk).is_active
    again = services.set_template_active(actor=org.sdm.user, template=templates.utama, active=True)
    assert again.is_active and RhkTemplate.objects.get(pk=templates.utama.pk).is_active
