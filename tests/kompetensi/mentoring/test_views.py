"""Mentoring pages: what each person sees and may do, scoping (another instansi's object is a 404), constant query
counts on the lists, the report and its export."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kompetensi.mentoring import services
from kompetensi.models import MentoringPair, MentoringProgramme, MentoringSession
from tests.factories import make_pegawai

from .conftest import log, make_programme

S = MentoringSession.Status


def url(name, *args):
    return reverse(f"kompetensi:mentoring:{name}", args=args)


def test_the_mentor_logs_a_session_from_their_page(org, mentoring, login):
    client = login(org.atasan)
    page = client.get(url("home")).content.decode()
    assert "Mentee saya" in page and org.pegawai.nama in page and url("session_new", mentoring.pair.pk) in page
    response = client.post(
        url("session_new", mentoring.pair.pk),
        {"held_on": timezone.localdate().isoformat(), "duration_minutes": "60", "topics": "Rapat", "actions": "Draf"},
    )
    assert response.status_code == 302 and response["Location"] == url("pair", mentoring.pair.pk)
    assert MentoringSession.objects.get().status == S.LOGGED


def test_a_bad_log_says_why_and_saves_nothing(org, mentoring, login):
    response = login(org.atasan).post(
        url("session_new", mentoring.pair.pk),
        {"held_on": (timezone.localdate() + timedelta(days=2)).isoformat(), "duration_minutes": "5", "topics": "",
         "actions": "x"},
    )  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 200 and "Tuliskan topik yang dibahas." in body
    assert not MentoringSession.objects.exists()


def test_the_mentee_confirms_or_disputes_from_their_page(org, mentoring, login):
    first = log(mentoring.pair, timezone.localdate())
    second = log(mentoring.pair, timezone.localdate() - timedelta(days=1))
    client = login(org.pegawai)
    page = client.get(url("home")).content.decode()
    assert "Sesi yang perlu Anda konfirmasi" in page and url("session_confirm", first.pk) in page
    response = client.post(url("session_confirm", first.pk), follow=True)
    assert "2 JP masuk ke catatan JP Anda" in response.content.decode()
    response = client.post(url("session_dispute", second.pk), {"reason": ""}, follow=True)
    assert "Tuliskan alasan sanggahan" in response.content.decode()
    client.post(url("session_dispute", second.pk), {"reason": "Tidak ada sesi hari itu"})
    assert dict(MentoringSession.objects.values_list("pk", "status")) == {first.pk: S.CONFIRMED, second.pk: S.DISPUTED}


def test_the_mentor_cannot_confirm_their_own_log(org, mentoring, login):
    session = log(mentoring.pair, timezone.localdate())
    response = login(org.atasan).post(url("session_confirm", session.pk), follow=True)
    assert "Hanya mentee" in response.content.decode()
    session.refresh_from_db()
    assert session.status == S.LOGGED


@pytest.mark.parametrize(
    ("who", "status"),
    [("pegawai", 200), ("atasan", 200), ("sdm", 200), ("pimpinan", 200), ("rekan", 404), ("konten", 404),
     ("sdm_malut", 404), ("pegawai_malut", 404)],
)  # fmt: skip
def test_who_sees_a_pair(org, mentoring, login, who, status):
    assert login(getattr(org, who)).get(url("pair", mentoring.pair.pk)).status_code == status


@pytest.mark.parametrize(
    ("who", "name", "status"),
    [
        ("pegawai", "session_new", 403), ("sdm", "session_new", 403), ("rekan", "session_new", 404),
        ("atasan", "feedback", 403), ("rekan", "feedback", 404), ("sdm_malut", "feedback", 404),
        ("pegawai", "agreement", 403), ("atasan", "agreement", 200), ("sdm", "agreement", 200),
        ("sdm_malut", "agreement", 404),
    ],
)  # fmt: skip
def test_pair_pages_by_person(org, mentoring, login, who, name, status):
    assert login(getattr(org, who)).get(url(name, mentoring.pair.pk)).status_code == status


def test_another_instansi_gets_404_on_every_object(org, mentoring, login):
    session = log(mentoring.pair, timezone.localdate())
    client = login(org.sdm_malut)
    for name, pk in [
        ("pair", mentoring.pair.pk), ("session_new", mentoring.pair.pk), ("agreement", mentoring.pair.pk),
        ("feedback", mentoring.pair.pk), ("programme", mentoring.programme.pk),
        ("programme_edit", mentoring.programme.pk), ("pair_new", mentoring.programme.pk),
        ("programme_export", mentoring.programme.pk),
    ]:  # fmt: skip
        assert client.get(url(name, pk)).status_code == 404, name
    for name, pk in [("session_confirm", session.pk), ("session_dispute", session.pk), ("pair_end", mentoring.pair.pk)]:
        assert client.post(url(name, pk), {"reason": "x"}).status_code == 404, name
    session.refresh_from_db()
    assert session.status == S.LOGGED
    assert MentoringPair.objects.get().status == MentoringPair.Status.ACTIVE


@pytest.mark.parametrize(("who", "status"), [("sdm", 200), ("pimpinan", 200), ("atasan", 200), ("rekan", 403)])
def test_programme_pages_are_for_hr_leaders_and_supervisors(org, mentoring, login, who, status):
    client = login(getattr(org, who))
    assert client.get(url("programmes")).status_code == status
    assert client.get(url("programme", mentoring.programme.pk)).status_code == status


def test_hr_creates_a_programme_and_pairs(org, mentoring, login):
    client = login(org.sdm)
    today = timezone.localdate()
    response = client.post(
        url("programme_create"),
        {
            "name": "Mentoring Analis",
            "start_date": today.isoformat(),
            "end_date": (today + timedelta(days=90)).isoformat(),
        },
    )
    programme = MentoringProgramme.objects.get(name="Mentoring Analis")
    assert response["Location"] == url("programme", programme.pk) and programme.instansi == org.gorontalo
    form = client.get(url("pair_new", programme.pk)).content.decode()
    assert org.konten.nama in form and org.sdm_malut.nama not in form
    response = client.post(
        url("pair_new", programme.pk),
        {"mentor": org.rekan.pk, "mentee": org.cucu.pk, "goals": "Menulis laporan",
         "competency_1": mentoring.national["M.03"].pk, "level_1": "3"},
    )  # fmt: skip
    assert response.status_code == 302
    pair = MentoringPair.objects.get(programme=programme)
    assert list(pair.targets.values_list("competency__code", "level")) == [("M.03", 3)]
    # a level without its competency says so
    response = client.post(
        url("pair_new", programme.pk), {"mentor": org.rekan.pk, "mentee": org.konten.pk, "goals": "x", "level_1": "2"}
    )
    assert "Pilih kompetensinya" in response.content.decode()


def test_a_supervisor_only_offers_their_team(org, mentoring, login):
    form = login(org.atasan).get(url("pair_new", mentoring.programme.pk)).content.decode()
    assert org.rekan.nama in form and org.konten.nama not in form and org.cucu.nama not in form
    response = login(org.atasan).post(
        url("pair_new", mentoring.programme.pk), {"mentor": org.konten.pk, "mentee": org.rekan.pk, "goals": "x"}
    )
    assert response.status_code == 200 and "tidak dapat dipilih" in response.content.decode()
    assert login(org.rekan).get(url("pair_new", mentoring.programme.pk)).status_code == 403


def test_end_feedback_and_report(org, mentoring, login):
    days = [timezone.localdate() - timedelta(days=n) for n in (1, 2, 3)]
    sessions = [log(mentoring.pair, day) for day in days]
    services.confirm_session(actor=org.pegawai.user, session=sessions[0])
    services.dispute_session(actor=org.pegawai.user, session=sessions[1], reason="x")
    login(org.atasan).post(url("pair_end", mentoring.pair.pk))
    client = login(org.pegawai)
    assert url("feedback", mentoring.pair.pk) in client.get(url("pair", mentoring.pair.pk)).content.decode()
    client.post(url("feedback", mentoring.pair.pk), {"rating": "4", "comment": '=HYPERLINK("http://x")'})
    report = login(org.sdm).get(url("programme", mentoring.programme.pk)).context["report"]
    expected_jp = sessions[0].jp if sessions[0].jp is not None else MentoringSession.objects.get(pk=sessions[0].pk).jp
    assert report == {
        "pairs": 1, "ended": 1, "feedback": 1, "rating": 4, "logged": 3, "waiting": 1, "confirmed": 1,
        "disputed": 1, "jp": expected_jp,
    }  # fmt: skip
    response = login(org.sdm).get(url("programme_export", mentoring.programme.pk))
    book = load_workbook(__import__("io").BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Sesi dikonfirmasi"] == 1 and summary["Rata-rata penilaian mentee (1-5)"] == 4
    pairs = list(book["Pasangan"].iter_rows(min_row=2, values_only=True))
    assert pairs[0][2] == org.pegawai.nama and pairs[0][-1].startswith("'=")  # the formula is neutralised


def test_lists_cost_constant_queries(org, mentoring, login, django_assert_max_num_queries):
    def grow(n):
        for k in range(n):
            mentee = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Mentee {k}")
            pair = services.pair_up(
                actor=org.sdm.user, programme=mentoring.programme, mentor=org.atasan, mentee=mentee, goals="x"
            )
            log(pair, timezone.localdate())
            make_programme(org.gorontalo, org.sdm, name=f"Program {k}")
        log(mentoring.pair, timezone.localdate() - timedelta(days=k + 1))

    pages = [(org.atasan, url("home")), (org.pegawai, url("home")), (org.sdm, url("programmes")),
             (org.sdm, url("programme", mentoring.programme.pk)), (org.atasan, url("pair", mentoring.pair.pk))]  # fmt: skip
    grow(1)
    counts = []
    for who, path in pages:
        client = login(who)
        client.get(path)
        with django_assert_max_num_queries(40) as captured:
            assert client.get(path).status_code == 200
        counts.append(len(captured.captured_queries))
    grow(6)
    for (who, path), count in zip(pages, counts, strict=True):
        client = login(who)
        client.get(path)  # pairing refreshes the people's frames: read them again once
        with django_assert_max_num_queries(count, info=path):
            assert client.get(path).status_code == 200


def test_the_home_panel_leads_mentors_and_mentees_and_the_menu_leads_managers(org, mentoring, login):
    from home.demo import ensure_home_page

    home = ensure_home_page(org.gorontalo).url
    log(mentoring.pair, timezone.localdate())
    mentee_home = login(org.pegawai).get(home).content.decode()
    assert url("home") in mentee_home and "1 sesi menunggu konfirmasi Anda" in mentee_home
    assert "Anda mendampingi 1 mentee" in login(org.atasan).get(home).content.decode()
    assert url("home") not in login(org.konten).get(home).content.decode()
    assert url("programmes") in login(org.sdm).get(home).content.decode()
    assert url("programmes") not in login(org.rekan).get(home).content.decode()
    # a new pair shows the panel at once (the frame is refreshed)
    login(org.rekan).get(home)
    services.pair_up(actor=org.sdm.user, programme=mentoring.programme, mentor=org.rekan, mentee=org.konten, goals="x")
    assert url("home") in login(org.rekan).get(home).content.decode()
