"""Required reading: acknowledgement (with comprehension check), re-acknowledgement on a new revision, the
dashboard panel, the per-unit report with XLSX export, and the reminder job that never sends twice."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from home import queries, services
from home.models import Acknowledgement, QuizAttempt, ReadingRequirement
from portal.models import Notification

from .builders import campaign


def _outstanding(user):
    """As a new request reads it: the frame is loaded once per request (on the request's own user object)."""
    return queries.outstanding_reading(type(user).objects.get(pk=user.pk))


pytestmark = pytest.mark.django_db

QUIZ = [
    ("question", {"question": "Berapa JP minimal per tahun?", "options": ["10", "20", "40"], "correct": 2}),
    ("question", {"question": "Siapa pejabat penilai?", "options": ["Atasan langsung", "Rekan"], "correct": 1}),
]


@pytest.fixture
def reading(intranet, org):
    return campaign(intranet.gorontalo.campaigns, rules=[{"unit": org.bidang}])


def test_publishing_creates_requirement_for_the_instansi(reading, org):
    requirement = ReadingRequirement.objects.get(page_id=reading.pk)
    assert requirement.active and requirement.generation == 1
    assert requirement.instansi_id == org.gorontalo.pk
    assert requirement.revision_id == reading.live_revision_id


def test_acknowledge_records_revision_time_and_user(reading, org, login):
    client = login(org.pegawai)
    response = client.post(f"/halaman/{reading.pk}/konfirmasi/", {"confirm": "on"})
    assert response.status_code == 302
    ack = Acknowledgement.objects.get(page_id=reading.pk, pegawai=org.pegawai)
    assert ack.user == org.pegawai.user
    assert ack.revision_id == reading.live_revision_id
    assert ack.generation == 1 and ack.acknowledged_at
    # a second submit changes nothing
    client.post(f"/halaman/{reading.pk}/konfirmasi/", {"confirm": "on"})
    assert Acknowledgement.objects.filter(page_id=reading.pk).count() == 1


def test_acknowledge_requires_the_checkbox(reading, org, login):
    client = login(org.pegawai)
    response = client.post(f"/halaman/{reading.pk}/konfirmasi/", {}, follow=True)
    assert "Centang pernyataan ini" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_outside_audience_cannot_acknowledge(reading, org, login):
    # sdm is in the parent unit, outside the audience: the page answers 404 for them
    assert login(org.sdm).post(f"/halaman/{reading.pk}/konfirmasi/", {"confirm": "on"}).status_code == 404
    with pytest.raises(PermissionDenied):
        services.acknowledge(org.konten.user, reading)  # an editor sees the page but is not in the audience
    assert not Acknowledgement.objects.exists()


def test_dashboard_lists_outstanding_reading_until_acknowledged(reading, intranet, org, login):
    client = login(org.pegawai)
    html = client.get(intranet.gorontalo.home.url).content.decode()
    panel = html.split('data-testid="panel-required-reading"')[1].split("</article>")[0]
    assert reading.title in panel
    services.acknowledge(org.pegawai.user, reading)
    html = client.get(intranet.gorontalo.home.url).content.decode()
    panel = html.split('data-testid="panel-required-reading"')[1].split("</article>")[0]
    assert reading.title not in panel
    # not for someone outside the audience
    assert _outstanding(org.sdm.user) == []


def test_reacknowledgement_on_new_revision(reading, org):
    services.acknowledge(org.pegawai.user, reading)
    assert _outstanding(org.pegawai.user) == []

    # a plain new revision keeps the acknowledgement
    reading.title = "Sosialisasi Kinerja (ralat ejaan)"
    reading.save_revision().publish()
    assert _outstanding(org.pegawai.user) == []

    # a revision that asks for re-acknowledgement starts a new round
    reading.reacknowledge = True
    revision = reading.save_revision()
    revision.publish()
    requirement = ReadingRequirement.objects.get(page_id=reading.pk)
    assert requirement.generation == 2
    assert [r.page_id for r in _outstanding(org.pegawai.user)] == [reading.pk]
    # the one-shot flag is cleared on the page and in the revision, so republishing starts no third round
    reading.refresh_from_db()
    assert reading.reacknowledge is False
    revision.refresh_from_db()
    assert revision.content["reacknowledge"] is False
    reading.save_revision().publish()
    assert ReadingRequirement.objects.get(page_id=reading.pk).generation == 2

    state = queries.reading_state(reading, org.pegawai.user)
    assert state["needs_again"] and state["acknowledgement"] is None
    ack = services.acknowledge(org.pegawai.user, reading)
    reading.refresh_from_db()
    assert ack.generation == 2
    assert ack.revision_id == ReadingRequirement.objects.get(page_id=reading.pk).revision_id == reading.live_revision_id


def test_comprehension_check_must_be_passed(intranet, org):
    page = campaign(intranet.gorontalo.campaigns, title="Dengan kuis", quiz=QUIZ, quiz_pass_mark=100)
    with pytest.raises(ValidationError):
        services.acknowledge(org.pegawai.user, page, {"0": "1", "1": "1"})
    assert not Acknowledgement.objects.exists()
    ack = services.acknowledge(org.pegawai.user, page, {"0": "2", "1": "1"})
    assert ack.quiz_score == 100
    attempts = list(QuizAttempt.objects.order_by("created_at").values_list("score", "passed"))
    assert attempts == [(50, False), (100, True)]


def test_quiz_answers_through_the_form(intranet, org, login):
    page = campaign(intranet.gorontalo.campaigns, title="Dengan kuis", quiz=QUIZ, quiz_pass_mark=50)
    client = login(org.rekan)
    html = client.get(page.url).content.decode()
    assert "Berapa JP minimal per tahun?" in html and "Saya telah membaca dan memahami" in html
    client.post(f"/halaman/{page.pk}/konfirmasi/", {"confirm": "on", "q0": "2", "q1": "2"})
    assert Acknowledgement.objects.get(pegawai=org.rekan).quiz_score == 50


def test_report_counts_per_unit_with_names_outstanding(reading, org, login):
    services.acknowledge(org.pegawai.user, reading)
    report = queries.acknowledgement_report(ReadingRequirement.objects.get(page_id=reading.pk))
    # audience: Bidang PK = atasan, pegawai, rekan, cucu, pelatihan
    assert report["total"] == 5 and report["done"] == 1 and report["percent"] == 20
    assert {p.nama for p in report["outstanding"]} == {"Ayu Atasan", "Budi Rekan", "Cucu Bawahan", "Eko Pelatihan"}
    assert report["per_unit"] == [
        {"unit__name": "Bidang Pengembangan Kompetensi", "total": 5, "done_count": 1, "percent": 20}
    ]
    html = login(org.konten).get(f"/bacaan-wajib/{reading.pk}/").content.decode()
    assert "Budi Rekan" in html and "1 / 5" in html


def test_report_xlsx_export(reading, org, login):
    services.acknowledge(org.pegawai.user, reading)
    response = login(org.pimpinan).get(f"/bacaan-wajib/{reading.pk}/unduh/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    outstanding = [row[1] for row in book["Belum konfirmasi"].iter_rows(min_row=2, values_only=True)]
    assert "Budi Rekan" in outstanding and "Siti Pegawai" not in outstanding
    done = [row[1] for row in book["Sudah konfirmasi"].iter_rows(min_row=2, values_only=True)]
    assert done == ["Siti Pegawai"]


def test_report_only_for_editors_of_the_instansi(reading, org, login):
    assert login(org.pegawai).get(f"/bacaan-wajib/{reading.pk}/").status_code == 404
    assert login(org.sdm_malut).get(f"/bacaan-wajib/{reading.pk}/").status_code == 404
    assert login(org.pegawai).get("/bacaan-wajib/").status_code == 403
    assert login(org.konten).get("/bacaan-wajib/").status_code == 200


def test_export_escapes_formulae(intranet, org, login):
    org.rekan.nama = "=HYPERLINK(1)"
    org.rekan.save()
    page = campaign(intranet.gorontalo.campaigns, rules=[{"unit": org.bidang}])
    book = load_workbook(BytesIO(login(org.konten).get(f"/bacaan-wajib/{page.pk}/unduh/").content))
    names = [row[1] for row in book["Belum konfirmasi"].iter_rows(min_row=2, values_only=True)]
    assert "'=HYPERLINK(1)" in names


def test_reminders_once_per_step(reading, org, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    requirement = ReadingRequirement.objects.get(page_id=reading.pk)
    services.acknowledge(org.pegawai.user, reading)
    # 10 days before: outside every step
    assert services.send_reading_reminders(today) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reading_reminders(requirement.deadline - timedelta(days=7)) == 4
    assert services.send_reading_reminders(requirement.deadline - timedelta(days=7)) == 0
    assert services.send_reading_reminders(requirement.deadline - timedelta(days=6)) == 0  # same step (7)
    assert services.send_reading_reminders(requirement.deadline - timedelta(days=3)) == 4
    assert services.send_reading_reminders(requirement.deadline - timedelta(days=3)) == 0
    assert services.send_reading_reminders(requirement.deadline + timedelta(days=1)) == 0  # past deadline
    assert not Notification.objects.filter(recipient=org.pegawai.user).exists()
    assert Notification.objects.filter(recipient=org.rekan.user, kind="home.reading_reminder").count() == 2
    assert len(mail.outbox) >= 4


def test_unpublishing_deactivates_the_requirement(reading, org):
    reading.unpublish()
    assert not ReadingRequirement.objects.get(page_id=reading.pk).active
    assert _outstanding(org.pegawai.user) == []


def test_export_neutralises_every_formula_start(intranet, org, login):
    from tests.export_helpers import HOSTILE, assert_no_formula

    for person, text in zip([org.rekan, org.pegawai, org.cucu, org.atasan], HOSTILE, strict=False):
        person.nama = text
        person.save()
    org.bidang.name = HOSTILE[-1]
    org.bidang.save()
    page = campaign(intranet.gorontalo.campaigns, rules=[{"unit": org.bidang}])
    page.title = "=1+1"
    page.save_revision().publish()
    values = assert_no_formula(login(org.konten).get(f"/bacaan-wajib/{page.pk}/unduh/").content)
    assert "'-2+3" in values and "'=1+1" in values


def test_outstanding_reading_kept_in_the_frame_follows_each_acknowledgement_and_unpublishing(reading, org):
    assert [r.page_id for r in _outstanding(org.pegawai.user)] == [reading.pk]
    services.acknowledge(org.pegawai.user, reading)
    assert _outstanding(org.pegawai.user) == []
    assert [r.page_id for r in _outstanding(org.rekan.user)] == [reading.pk]
    reading.unpublish()
    assert _outstanding(org.rekan.user) == []


def test_report_of_a_page_restricted_to_two_groups_counts_each_employee_once(intranet, org, login):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from portal import roles

    page = campaign(intranet.gorontalo.campaigns, title="Untuk SDM dan pimpinan")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set(Group.objects.filter(name__in=[roles.ADMIN_SDM, roles.PIMPINAN, roles.PEGAWAI]))
    report = queries.acknowledgement_report(ReadingRequirement.objects.get(page_id=page.pk))
    # every employee is in the Pegawai group and some in a second one: each counted once, listed once
    outstanding = list(report["outstanding"])
    assert len(outstanding) == len({p.pk for p in outstanding}) == report["total"] - report["done"]
    assert report["total"] == sum(row["total"] for row in report["per_unit"])
    html = login(org.sdm).get(f"/bacaan-wajib/{page.pk}/").content.decode()
    assert html.count("Hartini SDM") == 1
