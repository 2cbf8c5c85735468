"""HR's RHK template pages: the list by jabatan (filtered, searched, at a constant query count), create and edit
with IKI rows (bad input shown again with everything typed), deactivate; nobody else, and no other instansi."""

import pytest
from django.urls import reverse

from kinerja.models import RhkTemplate
from tests.factories import make_jabatan

from .conftest import save

pytestmark = pytest.mark.django_db
LIST = reverse("kinerja:rhk_templates")
CREATE = reverse("kinerja:rhk_template_create")


def management(total, initial=0):
    return {"iki-TOTAL_FORMS": str(total), "iki-INITIAL_FORMS": str(initial), "iki-MIN_NUM_FORMS": "0",
            "iki-MAX_NUM_FORMS": "30"}  # fmt: skip


def post_data(jabatan, text="Tersusunnya laporan kepegawaian bulanan", rows=(), **fields):
    data = {"jabatan": jabatan.pk, "kind": "utama", "text": text, "perspektif": "", "order": "", **fields}
    data.update(management(len(rows)))
    for n, (iki, aspek, target, *delete) in enumerate(rows):
        data.update({f"iki-{n}-text": iki, f"iki-{n}-aspek": aspek, f"iki-{n}-target": target})
        if delete:
            data[f"iki-{n}-DELETE"] = "on"
    return data


def test_the_list_shows_the_instansis_templates_by_jabatan_with_their_iki(org, templates, login):
    html = login(org.sdm).get(LIST).content.decode()
    assert "Terselesaikannya telaahan usul layanan kepegawaian" in html and "240 berkas" in html
    assert "Nonaktif" in html and "Analis SDM Aparatur (2)" in html  # two active
    assert "Analis SDM Maluku Utara" not in html
    assert reverse("kinerja:rhk_template_edit", args=[templates.utama.pk]) in html


def test_the_list_filters_by_jabatan_status_and_search(org, templates, login):
    other = make_jabatan(org.gorontalo, "PENGADM", name="Pengadministrasi Perkantoran")
    save(org, other, "Tertibnya administrasi persuratan")
    client = login(org.sdm)
    html = client.get(LIST, {"jabatan": other.pk}).content.decode()
    assert "Tertibnya administrasi persuratan" in html and "telaahan usul" not in html
    html = client.get(LIST, {"q": "berkas"}).content.decode()  # found through an IKI
    assert "telaahan usul" in html and "persuratan" not in html and "pendampingan" not in html
    html = client.get(LIST, {"status": "nonaktif"}).content.decode()
    assert "RHK lama" in html and "telaahan usul" not in html
    html = client.get(LIST, {"q": "tidak ada yang cocok"}).content.decode()
    assert "Tidak ada templat yang cocok." in html
    assert client.get(LIST, {"jabatan": "x';--", "page": "zz"}).status_code == 200


def test_the_list_costs_the_same_queries_for_more_templates(org, templates, login, django_assert_max_num_queries):
    client = login(org.sdm)
    client.get(LIST)  # the user's frame is filled once
    with django_assert_max_num_queries(12) as few:
        assert client.get(LIST).status_code == 200
    few = len(few.captured_queries)
    for n in range(15):
        jabatan = make_jabatan(org.gorontalo, f"J{n}", name=f"Jabatan {n}")
        save(
            org, jabatan, f"RHK {n}", iki=[{"text": f"IKI {n}-{m}", "aspek": "waktu", "target": "1"} for m in range(3)]
        )
    client.get(LIST)  # the organisation changed: the frame is read again once
    with django_assert_max_num_queries(few):
        html = client.get(LIST).content.decode()
    assert "Halaman 1 dari 1" not in html and "IKI 0-2" in html  # 18 templates on one page, each with its IKI


def test_hr_creates_a_template_and_lands_on_its_jabatan(org, templates, login):
    client = login(org.sdm)
    html = client.get(CREATE, {"jabatan": templates.analis.pk}).content.decode()
    assert f'<option value="{templates.analis.pk}" selected>' in html and "Analis SDM Maluku Utara" not in html
    rows = [("Laporan disampaikan tepat waktu", "waktu", "12 laporan"), ("", "kuantitas", "")]
    response = client.post(CREATE, post_data(templates.analis, rows=rows), follow=True)
    assert response.redirect_chain[-1][0] == f"{LIST}?jabatan={templates.analis.pk}"
    assert "disimpan" in response.content.decode()
    made = RhkTemplate.objects.get(text="Tersusunnya laporan kepegawaian bulanan")
    assert list(made.iki.values_list("text", "aspek", "target")) == [rows[0]]


def test_bad_input_is_shown_again_with_what_was_typed_and_writes_nothing(org, templates, login):
    client = login(org.sdm)
    before = RhkTemplate.objects.count()
    rows = [("IKI tanpa target yang diketik", "waktu", "")]
    response = client.post(CREATE, post_data(templates.analis, text="", rows=rows))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Tuliskan rencana hasil kerja." in html and "Tuliskan targetnya" in html
    assert "IKI tanpa target yang diketik" in html
    # no IKI at all, and perspektif for a jabatan that is not JPT (the service's rule, on the form)
    response = client.post(CREATE, post_data(templates.analis, text="RHK yang diketik", perspektif="anggaran",
                                             rows=[("", "kuantitas", "")]))  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 400 and "Tambahkan paling sedikit satu IKI." in html and "RHK yang diketik" in html
    response = client.post(CREATE, post_data(templates.analis, text="RHK yang diketik", perspektif="anggaran",
                                             rows=[("IKI", "waktu", "1")]))  # fmt: skip
    assert response.status_code == 400
    assert "Perspektif hanya untuk Jabatan Pimpinan Tinggi." in response.content.decode()
    # another instansi's jabatan is not a choice
    response = client.post(CREATE, post_data(templates.malut, rows=[("IKI", "waktu", "1")]))
    assert response.status_code == 400 and "Pilih jabatan instansi Anda." in response.content.decode()
    assert RhkTemplate.objects.count() == before


def test_another_iki_row_is_added_without_losing_what_was_typed(org, templates, login):
    data = post_data(templates.analis, text="RHK setengah jadi", rows=[("IKI pertama", "kualitas", "90 %")])
    data["add_row"] = "1"
    response = login(org.sdm).post(CREATE, data)
    html = response.content.decode()
    assert response.status_code == 200 and "RHK setengah jadi" in html and "IKI pertama" in html
    assert 'name="iki-TOTAL_FORMS" value="2"' in html and "iki-1-text" in html
    assert 'class="error"' not in html and not RhkTemplate.objects.filter(text="RHK setengah jadi").exists()


def test_hr_edits_a_template_removing_and_adding_iki(org, templates, login):
    client = login(org.sdm)
    url = reverse("kinerja:rhk_template_edit", args=[templates.utama.pk])
    html = client.get(url).content.decode()
    assert "Persentase usul layanan ditelaah tepat waktu" in html and "iki-2-text" in html  # two rows and a blank
    rows = [("Persentase usul ditelaah tepat waktu", "waktu", "97 %"), ("Jumlah berkas", "kuantitas", "1", "hapus"),
            ("Indeks kepuasan", "kualitas", "3,5")]  # fmt: skip
    data = post_data(templates.analis, text="Telaahan usul selesai", rows=rows)
    data.update(management(3, initial=2))
    response = client.post(url, data)
    assert response.status_code == 302
    changed = RhkTemplate.objects.get(pk=templates.utama.pk)
    assert changed.text == "Telaahan usul selesai"
    assert list(changed.iki.values_list("text", "target")) == [
        ("Persentase usul ditelaah tepat waktu", "97 %"),
        ("Indeks kepuasan", "3,5"),
    ]


def test_hr_deactivates_and_reactivates(org, templates, login):
    client = login(org.sdm)
    url = reverse("kinerja:rhk_template_active", args=[templates.utama.pk])
    response = client.post(url, {"active": "0"}, follow=True)
    assert "dinonaktifkan" in response.content.decode()
    assert not RhkTemplate.objects.get(pk=templates.utama.pk).is_active
    client.post(url, {"active": "1"})
    assert RhkTemplate.objects.get(pk=templates.utama.pk).is_active
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("who", ["pegawai", "atasan", "pimpinan", "konten"])
def test_only_hr_opens_the_pages(org, templates, login, who):
    client = login(getattr(org, who))
    assert client.get(LIST).status_code == 403 and client.get(CREATE).status_code == 403
    edit = reverse("kinerja:rhk_template_edit", args=[templates.utama.pk])
    active = reverse("kinerja:rhk_template_active", args=[templates.utama.pk])
    assert client.get(edit).status_code == 404 and client.post(active, {"active": "0"}).status_code == 404
    assert RhkTemplate.objects.get(pk=templates.utama.pk).is_active


def test_another_instansis_template_is_not_found(org, templates, login):
    client = login(org.sdm_malut)
    assert "telaahan usul" not in client.get(LIST).content.decode()
    edit = reverse("kinerja:rhk_template_edit", args=[templates.utama.pk])
    assert client.get(edit).status_code == 404
    data = post_data(templates.malut, rows=[("IKI", "waktu", "1")])
    assert client.post(edit, data).status_code == 404
    active = reverse("kinerja:rhk_template_active", args=[templates.utama.pk])
    assert client.post(active, {"active": "0"}).status_code == 404
    assert RhkTemplate.objects.get(pk=templates.utama.pk).is_active


def test_the_kelola_menu_links_the_list_for_hr_only(org, templates, login):
    assert "Templat RHK jabatan" in login(org.sdm).get(reverse("kinerja:periods")).content.decode()
    assert "Templat RHK jabatan" not in login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
