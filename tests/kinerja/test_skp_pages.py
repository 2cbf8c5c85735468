"""The SKP pages for every role: the employee writes, saves in the background and submits; the evaluator (or a
Plt/Plh) approves or returns; HR opens periods and names Plt/Plh; everyone else gets 404 (another instansi too)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.models import ActingEvaluator, BerakhlakValue, Iki, Rhk, Skp, SkpTransition
from kinerja.skp import services
from tests.factories import make_pegawai

pytestmark = pytest.mark.django_db
AUTOSAVE = {"HTTP_X_AUTOSAVE": "1"}


def _page(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


# --- the employee ---------------------------------------------------------------------------------------------


def test_without_an_open_period_the_employee_is_told_who_opens_it(org, login):
    status, html = _page(login(org.pegawai), reverse("kinerja:my_skp"))
    assert status == 200 and "belum dibuka" in html and "Admin SDM" in html


def test_the_employee_starts_from_the_evaluators_rhk(org, login):
    from .conftest import approved_skp

    period = services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=timezone.localdate().year)
    _skp, parent = approved_skp(org.atasan, period)
    client = login(org.pegawai)
    html = client.get(reverse("kinerja:my_skp")).content.decode()
    assert "Mulai dari RHK pejabat penilai" in html and "tahun lalu" not in html
    response = client.post(reverse("kinerja:start"), {"source": "evaluator", "approach": "kuantitatif"}, follow=True)
    assert "dimulai sebagai draf" in response.content.decode()
    assert Rhk.objects.get(skp__pegawai=org.pegawai).intervened == parent


def test_my_skp_shows_the_plan_problems_values_lampiran_and_history(org, kinerja, login):
    status, html = _page(login(org.pegawai), reverse("kinerja:my_skp"))
    assert status == 200
    for text in ("Terselesaikannya usul kenaikan pangkat", "Usul selesai tepat waktu", "95 %", "Tambah RHK",
                 "Berorientasi Pelayanan", "Dukungan sumber daya", "Ajukan SKP", "data-confirm", "Riwayat",
                 "Meningkatnya kualitas pelayanan kepegawaian"):  # fmt: skip
        assert text in html, text
    assert "data-autosave" in html and "autosave.js" in html


def test_when_the_evaluator_has_no_approved_skp_the_employee_is_told_who_must_act(org, login):
    period = services.open_period(actor=org.sdm.user, instansi=org.gorontalo, year=timezone.localdate().year)
    services.start_skp(actor=org.pegawai.user, pegawai=org.pegawai, period=period)
    html = login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    assert "Ayu Atasan belum menyusun SKP" in html and "Yang perlu bertindak: Ayu Atasan" in html
    services.start_skp(actor=org.atasan.user, pegawai=org.atasan, period=period)
    html = login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    assert "belum diajukan dan disetujui" in html
    # a draft is still kept meanwhile
    response = login(org.pegawai).post(
        reverse("kinerja:rhk_create", args=[Skp.objects.get(pegawai=org.pegawai).pk]),
        {"kind": "utama", "text": "Draf RHK sambil menunggu", "intervened": ""},
    )
    assert response.status_code == 302 and Rhk.objects.filter(text="Draf RHK sambil menunggu").exists()


def test_bad_rhk_input_keeps_what_was_typed_and_changes_nothing(org, kinerja, login):
    client = login(org.pegawai)
    before = Rhk.objects.count()
    response = client.post(
        reverse("kinerja:rhk_create", args=[kinerja.skp.pk]), {"kind": "utama", "text": " ", "intervened": "999999"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and "Tuliskan rencana hasil kerja" in html
    assert "Pilih RHK dari SKP pejabat penilai Anda" in html
    # an RHK of someone else's SKP (not the evaluator's) is refused with the service's words, the text kept
    other = Rhk.objects.create(skp=kinerja.skp, text="RHK saya sendiri")
    response = client.post(
        reverse("kinerja:rhk_create", args=[kinerja.skp.pk]),
        {"kind": "tambahan", "text": "Tugas tambahan penting", "intervened": other.pk},
    )
    assert response.status_code == 400 and "Tugas tambahan penting" in response.content.decode()
    assert Rhk.objects.count() == before + 1


def test_perspektif_is_offered_only_on_a_jpt_skp(org, kinerja, login):
    assert 'name="perspektif"' not in login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    Skp.objects.filter(pk=kinerja.skp.pk).update(jabatan_kind="jpt")
    html = login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    assert 'name="perspektif"' in html and "Penerima Layanan" in html


def test_rhk_and_iki_are_edited_and_deleted_on_their_page(org, kinerja, login):
    client = login(org.pegawai)
    url = reverse("kinerja:rhk_edit", args=[kinerja.rhk.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"kind": "utama", "text": "RHK diubah", "intervened": kinerja.parent.pk})
    assert response.status_code == 302
    response = client.post(
        reverse("kinerja:iki_create", args=[kinerja.rhk.pk]), {"new-text": "", "new-aspek": "x", "new-target": ""}
    )
    html = response.content.decode()
    assert response.status_code == 400 and "Tuliskan indikatornya" in html and "Tuliskan targetnya" in html
    client.post(
        reverse("kinerja:iki_create", args=[kinerja.rhk.pk]),
        {"new-text": "Jumlah berkas diverifikasi", "new-aspek": "kuantitas", "new-target": "240 berkas"},
    )
    iki = Iki.objects.get(text="Jumlah berkas diverifikasi")
    prefix = f"iki{kinerja.iki.pk}"
    response = client.post(
        reverse("kinerja:iki_edit", args=[kinerja.iki.pk]),
        {f"{prefix}-text": "Usul selesai", f"{prefix}-aspek": "waktu", f"{prefix}-target": ""},
    )
    assert response.status_code == 400 and "Usul selesai" in response.content.decode()
    client.post(reverse("kinerja:iki_delete", args=[iki.pk]))
    assert not Iki.objects.filter(pk=iki.pk).exists()
    client.post(reverse("kinerja:rhk_delete", args=[kinerja.rhk.pk]))
    assert not Rhk.objects.filter(pk=kinerja.rhk.pk).exists()


def test_the_background_save_answers_json_and_gives_a_new_row_its_address(org, kinerja, login):
    client = login(org.pegawai)
    response = client.post(
        reverse("kinerja:rhk_create", args=[kinerja.skp.pk]), {"kind": "utama", "text": "Separuh ketik"}, **AUTOSAVE
    )
    answer = response.json()
    rhk = Rhk.objects.get(text="Separuh ketik")
    assert answer["saved"] and answer["message"].startswith("Tersimpan")
    assert answer["action"] == reverse("kinerja:rhk_edit", args=[rhk.pk]) and answer["key"] == f"rhk-{rhk.pk}"
    # the next save goes to that address and changes the same row
    answer = client.post(answer["action"], {"kind": "utama", "text": "Separuh ketik, lalu selesai"}, **AUTOSAVE)
    assert answer.json()["saved"] and Rhk.objects.filter(pk=rhk.pk, text="Separuh ketik, lalu selesai").exists()
    # a new IKI form keeps its prefix when it posts to its own address later
    answer = client.post(
        reverse("kinerja:iki_create", args=[rhk.pk]),
        {"new-text": "Persentase", "new-aspek": "kuantitas", "new-target": "9"},
        **AUTOSAVE,
    ).json()
    client.post(
        answer["action"], {"new-text": "Persentase", "new-aspek": "kuantitas", "new-target": "90 %"}, **AUTOSAVE
    )
    assert Iki.objects.get(rhk=rhk).target == "90 %"
    # bad input: 400 with the reason, nothing written
    response = client.post(reverse("kinerja:rhk_edit", args=[rhk.pk]), {"kind": "utama", "text": ""}, **AUTOSAVE)
    assert response.status_code == 400 and "Belum tersimpan" in response.json()["message"]
    assert Rhk.objects.get(pk=rhk.pk).text == "Separuh ketik, lalu selesai"
    response = client.post(
        reverse("kinerja:details", args=[kinerja.skp.pk]),
        {"approach": "kuantitatif", "dukungan_sumber_daya": "Anggaran DPA"},
        **AUTOSAVE,
    )
    assert response.json()["saved"] and Skp.objects.get(pk=kinerja.skp.pk).dukungan_sumber_daya == "Anggaran DPA"
    # someone else's background save finds nothing
    other = login(org.rekan)
    assert other.post(reverse("kinerja:rhk_edit", args=[rhk.pk]), {"text": "x"}, **AUTOSAVE).status_code == 404


def test_submit_shows_the_problems_first_then_goes_to_the_evaluator(org, kinerja, login):
    client = login(org.pegawai)
    Iki.objects.all().delete()
    html = client.get(reverse("kinerja:my_skp")).content.decode()
    assert "belum mempunyai indikator" in html and f'action="/kinerja/skp/{kinerja.skp.pk}/ajukan/"' not in html
    response = client.post(reverse("kinerja:submit", args=[kinerja.skp.pk]), follow=True)
    assert "belum mempunyai indikator" in response.content.decode()
    services.save_iki(actor=org.pegawai.user, rhk=kinerja.rhk, text="Usul selesai", aspek="waktu", target="95 %")
    response = client.post(reverse("kinerja:submit", args=[kinerja.skp.pk]), follow=True)
    assert "diajukan kepada Ayu Atasan" in response.content.decode()
    assert Skp.objects.get(pk=kinerja.skp.pk).status == "submitted"
    # nothing can be edited while it waits
    html = client.get(reverse("kinerja:rhk_edit", args=[kinerja.rhk.pk])).content.decode()
    assert "tidak dapat diubah" in html and "data-autosave" not in html


def test_a_revision_after_approval_needs_a_reason(org, kinerja, login):
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    services.approve_skp(actor=org.atasan.user, skp=kinerja.skp)
    client = login(org.pegawai)
    assert "Ajukan revisi" in client.get(reverse("kinerja:my_skp")).content.decode()
    response = client.post(reverse("kinerja:revise", args=[kinerja.skp.pk]), {"reason": ""})
    assert response.status_code == 400 and "alasan revisi" in response.content.decode()
    client.post(reverse("kinerja:revise", args=[kinerja.skp.pk]), {"reason": "Tugas tambahan dari gubernur"})
    skp = Skp.objects.get(pk=kinerja.skp.pk)
    assert (skp.status, skp.revision) == ("draft", 1)


# --- the evaluator, a Plt/Plh ----------------------------------------------------------------------------------


def test_the_evaluator_returns_with_a_reason_then_approves(org, kinerja, login):
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    client = login(org.atasan)
    html = client.get(reverse("kinerja:queue")).content.decode()
    assert "Siti Pegawai" in html and reverse("kinerja:skp_detail", args=[kinerja.skp.pk]) in html
    html = client.get(reverse("kinerja:skp_detail", args=[kinerja.skp.pk])).content.decode()
    assert "Setujui SKP" in html and "Kembalikan" in html and "Simpan ekspektasi" in html
    response = client.post(reverse("kinerja:decide", args=[kinerja.skp.pk]), {"action": "return", "reason": ""})
    assert response.status_code == 400 and "perlu diperbaiki" in response.content.decode()
    client.post(reverse("kinerja:decide", args=[kinerja.skp.pk]), {"action": "return", "reason": "Target kabur"})
    html = login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    assert "Dikembalikan untuk diperbaiki" in html and "Target kabur" in html
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    response = login(org.atasan).post(reverse("kinerja:decide", args=[kinerja.skp.pk]), {"action": "approve"})
    assert response.status_code == 302 and Skp.objects.get(pk=kinerja.skp.pk).status == "approved"


def test_the_evaluator_sets_expectations_per_value(org, kinerja, login):
    value = BerakhlakValue.objects.get(code="BERORIENTASI_PELAYANAN")
    client = login(org.atasan)
    client.post(reverse("kinerja:expectations", args=[kinerja.skp.pk]), {f"value_{value.pk}": "Menjawab dalam 1 hari"})
    assert kinerja.skp.perilaku.get(value=value).ekspektasi_khusus == "Menjawab dalam 1 hari"
    html = login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    assert "Menjawab dalam 1 hari" in html
    # the employee cannot set them
    response = login(org.pegawai).post(
        reverse("kinerja:expectations", args=[kinerja.skp.pk]), {f"value_{value.pk}": "Saya sendiri"}
    )
    assert response.status_code == 403


def test_a_plh_decides_and_the_history_says_on_whose_behalf(org, kinerja, login):
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    today = timezone.localdate()  # UTC here; Gorontalo (WITA) is a day ahead from 16:00 UTC
    ActingEvaluator.objects.create(official=org.atasan, acting=org.sdm, kind="plh", starts_on=today - timedelta(days=1),
                                   ends_on=today + timedelta(days=1))  # fmt: skip
    client = login(org.sdm)
    assert "Siti Pegawai" in client.get(reverse("kinerja:queue")).content.decode()
    client.post(reverse("kinerja:decide", args=[kinerja.skp.pk]), {"action": "approve", "reason": "Plh Kabid"})
    row = SkpTransition.objects.get(skp=kinerja.skp, to_status="approved")
    assert row.on_behalf_of == org.atasan
    html = login(org.pegawai).get(reverse("kinerja:my_skp")).content.decode()
    assert "atas nama Ayu Atasan" in html


@pytest.mark.parametrize(
    "role, status",
    [("pegawai", 200), ("atasan", 200), ("pimpinan", 200), ("sdm", 200), ("rekan", 404), ("cucu", 404),
     ("konten", 404), ("sdm_malut", 404), ("pegawai_malut", 404)],
)  # fmt: skip
def test_who_sees_an_skp(org, kinerja, login, role, status):
    """The owner, the evaluator, the leader above in the chain and HR of the instansi; a peer, a report, another
    unit and another instansi get 404."""
    assert login(getattr(org, role)).get(reverse("kinerja:skp_detail", args=[kinerja.skp.pk])).status_code == status


@pytest.mark.parametrize("role", ["rekan", "pimpinan", "sdm", "sdm_malut", "pegawai_malut", "atasan"])
def test_only_the_owner_writes_and_only_the_evaluator_decides(org, kinerja, login, role):
    client = login(getattr(org, role))
    for name, pk, data in [
        ("kinerja:rhk_create", kinerja.skp.pk, {"kind": "utama", "text": "Sisipan"}),
        ("kinerja:rhk_edit", kinerja.rhk.pk, {"kind": "utama", "text": "Sisipan"}),
        ("kinerja:rhk_delete", kinerja.rhk.pk, {}),
        ("kinerja:iki_create", kinerja.rhk.pk, {"new-text": "x", "new-aspek": "waktu", "new-target": "1"}),
        ("kinerja:iki_edit", kinerja.iki.pk, {}),
        ("kinerja:iki_delete", kinerja.iki.pk, {}),
        ("kinerja:details", kinerja.skp.pk, {"approach": "kualitatif"}),
        ("kinerja:submit", kinerja.skp.pk, {}),
        ("kinerja:revise", kinerja.skp.pk, {"reason": "x"}),
    ]:
        assert client.post(reverse(name, args=[pk]), data).status_code == 404, name
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    response = client.post(reverse("kinerja:decide", args=[kinerja.skp.pk]), {"action": "approve"})
    expected = {"atasan": 302, "pimpinan": 403, "sdm": 403}.get(role, 404)
    assert response.status_code == expected
    assert Rhk.objects.filter(text="Sisipan").count() == 0


def test_the_queue_costs_the_same_queries_for_more_skp(org, kinerja, login, django_assert_max_num_queries):
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    client = login(org.atasan)
    client.get(reverse("kinerja:queue"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("kinerja:queue"))
    few = len(few.captured_queries)
    for n in range(6):
        person = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Tambahan {n}")
        skp = services.start_skp(actor=person.user, pegawai=person, period=kinerja.period)
        rhk = services.save_rhk(actor=person.user, skp=skp, text="RHK", intervened=kinerja.parent)
        services.save_iki(actor=person.user, rhk=rhk, text="IKI", aspek="waktu", target="1")
        services.submit_skp(actor=person.user, skp=skp)
    client.get(reverse("kinerja:queue"))  # the organisation changed: the frame is read again once
    with django_assert_max_num_queries(few):
        assert client.get(reverse("kinerja:queue")).content.decode().count("Periksa SKP") == 7


def test_the_team_shows_each_reports_skp_at_a_constant_cost(org, kinerja, login, django_assert_max_num_queries):
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    client = login(org.atasan)
    html = client.get(reverse("team")).content.decode()
    assert "Menunggu Anda" in html and "Belum disusun" in html  # Siti submitted, Budi has none
    assert reverse("kinerja:skp_detail", args=[kinerja.skp.pk]) in html
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("team"))
    few = len(few.captured_queries)
    for n in range(5):
        person = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Tambahan {n}")
        services.start_skp(actor=person.user, pegawai=person, period=kinerja.period)
    client.get(reverse("team"))  # the organisation changed: the frame is read again once
    with django_assert_max_num_queries(few):
        assert client.get(reverse("team")).content.decode().count(">Draf<") == 5


def test_the_menu_counts_skp_waiting_and_the_home_panel_says_so(org, kinerja, login):
    client = login(org.atasan)
    assert "SKP menunggu persetujuan Anda" not in client.get("/notifikasi/").content.decode()
    services.submit_skp(actor=org.pegawai.user, skp=kinerja.skp)
    html = client.get("/notifikasi/").content.decode()
    assert 'SKP saya <span class="nav-count">1<' in html
    html = client.get(reverse("kinerja:my_skp")).content.decode()
    assert "1 SKP menunggu persetujuan Anda" in html and reverse("kinerja:queue") in html
    assert "1 SKP menunggu persetujuan Anda" in _panel(org.atasan)
    assert "Menunggu persetujuan" not in _panel(org.rekan) and "Diajukan" in _panel(org.pegawai)
    assert "nav-count" not in login(org.rekan).get("/notifikasi/").content.decode()


def _panel(who):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from kinerja.skp.panels import skp_panel

    request = RequestFactory().get("/")
    request.user = who.user
    return render_to_string("kinerja/panels/skp.html", skp_panel(request), request=request)


# --- HR ---------------------------------------------------------------------------------------------------------


def test_hr_opens_a_period_with_clear_messages_on_bad_input(org, login):
    client = login(org.sdm)
    assert client.get(reverse("kinerja:periods")).status_code == 200
    year = timezone.localdate().year
    response = client.post(reverse("kinerja:periods"), {"year": "", "cadence": "tahunan"})
    html = response.content.decode()
    assert response.status_code == 400 and "Isi tahun periode" in html and "Pilih triwulanan atau bulanan" in html
    response = client.post(
        reverse("kinerja:periods"), {"year": year, "cadence": "bulanan", "planning_deadline": f"{year - 1}-12-01"}
    )
    assert response.status_code == 400 and "sebelum tahun periode" in response.content.decode()
    response = client.post(reverse("kinerja:periods"), {"year": year, "cadence": "bulanan"}, follow=True)
    html = response.content.decode()
    assert "dibuka" in html and "Desember" in html
    response = client.post(reverse("kinerja:periods"), {"year": year, "cadence": "triwulanan"})
    assert response.status_code == 400 and "sudah ada" in response.content.decode()


def test_hr_assigns_a_plt_by_nip(org, login):
    client = login(org.sdm)
    today = timezone.localdate()
    data = {"official": org.atasan.pk, "acting_nip": org.pegawai_malut.nip, "kind": "plt",
            "starts_on": today, "ends_on": today + timedelta(days=30)}  # fmt: skip
    response = client.post(reverse("kinerja:acting"), data)
    assert response.status_code == 400 and "NIP itu di instansi Anda" in response.content.decode()
    response = client.post(reverse("kinerja:acting"), {**data, "acting_nip": org.rekan.nip}, follow=True)
    assert "ditunjuk sebagai Plt/Plh" in response.content.decode()
    assert ActingEvaluator.objects.get().acting == org.rekan


@pytest.mark.parametrize("role", ["pegawai", "atasan", "pimpinan", "konten", "superadmin"])
def test_only_hr_manages_periods_and_acting(org, login, role):
    client = login(getattr(org, role))
    assert client.get(reverse("kinerja:periods")).status_code == 403
    assert client.get(reverse("kinerja:acting")).status_code == 403


def test_hr_of_another_instansi_sees_only_their_own(org, kinerja, login):
    html = login(org.sdm_malut).get(reverse("kinerja:periods")).content.decode()
    assert "Belum ada periode kinerja" in html
