"""The mid-year split: a move to another supervisor, position or unit ends the SKP the day before and starts a new
draft part that day with the snapshot of the time and the old plan as a starting point; nothing changes without a
move, and the history of the first part stays as it was."""

from datetime import date, timedelta

from django.utils import timezone

from kinerja.models import Skp
from kinerja.skp import split
from portal.models import Notification, Pegawai

from ..factories import make_pegawai
from .conftest import approved_skp


def test_a_new_supervisor_splits_the_skp_on_the_day(org, period, chain, django_capture_on_commit_callbacks):
    first = chain.bottom
    new_boss = make_pegawai(org.gorontalo, org.bidang, atasan=org.pimpinan, nama="Atasan Baru")
    Pegawai.objects.filter(pk=org.pegawai.pk).update(atasan=new_boss)
    moved = date(period.year, 7, 1)
    with django_capture_on_commit_callbacks(execute=True):
        part = split.split_skp(pegawai=org.pegawai, on=moved)
    first.refresh_from_db()
    assert (first.valid_to, first.status, first.evaluator_id) == (moved - timedelta(days=1), "approved", org.atasan.pk)
    assert (part.valid_from, part.valid_to, part.status) == (moved, period.ends_on, "draft")
    assert (part.evaluator, part.evaluator_name) == (new_boss, new_boss.full_name)
    assert [r.text for r in part.rhk.all()] == [r.text for r in first.rhk.all()]
    assert all(r.intervened_id is None for r in part.rhk.all())  # the old cascade points into the former evaluator
    assert part.perilaku.count() == first.perilaku.count()
    assert Notification.objects.filter(recipient=org.pegawai.user, kind="kinerja.skp_split").exists()
    assert split.split_skp(pegawai=org.pegawai, on=moved + timedelta(days=3)) is None  # nothing moved since


def test_no_move_no_split(org, period, chain):
    assert split.split_skp(pegawai=org.pegawai, on=date(period.year, 5, 1)) is None
    assert Skp.objects.filter(pegawai=org.pegawai).count() == 1


def test_saving_a_move_on_the_employee_splits_today(org, period):
    skp, _rhk = approved_skp(org.pegawai, period)
    today = timezone.localdate()
    org.pegawai.unit = org.kominfo
    org.pegawai.save()
    parts = list(Skp.objects.filter(pegawai=org.pegawai).order_by("valid_from"))
    if today == skp.valid_from:  # the move falls on the first day: nothing before it to keep apart
        assert len(parts) == 1
    else:
        assert [p.unit_name for p in parts] == [org.bidang.name, org.kominfo.name]
        assert parts[1].valid_from == today
    org.pegawai.nama = "Siti Pegawai Baru"
    org.pegawai.save()  # not a move
    assert Skp.objects.filter(pegawai=org.pegawai).count() == len(parts)
