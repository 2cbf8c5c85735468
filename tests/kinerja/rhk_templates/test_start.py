"""Starting an SKP from the active RHK templates of the employee's jabatan: offered on the start page only when
there are some (with how many), copying kind, text, perspektif and IKI, leaving the intervened RHK for the
employee to choose; nothing of another jabatan, another instansi or a deactivated template."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kinerja.models import Rhk, Skp
from kinerja.rhk_templates import queries
from kinerja.skp import services as skp_services
from kinerja.skp import start_sources

from ..conftest import approved_skp
from .conftest import save

pytestmark = pytest.mark.django_db
OPTION = "Dari templat RHK jabatan"


@pytest.fixture
def period(org):
    return skp_services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=timezone.localdate().year)


def test_the_start_page_offers_the_templates_of_my_jabatan_with_their_number(org, templates, period, login):
    html = login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    assert f"{OPTION} (2 RHK)" in html and 'value="rhk_templates"' in html
    # the atasan holds no jabatan with templates: no such option
    assert OPTION not in login(org.atasan).get(reverse("kinerja:my_skp")).content.decode()


def test_the_option_is_gone_when_every_template_is_deactivated(org, templates, period, login):
    from kinerja.rhk_templates import services

    for template in (templates.utama, templates.tambahan):
        services.set_template_active(actor=org.sdm.user, template=template, active=False)
    assert OPTION not in login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()


def test_the_employee_starts_from_the_templates_and_chooses_the_intervened_rhk(org, templates, period, login):
    approved_skp(org.atasan, period)
    client = login(org.pegawai)
    response = client.post(reverse("kinerja:start"), {"source": "rhk_templates", "approach": "kuantitatif"},
                           follow=True)  # fmt: skip
    html = response.content.decode()
    assert "dimulai sebagai draf" in html and "Terselesaikannya telaahan usul layanan kepegawaian" in html
    skp = Skp.objects.get(pegawai=org.pegawai, period=period)
    rows = list(skp.rhk.prefetch_related("iki").order_by("order"))  # in the templates' order, utama first
    assert [(r.kind, r.text, r.intervened_id, r.perspektif) for r in rows] == [
        ("utama", "Terselesaikannya telaahan usul layanan kepegawaian", None, ""),
        ("tambahan", "Terlaksananya pendampingan penyusunan SKP", None, ""),
    ]
    assert [(i.text, i.aspek, i.target, i.order) for i in rows[0].iki.all()] == [
        ("Persentase usul layanan ditelaah tepat waktu", "waktu", "95 %", 0),
        ("Jumlah berkas usul yang diverifikasi", "kuantitas", "240 berkas", 1),
    ]
    assert "RHK lama" not in html  # a deactivated template is not copied
    # the employee still has to point the RHK utama at the evaluator's RHK before submitting
    assert any("belum menyebut RHK pimpinan" in problem for problem in skp_services.submission_problems(skp))
    # the copies are the employee's own: changing the template later leaves them alone
    save(org, templates.analis, "Teks baru templat", template=templates.utama)
    assert Rhk.objects.filter(skp=skp, text="Terselesaikannya telaahan usul layanan kepegawaian").exists()


def test_a_jpt_keeps_the_perspektif_of_its_templates(org, templates, period):
    save(org, templates.kepala, "Meningkatnya kualitas manajemen ASN", perspektif="penerima_layanan")
    skp = skp_services.start_skp(actor=org.pimpinan.user, pegawai=org.pimpinan, period=period,
                                 from_source="rhk_templates")  # fmt: skip
    assert list(skp.rhk.values_list("text", "perspektif")) == [
        ("Meningkatnya kualitas manajemen ASN", "penerima_layanan")
    ]


def test_without_templates_or_with_an_unknown_source_nothing_is_started(org, templates, period):
    with pytest.raises(ValidationError, match="Belum ada templat RHK aktif"):
        skp_services.start_skp(actor=org.atasan.user, pegawai=org.atasan, period=period, from_source="rhk_templates")
    with pytest.raises(ValidationError):
        skp_services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period, from_source="entah")
    assert not Skp.objects.filter(period=period).exists()


def test_a_forged_choice_on_the_start_page_is_answered_in_words(org, templates, period, login):
    response = login(org.atasan).post(reverse("kinerja:start"), {"source": "rhk_templates", "approach": "kuantitatif"},
                                      follow=True)  # fmt: skip
    assert "Belum ada templat RHK aktif untuk jabatan Anda" in response.content.decode()
    assert not Skp.objects.filter(pegawai=org.atasan).exists()


def test_only_the_templates_of_my_instansi_and_jabatan_count(org, templates):
    org.pegawai_malut.jabatan = templates.malut
    org.pegawai_malut.save(update_fields=["jabatan"])
    assert queries.active_count(org.pegawai_malut) == 0 and queries.plan_for(org.pegawai_malut) == []
    assert queries.active_count(org.pegawai) == 2 and queries.active_count(org.atasan) == 0
    assert start_sources.offered(org.atasan) == []
    assert start_sources.offered(org.pegawai) == [("rhk_templates", f"{OPTION} (2 RHK)")]


def test_the_plan_costs_the_same_queries_for_more_templates(org, templates, django_assert_num_queries):
    with django_assert_num_queries(2):
        queries.plan_for(org.pegawai)
    for n in range(5):
        save(org, templates.analis, f"RHK {n}", iki=[{"text": f"IKI {m}", "aspek": "waktu", "target": "1"}
                                                     for m in range(3)])  # fmt: skip
    with django_assert_num_queries(2):
        assert len(queries.plan_for(org.pegawai)) == 7
