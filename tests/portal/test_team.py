"""Tim saya: the supervisor's direct reports with each module's column, a reminder per report (once a day, only
to one's own reports, recorded), the approvals badge and panel, at a query count that does not grow with the team."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from kompetensi import services as training
from portal import services
from portal.models import Notification
from tests.factories import make_pegawai
from tests.kompetensi.conftest import make_catalog, make_course, make_session

pytestmark = pytest.mark.django_db


def test_team_lists_direct_reports_only_with_module_columns(org, login):
    html = login(org.atasan).get(reverse("team")).content.decode()
    assert "Siti Pegawai" in html and "Budi Rekan" in html
    assert "Cucu Bawahan" not in html  # reports to Siti, not to Ayu
    for column in ("Bacaan wajib", "JP tahun ini", "Permintaan"):
        assert column in html
    assert "0 / 20 JP" in html


def test_someone_without_reports_gets_an_empty_state(org, login):
    html = login(org.rekan).get(reverse("team")).content.decode()
    assert "belum mempunyai bawahan langsung" in html


def test_menu_shows_team_to_supervisors_only(org, login):
    assert ">Tim saya</a>" in login(org.atasan).get("/notifikasi/").content.decode()
    assert ">Tim saya</a>" not in login(org.rekan).get("/notifikasi/").content.decode()


def test_reminder_once_a_day_audited_and_only_for_own_reports(org, login):
    client = login(org.atasan)
    response = client.post(reverse("team_remind", args=[org.pegawai.pk]), follow=True)
    assert "Pengingat terkirim" in response.content.decode()
    note = Notification.objects.get(recipient=org.pegawai.user, kind="portal.team_reminder")
    assert "Ayu Atasan" in note.title and "dari target 20" in note.body
    assert ModelLogEntry.objects.filter(action="portal.team_reminder", object_id=str(org.pegawai.pk)).count() == 1
    again = client.post(reverse("team_remind", args=[org.pegawai.pk]), follow=True).content.decode()
    assert "sudah diingatkan hari ini" in again
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="portal.team_reminder").count() == 1
    # Cucu reports to Siti, not to Ayu; another instansi's employee even less
    assert client.post(reverse("team_remind", args=[org.cucu.pk])).status_code == 404
    assert client.post(reverse("team_remind", args=[org.pegawai_malut.pk])).status_code == 404


def test_nothing_to_remind_says_so(org):
    from kompetensi.models import DevelopmentPlan
    from tests.kompetensi.test_ledger import _entry

    _entry(org.rekan, timezone.localdate().year, 25)
    # a plan of the year too: a report without one is reminded to write it
    DevelopmentPlan.objects.create(pegawai=org.rekan, year=timezone.localdate().year, status="approved")
    with pytest.raises(Exception, match="Tidak ada yang perlu diingatkan"):
        services.remind_report(org.atasan.user, org.rekan.pk)


def test_pending_requests_show_in_the_team_the_badge_and_the_home_panel(org, login):
    course = make_course(make_catalog(org.gorontalo), "Kepemimpinan", requires_approval=True)
    session = make_session(course, start_in=timedelta(days=20))
    training.enrol(org.pegawai.user, org.pegawai, session.pk)
    client = login(org.atasan)
    assert "1 menunggu Anda" in client.get(reverse("team")).content.decode()
    page = client.get("/notifikasi/").content.decode()
    assert 'class="nav-count">1<' in page
    assert login(org.rekan).get("/notifikasi/").content.decode().count("nav-count") == 0


def test_team_page_query_count_does_not_grow(org, login, django_assert_max_num_queries):
    client = login(org.atasan)
    client.get(reverse("team"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("team"))
    few = len(few.captured_queries)
    for n in range(8):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Tambahan {n}")
    client.get(reverse("team"))  # the organisation changed: the frame is read again once
    with django_assert_max_num_queries(few):
        html = client.get(reverse("team")).content.decode()
    assert "Tambahan 7" in html


def test_pimpinan_sees_jp_compliance(org, login):
    assert login(org.pimpinan).get(reverse("kompetensi:compliance")).status_code == 200
