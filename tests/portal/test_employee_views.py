import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import Notification
from portal.services import notify

from ..factories import make_pegawai


def test_directory_lists_only_visible(org, login):
    response = login(org.atasan).get(reverse("employee_list"))
    assert response.status_code == 200
    listed = {p.nip for p in response.context["page"]}
    assert listed == {org.atasan.nip, org.pegawai.nip, org.rekan.nip}


def test_directory_filters_by_unit_and_search(org, login):
    client = login(org.sdm)
    response = client.get(reverse("employee_list"), {"unit": org.kominfo.pk})
    assert {p.nip for p in response.context["page"]} == {org.konten.nip}
    response = client.get(reverse("employee_list"), {"q": "siti"})
    assert {p.nip for p in response.context["page"]} == {org.pegawai.nip}
    response = client.get(reverse("employee_list"), {"unit": "bukan-angka"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("who", "target", "status"),
    [
        ("sdm_malut", "pegawai", 404),  # another instansi: 404, existence does not leak
        ("sdm", "pegawai", 200),
        ("atasan", "pegawai", 200),
        ("atasan", "cucu", 404),  # indirect report: not on this page
        ("rekan", "pegawai", 404),  # a colleague
        ("pegawai", "pegawai", 200),
        ("pegawai", "cucu", 200),
        ("pimpinan", "pegawai_malut", 404),
    ],
)
def test_detail_scoping(org, login, who, target, status):
    response = login(getattr(org, who)).get(reverse("employee_detail", args=[getattr(org, target).nip]))
    assert response.status_code == status


def test_detail_of_unknown_nip_is_404(org, login):
    assert login(org.sdm).get(reverse("employee_detail", args=["000"])).status_code == 404


def test_directory_query_count_is_constant(org, login, django_assert_max_num_queries):
    client = login(org.sdm)
    client.get(reverse("employee_list"))  # first request creates per-site settings
    with django_assert_max_num_queries(16) as small:
        client.get(reverse("employee_list"))
    small_count = len(small.captured_queries)
    for i in range(30):
        make_pegawai(org.gorontalo, org.bidang, atasan=org.atasan, nama=f"Tambahan {i}")
    client.get(reverse("employee_list"))  # the data changed: the frame is read again once
    with django_assert_max_num_queries(small_count):
        response = client.get(reverse("employee_list"))
    assert len(response.context["page"]) == 25


def test_times_are_shown_in_the_instansi_time_zone(org, login):
    """A notification created at 01:00 UTC shows as 09:00 WITA in Gorontalo and 10:00 WIT in Maluku Utara."""
    moment = timezone.datetime(2026, 3, 2, 1, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    for who in (org.pegawai, org.pegawai_malut):
        note = notify(who.user, kind="uji", title="Rapat", dedupe_key="tz")
        Notification.objects.filter(pk=note.pk).update(created_at=moment)
    gorontalo = login(org.pegawai).get(reverse("notification_list")).content.decode()
    assert "09:00 WITA" in gorontalo
    malut = login(org.pegawai_malut).get(reverse("notification_list")).content.decode()
    assert "10:00 WIT" in malut


def test_notifications_are_sent_once_and_marked_read(org, login, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(org.pegawai.user, kind="uji", title="Halo", dedupe_key="halo-1", url="/pegawai/")
        second = notify(org.pegawai.user, kind="uji", title="Halo", dedupe_key="halo-1")
    assert first is not None and second is None
    assert len(mailoutbox) == 1 and mailoutbox[0].subject == "[Lentera] Halo"
    client = login(org.pegawai)
    assert 'data-testid="unread-count">1<' in client.get(reverse("employee_list")).content.decode()
    client.post(reverse("notification_read"), {"id": first.pk, "next": "/notifikasi/"})
    assert Notification.objects.get(pk=first.pk).read_at is not None


def test_email_task_is_idempotent(org, mailoutbox):
    from portal.tasks import send_notification_email

    note = notify(org.rekan.user, kind="uji", title="Sekali", dedupe_key="sekali")  # its queued send never commits
    assert send_notification_email(note.pk) is True
    assert send_notification_email(note.pk) is False
    assert len(mailoutbox) == 1
