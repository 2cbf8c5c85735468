"""Notifications as the reader meets them: opening one marks it read and leads to its object; a request decided
meanwhile says so; the wording follows the reader's language; the list is grouped by day at a constant query count."""

from datetime import timedelta

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from kompetensi import services
from portal.models import Notification

pytestmark = pytest.mark.django_db


def _request_notification(org, training):
    with TestCase.captureOnCommitCallbacks(execute=True):  # the approver is told once the request is committed
        services.enrol(org.pegawai.user, org.pegawai, training.approval_session.pk)
    return Notification.objects.get(recipient=org.atasan.user, kind="kompetensi.approval_requested")


def test_opening_marks_read_and_leads_to_the_object(org, training, login):
    note = _request_notification(org, training)
    response = login(org.atasan).get(reverse("notification_open", args=[note.pk]))
    assert response.status_code == 302 and response.url == reverse("kompetensi:approvals")
    note.refresh_from_db()
    assert note.read_at is not None


def test_another_users_notification_is_404_and_stays_unread(org, training, login):
    note = _request_notification(org, training)
    assert login(org.pegawai).get(reverse("notification_open", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_a_request_decided_meanwhile_says_so(org, training, login):
    note = _request_notification(org, training)
    enrolment = org.pegawai.enrolments.get()
    services.approve(org.atasan.user, enrolment.pk)
    client = login(org.atasan)
    html = client.get(reverse("notification_list")).content.decode()
    assert "Sudah ditangani" in html
    response = client.get(reverse("notification_open", args=[note.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("notification_list")
    assert "sudah diputuskan" in response.content.decode()


def test_a_pending_request_is_not_marked_settled(org, training, login):
    _request_notification(org, training)
    assert "Sudah ditangani" not in login(org.atasan).get(reverse("notification_list")).content.decode()


def test_wording_follows_the_readers_language(org, training, login):
    _request_notification(org, training)
    client = login(org.atasan)
    assert "Persetujuan diperlukan" in client.get(reverse("notification_list")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("notification_list")).content.decode()
    assert "Approval needed" in html and "Persetujuan diperlukan" not in html


def test_list_groups_by_day_with_relative_times(org, login):
    now = timezone.now()
    for days, key in [(0, "a"), (1, "b"), (9, "c")]:
        note = Notification.objects.create(recipient=org.pegawai.user, kind="uji", title=f"Judul {key}", dedupe_key=key)
        Notification.objects.filter(pk=note.pk).update(created_at=now - timedelta(days=days))
    html = login(org.pegawai).get(reverse("notification_list")).content.decode()
    assert html.index("Hari ini") < html.index("Judul a") < html.index("Kemarin") < html.index("Judul b")
    assert "lalu" in html  # "... yang lalu"


def test_list_query_count_does_not_grow(org, training, login, django_assert_max_num_queries):
    client = login(org.atasan)
    _request_notification(org, training)
    client.get(reverse("notification_list"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("notification_list"))
    few_count = len(few.captured_queries)
    for n in range(12):
        Notification.objects.create(
            recipient=org.atasan.user, kind="kompetensi.approval_requested", title="x", dedupe_key=f"k{n}",
            params={"name": "A", "course": "B", "session": "C", "enrolment": 10_000 + n},
        )  # fmt: skip
    client.get(reverse("notification_list"))  # the data changed: the frame is read again once
    with django_assert_max_num_queries(few_count):
        client.get(reverse("notification_list"))
