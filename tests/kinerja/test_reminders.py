"""Reminders before the deadlines of a performance period: who is reminded at each step, only within the reminder
days, and once per step and person however often the daily task runs."""

from datetime import timedelta

import pytest

from kinerja.deadlines import reminders
from kinerja.evaluation import services as evaluation_services
from kinerja.models import Skp
from kinerja.skp import services
from portal.models import Notification

from .conftest import approved_skp


def _kinds(who):
    return sorted(
        Notification.objects.filter(recipient=who.user, kind__startswith="kinerja.remind").values_list(
            "kind", flat=True
        )
    )


@pytest.mark.parametrize(("days_left", "reminded"), [(-1, False), (0, True), (7, True), (8, False)])
def test_the_planning_reminder_goes_out_within_the_reminder_days(org, period, days_left, reminded):
    today = period.planning_deadline - timedelta(days=days_left)
    reminders.send_reminders(today=today)
    assert (_kinds(org.pegawai) == ["kinerja.remind_plan"]) is reminded


def test_who_is_reminded_before_the_planning_deadline_once(org, period):
    approved_skp(org.atasan, period)
    submitted = services.start_skp(actor=org.rekan.user, pegawai=org.rekan, period=period)
    Skp.objects.filter(pk=submitted.pk).update(status=Skp.Status.SUBMITTED)
    today = period.planning_deadline - timedelta(days=3)
    sent = reminders.send_reminders(today=today)
    assert _kinds(org.pegawai) == ["kinerja.remind_plan"]  # no SKP yet
    assert _kinds(org.rekan) == []  # submitted: waits for the evaluator
    assert _kinds(org.atasan) == ["kinerja.remind_approve"]  # approved own SKP; one report's SKP waits
    assert _kinds(org.sdm) == []  # nobody above them to evaluate an SKP: the data health report says so
    assert Notification.objects.get(recipient=org.atasan.user, kind="kinerja.remind_approve").params["count"] == 1
    assert reminders.send_reminders(today=today) == 0  # once per step and person
    assert reminders.send_reminders(today=today + timedelta(days=1)) == 0
    assert sent == Notification.objects.filter(kind__startswith="kinerja.remind").count()


def test_evaluators_are_reminded_of_evaluations_not_yet_rated(org, period, chain):
    window = period.windows.get(sequence=1)
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=window)
    rated = chain.middle.evaluations.get(window=window)
    evaluation_services.rate(
        actor=org.pimpinan.user, evaluation=rated, rating_hasil_kerja="SESUAI", rating_perilaku_kerja="SESUAI",
        reason="Sesuai",
    )  # fmt: skip
    today = window.deadline - timedelta(days=2)
    reminders.send_reminders(today=today)
    assert "kinerja.remind_rate" in _kinds(org.atasan)  # pegawai's evaluation is open
    assert "kinerja.remind_rate" not in _kinds(org.pimpinan)  # rated theirs already
    reminders.send_reminders(today=today)
    assert _kinds(org.atasan).count("kinerja.remind_rate") == 1


def test_the_beat_runs_the_reminders_daily():
    from portal.beat import schedule_dict

    assert schedule_dict()["kinerja-deadline-reminders"]["task"] == "kinerja.deadlines.tasks.send_deadline_reminders"
