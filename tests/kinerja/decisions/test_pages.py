"""Pages of career decisions: the list and its scoping, a new proposal with bad input, the decision page for each
reader (live evidence for a draft, the seal after proposing), deciding in the browser's form, the employee's own
list and profile section, the reward candidates and the link from the eligibility list."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.career import demo as career_demo
from kinerja.decisions import demo, services
from kinerja.decisions.models import CareerDecision
from kinerja.talent.models import TalentPlacement
from portal.models import Jabatan
from tests.factories import make_jabatan, make_pegawai

from .conftest import qualify

pytestmark = pytest.mark.django_db


def _propose(org, draft):
    return services.propose(actor=org.sdm.user, decision=draft)


@pytest.mark.parametrize("who, status", [("sdm", 200), ("pimpinan", 200), ("atasan", 403), ("pegawai", 403)])
def test_the_list_is_for_hr_and_pimpinan(org, login, draft, who, status):
    response = login(getattr(org, who)).get(reverse("kinerja:decisions"))
    assert response.status_code == status
    if status == 200:
        assert draft.title in response.content.decode()


def test_another_instansi_sees_none_of_it(org, login, draft):
    client = login(org.sdm_malut)
    assert draft.title not in client.get(reverse("kinerja:decisions")).content.decode()
    for name in ("kinerja:decision", "kinerja:decision_edit"):
        assert client.get(reverse(name, args=[draft.pk])).status_code == 404
    assert client.post(reverse("kinerja:decision_propose", args=[draft.pk])).status_code == 404


def test_list_filters_and_constant_queries(org, login, draft, django_assert_max_num_queries):
    client = login(org.sdm)
    for index in range(6):
        services.create_draft(actor=org.sdm.user, pegawai=org.rekan, kind="rotasi", title=f"Rotasi {index}",
                              rationale="Penyegaran.")  # fmt: skip
    _propose(org, draft)
    client.get(reverse("kinerja:decisions"))  # the frame is filled once
    with django_assert_max_num_queries(14):
        response = client.get(reverse("kinerja:decisions"))
    assert len(response.context["page"].object_list) == 7
    assert {value: n for value, _label, n in response.context["chips"]} == {
        "draft": 6, "proposed": 1, "approved": 0, "rejected": 0,
    }  # fmt: skip
    proposed = client.get(reverse("kinerja:decisions"), {"status": "proposed"}).context["page"].object_list
    assert [d.pk for d in proposed] == [draft.pk]
    found = client.get(reverse("kinerja:decisions"), {"q": org.rekan.nip[:10], "jenis": "rotasi"})
    assert len(found.context["page"].object_list) == 6


def test_new_proposal_prefilled_and_bad_input_answered(org, login):
    qualify(org.pegawai)
    client = login(org.sdm)
    url = reverse("kinerja:decision_new")
    page = client.get(url, {"nip": org.pegawai.nip, "jenis": "kenaikan_pangkat", "judul": "Kenaikan pangkat"})
    assert page.status_code == 200 and org.pegawai.full_name in page.content.decode()
    assert page.context["form"].initial["kind"] == "kenaikan_pangkat"
    bad = client.post(url, {"nip": org.pegawai_malut.nip, "kind": "rotasi", "title": "Rotasi", "rationale": "x"})
    assert bad.status_code == 400
    assert "Tidak ada pegawai aktif dengan NIP ini" in bad.content.decode()
    empty = client.post(url, {"nip": org.pegawai.nip, "kind": "rotasi", "title": "Rotasi", "rationale": ""})
    assert empty.status_code == 400 and empty.context["form"].errors["rationale"]
    assert empty.context["form"]["title"].value() == "Rotasi"  # nothing typed is lost
    good = client.post(url, {"nip": org.pegawai.nip, "kind": "kenaikan_pangkat", "title": "Kenaikan pangkat",
                             "rationale": "Memenuhi syarat.", "effective_on": "2027-01-01"})  # fmt: skip
    decision = CareerDecision.objects.get()
    assert good.status_code == 302 and good.url == reverse("kinerja:decision", args=[decision.pk])
    assert str(decision.effective_on) == "2027-01-01" and decision.created_by == org.sdm.user
    assert login(org.pimpinan).get(url).status_code == 403


def test_the_decision_page_previews_then_shows_the_seal(org, login, draft):
    client = login(org.sdm)
    page = client.get(reverse("kinerja:decision", args=[draft.pk]))
    body = page.content.decode()
    assert 'data-testid="live-note"' in body and 'data-evidence="predikat"' in body
    assert reverse("kinerja:decision_propose", args=[draft.pk]) in body
    response = client.post(reverse("kinerja:decision_propose", args=[draft.pk]))
    assert response.status_code == 302
    body = client.get(reverse("kinerja:decision", args=[draft.pk])).content.decode()
    assert 'data-testid="sealed-note"' in body and 'data-evidence="kelayakan"' in body
    assert reverse("kinerja:decision_decide", args=[draft.pk]) not in body  # HR does not decide


def test_pimpinan_decides_in_the_page(org, login, draft):
    _propose(org, draft)
    client = login(org.pimpinan)
    page = client.get(reverse("kinerja:decision", args=[draft.pk])).content.decode()
    assert reverse("kinerja:decision_decide", args=[draft.pk]) in page
    refused = client.post(reverse("kinerja:decision_decide", args=[draft.pk]), {"putusan": "tolak", "note": ""})
    assert refused.status_code == 400 and "Tulis alasan penolakan." in refused.content.decode()
    draft.refresh_from_db()
    assert draft.status == "proposed"
    client.post(reverse("kinerja:decision_decide", args=[draft.pk]), {"putusan": "setujui", "note": "Setuju."})
    draft.refresh_from_db()
    assert draft.status == "approved" and draft.decision_note == "Setuju."


def test_the_employee_sees_decisions_about_them_once_decided(org, login, draft):
    client = login(org.pegawai)
    url = reverse("kinerja:decision", args=[draft.pk])
    assert client.get(url).status_code == 404
    _propose(org, draft)
    assert client.get(url).status_code == 404
    services.decide(actor=org.pimpinan.user, decision=draft, approve=True)
    page = client.get(url)
    assert page.status_code == 200 and 'data-testid="sealed-note"' in page.content.decode()
    assert reverse("kinerja:decision_propose", args=[draft.pk]) not in page.content.decode()
    mine = client.get(reverse("kinerja:my_decisions"))
    assert [d.pk for d in mine.context["page"].object_list] == [draft.pk]
    assert login(org.rekan).get(url).status_code == 404  # a colleague never
    assert login(org.atasan).get(url).status_code == 404


def test_profile_section(org, login, draft):
    _propose(org, draft)
    services.decide(actor=org.pimpinan.user, decision=draft, approve=True)
    own = login(org.pegawai).get(reverse("employee_detail", args=[org.pegawai.nip])).content.decode()
    assert 'data-testid="profile-decisions"' in own and draft.title in own
    hr = login(org.sdm).get(reverse("employee_detail", args=[org.rekan.nip])).content.decode()
    assert 'data-testid="profile-decisions"' in hr and f"?nip={org.rekan.nip}" in hr


def test_reward_candidates_and_the_promotion_link(org, login):
    qualify(org.pegawai, predikat=("SANGAT_BAIK", "BAIK"))
    qualify(org.rekan, predikat=("BAIK", "BAIK"))
    client = login(org.sdm)
    page = client.get(reverse("kinerja:rewards"))
    people = [p.pk for p in page.context["candidates"]]
    assert people == [org.pegawai.pk] and page.context["candidates"][0].sangat_baik
    assert "jenis=penghargaan" in page.content.decode()
    promotion = client.get(reverse("kinerja:promotion")).content.decode()
    assert 'data-testid="propose-promotion"' in promotion and f"nip={org.pegawai.nip}" in promotion
    assert login(org.pimpinan).get(reverse("kinerja:rewards")).status_code == 403


def test_demo_has_every_state_idempotently(org):
    jabatan = make_jabatan(org.gorontalo, "STAF-DEMO", kind=Jabatan.Kind.PELAKSANA)
    for index in range(6):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=jabatan, nama=f"Demo {index}")
    career_demo.load_promotion()
    demo.load_decisions()
    demo.load_decisions()
    decisions = CareerDecision.objects.filter(instansi=org.gorontalo)
    assert set(decisions.values_list("status", flat=True)) == {"draft", "proposed", "approved", "rejected"}
    assert decisions.count() == 4  # no `pegawai.gorontalo` here: its development assignment is not written
    assert all(d.evidence for d in decisions.exclude(status="draft"))


def test_the_top_talent_box_is_a_reward_candidate_too(org, login):
    qualify(org.rekan, predikat=("SANGAT_BAIK", "BAIK"))
    TalentPlacement.objects.create(
        pegawai=org.cucu,
        kinerja="DI_ATAS",
        potensial="TINGGI",
        box=9,
        computed_at=timezone.now(),
        changed_at=timezone.now(),
    )
    TalentPlacement.objects.create(
        pegawai=org.atasan,
        kinerja="SESUAI",
        potensial="TINGGI",
        box=8,
        computed_at=timezone.now(),
        changed_at=timezone.now(),
    )
    candidates = {p.pk: p for p in login(org.sdm).get(reverse("kinerja:rewards")).context["candidates"]}
    assert set(candidates) == {org.rekan.pk, org.cucu.pk}
    assert candidates[org.cucu.pk].top_box and not candidates[org.cucu.pk].sangat_baik
