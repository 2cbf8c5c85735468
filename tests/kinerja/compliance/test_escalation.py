"""Escalation to the next level after a deadline: nothing before it, once on deadline + N days however often the
daily task runs, and to the right person: the supervisor of who has not filed, the Atasan Pejabat Penilai of an
evaluator with decisions or ratings overdue."""

from datetime import date, timedelta

import pytest

from kinerja.compliance import rules, services
from kinerja.evaluation import services as evaluation_services
from kinerja.models import Evaluation, Skp
from portal.models import Notification

from .conftest import submit

N = 3  # the default KINERJA_ESCALATION_DAYS


def _kinds(who, kind="kinerja.escalate"):
    return sorted(Notification.objects.filter(recipient=who.user, kind__startswith=kind).values_list("kind", flat=True))


def _one(who, kind):
    return Notification.objects.get(recipient=who.user, kind=kind)


@pytest.mark.parametrize(
    ("due", "today", "escalated"),
    [
        ("2026-01-31", "2026-01-30", False),
        ("2026-01-31", "2026-01-31", False),
        ("2026-01-31", "2026-02-02", False),
        ("2026-01-31", "2026-02-03", True),
        ("2026-01-31", "2026-03-01", True),
    ],
)
def test_the_escalation_day_is_n_days_after_the_due_day(due, today, escalated):
    assert rules.is_escalated(date.fromisoformat(due), date.fromisoformat(today), N) is escalated


@pytest.mark.parametrize(
    ("deadline", "submitted", "due"),
    [("2026-01-31", "2026-01-20", "2026-01-31"), ("2026-01-31", "2026-01-31", "2026-01-31"),
     ("2026-01-31", "2026-02-05", "2026-02-05")],
)  # fmt: skip
def test_a_decision_falls_due_on_the_deadline_or_on_a_late_submission(deadline, submitted, due):
    assert rules.approval_due(date.fromisoformat(deadline), date.fromisoformat(submitted)) == date.fromisoformat(due)


@pytest.mark.parametrize(("days_after", "sent"), [(-1, 0), (0, 0), (N - 1, 0), (N, 1), (N + 20, 1)])
def test_an_undecided_skp_is_escalated_once_from_deadline_plus_n(org, late, days_after, sent):
    today = late.deadline + timedelta(days=days_after)
    services.escalate(today=today)
    services.escalate(today=today)  # the daily task ran twice
    assert _kinds(org.pimpinan, "kinerja.escalate_approve") == ["kinerja.escalate_approve"] * sent


def test_who_is_told_what_on_deadline_plus_n(org, late):
    today = late.deadline + timedelta(days=N)
    sent = services.escalate(today=today)
    # the Atasan Pejabat Penilai of Ayu, whose report's SKP waits: named, with how many
    approve = _one(org.pimpinan, "kinerja.escalate_approve")
    assert approve.params["name"] == "Ayu Atasan" and approve.params["count"] == 1
    assert "Ayu Atasan" in approve.title and approve.url == "/kinerja/skp/persetujuan/"
    # each supervisor of who has not filed, once, with their names
    plan = _one(org.atasan, "kinerja.escalate_plan")
    assert plan.params["count"] == 1 and plan.params["names"] == "Siti Pegawai"  # Budi submitted
    assert _one(org.pegawai, "kinerja.escalate_plan").params["names"] == "Cucu Bawahan"  # Siti supervises Cucu
    assert _one(org.konten, "kinerja.escalate_plan").params["count"] == 1  # Wati in Kominfo
    assert _one(org.pegawai_malut, "kinerja.escalate_plan").params["count"] == 1  # the other instansi's own
    # the evaluator, the employees and HR are told nothing by the escalation
    for who in (org.atasan, org.rekan, org.pegawai, org.cucu, org.sdm, org.sdm_malut):
        assert "kinerja.escalate_approve" not in _kinds(who) and "kinerja.escalate_rate" not in _kinds(who)
    for who in (org.rekan, org.cucu, org.sdm, org.pimpinan):
        assert _kinds(who, "kinerja.escalate_plan") == []
    assert sent == Notification.objects.filter(kind__startswith="kinerja.escalate").count() == 5
    assert services.escalate(today=today) == 0
    assert services.escalate(today=today + timedelta(days=30)) == 0  # once per step and evaluator, not per day


def test_a_late_submission_gives_the_evaluator_n_days_from_the_day_it_came(org, late):
    submit(late.waiting, late.deadline + timedelta(days=5))
    services.escalate(today=late.deadline + timedelta(days=5 + N - 1))
    assert _kinds(org.pimpinan, "kinerja.escalate_approve") == []
    services.escalate(today=late.deadline + timedelta(days=5 + N))
    assert _kinds(org.pimpinan, "kinerja.escalate_approve") == ["kinerja.escalate_approve"]


def test_the_number_of_days_is_a_setting(org, late, settings):
    settings.KINERJA_ESCALATION_DAYS = 5
    services.escalate(today=late.deadline + timedelta(days=4))
    assert _kinds(org.atasan) == [] and _kinds(org.pimpinan) == []
    services.escalate(today=late.deadline + timedelta(days=5))
    assert _kinds(org.atasan) == ["kinerja.escalate_plan"] and _kinds(org.pimpinan) == ["kinerja.escalate_approve"]


def test_a_decided_skp_is_not_escalated(org, late):
    Skp.objects.filter(pk=late.waiting.pk).update(status=Skp.Status.APPROVED)
    services.escalate(today=late.deadline + timedelta(days=N))
    assert _kinds(org.pimpinan) == []


def test_ratings_not_given_are_escalated_per_window_and_evaluator(org, period, chain):
    window = period.windows.get(sequence=1)
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period, window=window)
    services.escalate(today=window.deadline + timedelta(days=N - 1))
    assert _kinds(org.pimpinan, "kinerja.escalate_rate") == []
    services.escalate(today=window.deadline + timedelta(days=N))
    services.escalate(today=window.deadline + timedelta(days=N))
    rate = _one(org.pimpinan, "kinerja.escalate_rate")  # Siti's evaluation waits for Ayu
    assert rate.params == {"name": "Ayu Atasan", "count": 1, "label": "Triwulan I", "year": period.year, "days": N}
    # Ayu's own evaluation waits for the Kepala BKD, who has nobody above: nobody to escalate to
    assert Notification.objects.filter(kind="kinerja.escalate_rate").count() == 1
    # the annual evaluation is another step
    evaluation_services.open_evaluations(actor=org.sdm.user, period=period)
    services.escalate(today=period.annual_deadline + timedelta(days=N))
    annual = Notification.objects.filter(recipient=org.pimpinan.user, kind="kinerja.escalate_rate").exclude(pk=rate.pk)
    assert [n.params["label"] for n in annual] == [str(Evaluation.Kind.ANNUAL.label)]


def test_the_daily_task_runs_the_escalation_after_the_reminders(monkeypatch):
    from kinerja.deadlines import tasks

    monkeypatch.setattr(tasks.reminders, "send_reminders", lambda: 2)
    monkeypatch.setattr(tasks.compliance, "escalate", lambda: 3)
    assert tasks.send_deadline_reminders() == 5
