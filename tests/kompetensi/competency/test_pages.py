"""The competency pages: Kompetensi saya (gaps, match, target position, history, claims), the claim form with its
bad input, the verification queue, an employee's profile for whoever has them in scope, the attachment, the team
column, the profile section and the notifications."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from kompetensi import services as training
from kompetensi.competency import queries, services
from kompetensi.competency.models import CompetencyProfile, Evidence, JobStandard
from kompetensi.competency.team import competency_cells
from kompetensi.models import CourseCompetency
from kompetensi.queries import pending_count
from portal.models import Notification
from portal.team import team_rows
from tests.factories import make_jabatan, make_pegawai

from .conftest import make_catalog, make_course, running_session

S = Evidence.Source
TODAY = timezone.localdate
MY_PAGE = reverse("kompetensi:my_competency")
CLAIM = reverse("kompetensi:competency_claim")
QUEUE = reverse("kompetensi:competency_reviews")
PDF = b"%PDF-1.4 bukti"


def _assess(org, competency, level, pegawai=None, days_ago=30):
    return services.record_evidence(
        actor=org.sdm.user, pegawai=pegawai or org.pegawai, competency=competency, source=S.ASSESSMENT_CENTER,
        level=level, observed_on=TODAY() - timedelta(days=days_ago), note="Hasil assessment center",
    )  # fmt: skip


def _claim(org, competency, level=3, pegawai=None, **fields):
    pegawai = pegawai or org.pegawai
    return services.record_evidence(
        actor=pegawai.user, pegawai=pegawai, competency=competency, source=fields.pop("source", S.SELF), level=level,
        observed_on=TODAY() - timedelta(days=2), **fields,
    )  # fmt: skip


@pytest.fixture
def assessed(org, dictionary):
    """M.01 3 (meets 3), M.03 1 (gap 2), M.04 2 (gap 1), T.SDM.01 none (gap 4): (3+1+2+0)/13 = 46.15 %."""
    n = dictionary.national
    _assess(org, n["M.01"], 3)
    _assess(org, n["M.03"], 1)
    _assess(org, n["M.04"], 2)
    return dictionary


# --- Kompetensi saya ----------------------------------------------------------------------------------------------


def test_my_page_shows_the_gaps_largest_first_and_the_band(org, assessed, login):
    response = login(org.pegawai).get(MY_PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "46,15 %" in html and "Kurang optimal" in html
    rows = [row.competency.code for row in response.context["rows"]]
    assert rows == ["T.SDM.01", "M.03", "M.04", "M.01"]  # gaps 4, 2, 1, 0
    assert "kurang 4 level" in html and "memenuhi" in html
    assert 'role="img" aria-label="Level 1 dari standar 3"' in html  # the bar says its numbers


def test_a_target_position_shows_its_own_gaps(org, assessed, login):
    kabid = make_jabatan(org.gorontalo, "KABID", "administrator", "Kepala Bidang Pengembangan")
    JobStandard.objects.create(jabatan=kabid, competency=assessed.national["M.01"], required_level=4)
    other = make_jabatan(org.malut, "KABID", "administrator", "Kepala Bidang Malut")
    JobStandard.objects.create(jabatan=other, competency=assessed.national["M.01"], required_level=4)
    client = login(org.pegawai)
    page = client.get(MY_PAGE)
    options = [j.pk for j in page.context["target_form"].fields["target"].queryset]
    assert kabid.pk in options and other.pk not in options
    response = client.get(MY_PAGE, {"target": kabid.pk})
    assert response.context["target"] == kabid
    assert [(r.competency.code, r.gap) for r in response.context["rows"]] == [("M.01", 1)]
    assert "75,00 %" in response.content.decode()
    # another instansi's position, or nonsense: a clear message and the own standard
    refused = client.get(MY_PAGE, {"target": other.pk})
    assert refused.context["target"] is None and "pilih dari daftar" in refused.content.decode()
    assert client.get(MY_PAGE, {"target": "abc"}).status_code == 200


def test_history_shows_corrections_struck_through_and_verdicts(org, assessed, login):
    first = _assess(org, assessed.national["M.01"], 4, days_ago=10)
    services.correct_evidence(actor=org.sdm.user, entry=first, level=3, note="Salah ketik pada impor")
    claim = _claim(org, assessed.national["M.04"], 3, note="Memimpin tim proyek")
    services.review_claim(actor=org.atasan.user, claim=claim, confirm=False, note="Belum tampak di SKP")
    html = login(org.pegawai).get(MY_PAGE).content.decode()
    assert "<s><strong>Assessment center</strong> · level 4" in html and "dikoreksi" in html
    assert "Salah ketik pada impor" in html and "dicatat oleh Hartini SDM" in html
    assert "Tidak dikonfirmasi" in html and "Belum tampak di SKP" in html
    assert "atas klaim Penilaian diri level 3" in html


def test_waiting_claims_are_listed(org, assessed, login):
    _claim(org, assessed.national["M.03"], 2)
    response = login(org.pegawai).get(MY_PAGE)
    assert [e.competency.code for e in response.context["waiting"]] == ["M.03"]
    assert "menunggu verifikasi" in response.content.decode()


def test_no_standard_says_so(org, dictionary, login):
    JobStandard.objects.all().delete()
    html = login(org.pegawai).get(MY_PAGE).content.decode()
    assert "belum mempunyai standar kompetensi" in html


def test_page_needs_login_and_a_pegawai(org, client):
    assert client.get(MY_PAGE).status_code == 302
    client.force_login(org.superadmin)
    assert client.get(MY_PAGE).status_code == 404


# --- the claim form ------------------------------------------------------------------------------------------------


def test_a_self_assessment_claim_waits_and_the_supervisor_is_told(org, dictionary, login, committed):
    client = login(org.pegawai)
    competency = dictionary.national["M.03"]
    form = client.get(CLAIM, {"kompetensi": competency.pk})
    assert form.context["form"]["competency"].value() == competency.pk
    # the position's standard comes first in the choices, then the rest of the dictionary
    codes = [c.code for c in form.context["form"].fields["competency"].queryset]
    assert set(codes[:4]) == {"M.01", "M.03", "M.04", "T.SDM.01"} and "T.SDM.01" in codes
    assert "T.SDM.01" in codes and codes.count("T.SDM.01") == 1  # not Malut's own entry
    data = {"competency": competency.pk, "source": "self", "level": 3, "observed_on": TODAY().isoformat(),
            "note": "Menyusun bahan paparan pimpinan"}  # fmt: skip
    response = committed(client.post, CLAIM, data)
    assert response.status_code == 302 and response["Location"] == MY_PAGE
    claim = Evidence.objects.get(pegawai=org.pegawai, competency=competency)
    assert (claim.source, claim.level, claim.recorded_by) == (S.SELF, 3, org.pegawai.user)
    assert not CompetencyProfile.objects.filter(pegawai=org.pegawai, competency=competency).exists()
    note = Notification.objects.get(recipient=org.atasan.user, kind="kompetensi.competency_claim")
    assert "Siti Pegawai" in note.title and "Komunikasi level 3" in note.title and note.url == QUEUE


def test_an_external_claim_with_an_attachment(org, dictionary, login):
    client = login(org.pegawai)
    upload = SimpleUploadedFile("sertifikat.pdf", PDF, content_type="application/pdf")
    data = {"competency": dictionary.teknis.pk, "source": "external", "level": 2,
            "observed_on": TODAY().isoformat(), "attachment": upload}  # fmt: skip
    assert client.post(CLAIM, data).status_code == 302
    claim = Evidence.objects.get(pegawai=org.pegawai)
    assert claim.attachment.name.startswith("kompetensi/bukti-kompetensi/") and claim.attachment.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"level": 6}, "level", "pilihan yang valid"),
        ({"level": ""}, "level", "harus diisi"),
        ({"observed_on": "besok"}, "observed_on", "tanggal yang valid"),
        ({"observed_on": "FUTURE"}, "observed_on", "masa depan"),
        ({"competency": "MALUT"}, "competency", "pilihan yang valid"),
        ({"competency": ""}, "competency", "harus diisi"),
        ({"source": "assessment_center"}, "source", "pilihan yang valid"),
        ({"source": "external"}, "link", "perlu bukti"),
        ({"link": "javascript:alert(1)"}, "link", "format yang benar"),
        ({"attachment": ("bukti.exe", b"MZ...")}, "attachment", "PDF, PNG, atau JPG"),
        ({"attachment": ("bukti.pdf", b"bukan pdf")}, "attachment", "tidak sesuai"),
        ({"attachment": ("bukti.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024))}, "attachment", "paling besar 5 MB"),
    ],
)
def test_bad_claims_are_refused_with_a_message_and_the_input_kept(org, dictionary, login, change, field, message):
    data = {"competency": dictionary.national["M.03"].pk, "source": "self", "level": 3,
            "observed_on": TODAY().isoformat(), "note": "Catatan yang tidak boleh hilang"}  # fmt: skip
    for key, value in change.items():
        if value == "FUTURE":
            value = (TODAY() + timedelta(days=2)).isoformat()  # past the date of every zone
        elif value == "MALUT":
            value = dictionary.teknis_malut.pk
        elif isinstance(value, tuple):
            value = SimpleUploadedFile(value[0], value[1])
        data[key] = value
    response = login(org.pegawai).post(CLAIM, data)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors, response.context["form"].errors
    html = response.content.decode()
    assert "Catatan yang tidak boleh hilang" in html and "Klaim belum tersimpan" in html
    assert ("Lampiran perlu dipilih ulang" in html) == ("attachment" in change)
    assert not Evidence.objects.exists()


# --- the attachment ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("pegawai", 200), ("atasan", 200), ("sdm", 200), ("rekan", 404), ("pimpinan", 404), ("sdm_malut", 404),
     ("pegawai_malut", 404)],
)  # fmt: skip
def test_the_attachment_is_served_only_to_the_owner_supervisor_and_hr(org, dictionary, client, who, status):
    claim = _claim(org, dictionary.national["M.03"], attachment=SimpleUploadedFile("b.pdf", PDF))
    client.force_login(getattr(org, who).user)
    response = client.get(reverse("kompetensi:competency_evidence_file", args=[claim.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Cache-Control"] == "private, no-store" and "attachment" in response["Content-Disposition"]


def test_an_entry_without_attachment_is_404(org, assessed, login):
    entry = Evidence.objects.filter(pegawai=org.pegawai).first()
    assert login(org.pegawai).get(reverse("kompetensi:competency_evidence_file", args=[entry.pk])).status_code == 404


# --- an employee's profile -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("pegawai", 302), ("atasan", 200), ("sdm", 200), ("pimpinan", 200), ("rekan", 404), ("konten", 404),
     ("cucu", 404), ("sdm_malut", 404), ("pegawai_malut", 404)],
)  # fmt: skip
def test_an_employee_profile_for_whoever_has_them_in_scope(org, assessed, client, who, status):
    client.force_login(getattr(org, who).user)
    response = client.get(reverse("kompetensi:employee_competency", args=[org.pegawai.pk]))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Profil kompetensi Siti Pegawai" in html and "46,15 %" in html
        assert "Tambah klaim kompetensi" not in html


def test_a_supervisor_sees_a_report_of_their_own(org, dictionary, login):
    """pegawai supervises cucu: the supervisor scope is per person, not per role."""
    assert login(org.pegawai).get(reverse("kompetensi:employee_competency", args=[org.cucu.pk])).status_code == 200


# --- the verification queue ----------------------------------------------------------------------------------------


def test_queue_lists_the_reports_claims_and_confirms_at_another_level(org, assessed, login, committed):
    claim = _claim(org, assessed.national["M.03"], 3, note="Menjadi narasumber", link="https://contoh.go.id/bukti")
    client = login(org.atasan)
    page = client.get(QUEUE)
    assert page.status_code == 200
    (shown,) = page.context["page"].object_list
    assert (shown.pk, shown.current_level, shown.required_level) == (claim.pk, 1, 3)
    html = page.content.decode()
    assert "Menjadi narasumber" in html and 'data-confirm="Konfirmasi Komunikasi milik Siti Pegawai' in html
    response = committed(client.post, reverse("kompetensi:competency_decide", args=[claim.pk]),
                         {"decision": "confirm", "level": 2, "note": "Level 2 dulu"})  # fmt: skip
    assert response.status_code == 302
    assert CompetencyProfile.objects.get(pegawai=org.pegawai, competency=claim.competency).level == 2
    told = Notification.objects.get(recipient=org.pegawai.user, kind="kompetensi.competency_confirmed")
    assert "Komunikasi level 2" in told.title and "Level 2 dulu" in told.body and told.url == MY_PAGE
    # the supervisor's notification about the claim now says it needs nothing more
    assert not client.get(QUEUE).context["page"].object_list


def test_a_refusal_needs_a_reason_and_keeps_what_was_typed(org, assessed, login):
    claim = _claim(org, assessed.national["M.03"], 3)
    client = login(org.atasan)
    url = reverse("kompetensi:competency_decide", args=[claim.pk])
    response = client.post(url, {"decision": "reject", "level": 4, "note": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tuliskan alasan" in html and '<option value="4" selected>' in html
    assert not Evidence.objects.filter(review_of=claim).exists()
    bad = client.post(url, {"decision": "maybe", "level": 9, "note": "catatan saya"})
    assert bad.status_code == 400 and "catatan saya" in bad.content.decode()
    assert client.post(url, {"decision": "reject", "note": "Belum tampak"}).status_code == 302
    verdict = Evidence.objects.get(review_of=claim)
    assert verdict.decision == "rejected" and verdict.note == "Belum tampak"
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kompetensi.competency_rejected").exists()
    # deciding again: nothing changes, a message says why
    again = client.post(url, {"decision": "confirm", "level": 3}, follow=True)
    assert "sudah diverifikasi" in again.content.decode()
    assert Evidence.objects.filter(review_of=claim).count() == 1


@pytest.mark.parametrize(
    ("who", "queue", "decide"),
    [("atasan", 200, 302), ("sdm", 200, 302), ("rekan", 403, 404), ("pegawai", 200, 404), ("pimpinan", 200, 404),
     ("sdm_malut", 200, 404), ("pegawai_malut", 403, 404)],
)  # fmt: skip
def test_who_may_open_the_queue_and_decide(org, assessed, client, who, queue, decide):
    """The supervisor and HR decide; the employee never on their own claim; nobody else, and another instansi's
    HR does not even learn the claim exists."""
    claim = _claim(org, assessed.national["M.03"], 3)
    client.force_login(getattr(org, who).user)
    response = client.get(QUEUE)
    assert response.status_code == queue
    if queue == 200:
        assert bool(response.context["page"].object_list) == (decide == 302)
    url = reverse("kompetensi:competency_decide", args=[claim.pk])
    assert client.post(url, {"decision": "confirm", "level": 3}).status_code == decide
    assert Evidence.objects.filter(review_of=claim).exists() == (decide == 302)


def test_queue_costs_the_same_queries_for_many_claims(org, assessed, login, django_assert_max_num_queries):
    client = login(org.atasan)
    _claim(org, assessed.national["M.03"], 3)
    with django_assert_max_num_queries(40) as few:
        client.get(QUEUE)
    reports = [make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=assessed.jabatan) for _ in range(6)]
    for pegawai in reports:
        _claim(org, assessed.national["M.01"], 4, pegawai=pegawai, link="https://contoh.go.id/x")
        _claim(org, assessed.teknis, 2, pegawai=pegawai)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(QUEUE)
    assert len(response.context["page"].object_list) == 13


def test_course_completion_claims_reach_the_queue_and_the_supervisor_is_told(org, dictionary, committed):
    course = make_course(make_catalog(org.gorontalo), "Komunikasi Publik", jp=12)
    CourseCompetency.objects.create(course=course, competency=dictionary.national["M.03"], level=3)
    session, (enrolment,) = running_session(org, None, [org.pegawai], course=course)
    committed(training.record_results, org.pelatihan.user, session.pk, {enrolment.pk: (True, None)})
    claim = Evidence.objects.get(pegawai=org.pegawai, source=S.COURSE)
    assert list(queries.pending_reviews(org.atasan.user)) == [claim]
    note = Notification.objects.get(recipient=org.atasan.user, kind="kompetensi.competency_claim")
    assert "Komunikasi level 3" in note.title and "Komunikasi Publik" in note.body


# --- the approvals badge, Tim saya, the profile section --------------------------------------------------------------


def test_the_approvals_badge_counts_competency_claims(org, assessed, login):
    assert pending_count(org.atasan.user) == 0
    _claim(org, assessed.national["M.03"], 3)
    assert pending_count(org.atasan.user) == 1
    html = login(org.atasan).get(reverse("kompetensi:approvals")).content.decode()
    assert "1 klaim kompetensi bawahan menunggu verifikasi Anda" in html


def test_team_column_shows_the_band_and_waiting_claims(org, assessed, login):
    _claim(org, assessed.national["M.03"], 3)
    response = login(org.atasan).get(reverse("team"))
    html = response.content.decode()
    assert "Kurang optimal (46,15 %) · 1 klaim menunggu Anda" in html
    assert "Belum ada standar" in html  # rekan's position has no standard


def test_team_column_costs_the_same_queries_for_a_bigger_team(org, assessed, django_assert_max_num_queries):
    reports = list(org.atasan.bawahan.select_related("jabatan", "instansi"))
    with django_assert_max_num_queries(4):
        competency_cells(reports)
    for _ in range(8):
        pegawai = make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, jabatan=assessed.jabatan)
        _assess(org, assessed.national["M.01"], 2, pegawai=pegawai)
        _claim(org, assessed.national["M.03"], 3, pegawai=pegawai)
    reports = list(org.atasan.bawahan.select_related("jabatan", "instansi"))
    with django_assert_max_num_queries(4):
        cells = competency_cells(reports)
    assert len(cells) == 10
    assert team_rows(reports)[1]


@pytest.mark.parametrize(("who", "shown"), [("pegawai", True), ("atasan", True), ("sdm", True), ("pimpinan", True)])
def test_profile_section_on_the_employee_page(org, assessed, client, who, shown):
    client.force_login(getattr(org, who).user)
    html = client.get(reverse("employee_detail", args=[org.pegawai.nip])).content.decode()
    assert ("Kesenjangan terbesar" in html) == shown and "Lihat profil kompetensi lengkap" in html


def test_menu_has_kompetensi_saya(org, login):
    html = login(org.pegawai).get("/").content.decode()
    assert f'href="{MY_PAGE}">Kompetensi saya</a>' in html and "<summary>Pengembangan" in html


def test_png_attachment_is_accepted(org, dictionary, login):
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, "PNG")
    data = {"competency": dictionary.teknis.pk, "source": "self", "level": 2, "observed_on": TODAY().isoformat(),
            "attachment": SimpleUploadedFile("foto.png", buffer.getvalue())}  # fmt: skip
    assert login(org.pegawai).post(CLAIM, data).status_code == 302
