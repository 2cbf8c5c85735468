"""The approval queue shows how late each decision is; the Atasan Pejabat Penilai sees an "Eskalasi" section with
their subordinates' overdue items, read-only, and may nudge an evaluator once a day."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from kinerja.skp import services
from portal.models import Notification
from tests.factories import make_pegawai

from .conftest import submit

QUEUE = reverse("kinerja:queue")


def _nudge(org):
    return reverse("kinerja:escalation_nudge", args=[org.atasan.pk])


def test_the_evaluator_sees_which_decisions_are_overdue_and_since_when(org, late, login):
    page = login(org.atasan).get(QUEUE).content.decode()
    assert "Budi Rekan" in page and 'data-testid="overdue"' in page and "terlambat 10 hari" in page
    with translation.override("id"):
        assert f"{date_format(late.deadline, 'j F Y')}<br>" in page  # the day it fell due
    assert 'data-testid="escalation"' not in page  # Ayu's reports who evaluate (Siti) have nothing overdue


def test_a_decision_not_yet_due_is_not_marked(org, late, login):
    submit(late.waiting, late.today)  # came in today, after the deadline: due today, not late yet
    assert 'data-testid="overdue"' not in login(org.atasan).get(QUEUE).content.decode()


def test_the_atasan_pejabat_penilai_sees_the_escalation_read_only(org, late, login):
    page = login(org.pimpinan).get(QUEUE).content.decode()
    assert 'data-testid="escalation"' in page and f'data-evaluator="{org.atasan.pk}"' in page
    assert "Budi Rekan" in page and reverse("kinerja:skp_detail", args=[late.waiting.pk]) in page
    assert reverse("kinerja:decide", args=[late.waiting.pk]) not in page  # the decision stays with Ayu
    assert _nudge(org) in page
    # the Kepala BKD's own overdue rating is in their own work, not in an escalation about someone else
    assert f'data-evaluator="{org.pimpinan.pk}"' not in page
    assert login(org.pimpinan).get(reverse("kinerja:skp_detail", args=[late.waiting.pk])).status_code == 200


@pytest.mark.parametrize("who", ["rekan", "sdm", "pegawai_malut"])
def test_others_see_no_escalation(org, late, login, who):
    assert 'data-testid="escalation"' not in login(getattr(org, who)).get(QUEUE).content.decode()


def test_the_nudge_goes_to_the_evaluator_once_a_day(org, late, login):
    client = login(org.pimpinan)
    response = client.post(_nudge(org), follow=True)
    assert "Pengingat terkirim." in response.content.decode()
    note = Notification.objects.get(recipient=org.atasan.user, kind="kinerja.escalation_nudge")
    assert note.params == {"name": "Kepala BKD", "approvals": 1, "ratings": 0} and note.url == QUEUE
    assert ModelLogEntry.objects.filter(action="kinerja.escalation_nudge", object_id=str(org.atasan.pk)).count() == 1
    assert "Sudah diingatkan hari ini" in response.content.decode()
    again = client.post(_nudge(org), follow=True).content.decode()
    assert "sudah diingatkan hari ini" in again
    assert Notification.objects.filter(recipient=org.atasan.user, kind="kinerja.escalation_nudge").count() == 1


@pytest.mark.parametrize("who", ["sdm", "rekan", "atasan", "pegawai_malut", "sdm_malut", "superadmin"])
def test_only_the_evaluators_own_atasan_may_nudge(org, late, login, who):
    assert login(getattr(org, who)).post(_nudge(org)).status_code == 404
    assert not Notification.objects.filter(kind="kinerja.escalation_nudge").exists()


def test_nothing_overdue_nothing_to_nudge(org, late, login):
    response = login(org.atasan).post(reverse("kinerja:escalation_nudge", args=[org.pegawai.pk]), follow=True)
    assert "Tidak ada yang terlambat" in response.content.decode()
    assert not Notification.objects.filter(kind="kinerja.escalation_nudge").exists()
    assert login(org.pimpinan).get(_nudge(org)).status_code == 405


def test_the_queue_costs_the_same_with_more_overdue_items(org, late, login, django_assert_max_num_queries):
    client = login(org.pimpinan)
    client.get(QUEUE)
    with django_assert_max_num_queries(50) as few:
        client.get(QUEUE)
    few = len(few.captured_queries)
    for n in range(4):
        evaluator = make_pegawai(org.gorontalo, org.bidang, atasan=org.pimpinan, nama=f"Penilai {n}")
        for m in range(2):
            staff = make_pegawai(org.gorontalo, org.bidang, atasan=evaluator, nama=f"Staf {n}{m}")
            skp = services.start_skp(actor=staff.user, pegawai=staff, period=late.period)
            submit(skp, late.deadline - timedelta(days=1))
    client.get(QUEUE)  # the organisation changed: the frame is read again once
    with django_assert_max_num_queries(few):
        page = client.get(QUEUE).content.decode()
    assert page.count("data-evaluator=") == 5
