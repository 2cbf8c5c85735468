"""The session's seat counter: which states hold a seat, the counter equal to the seat-holding enrolments after every
move, the database's CHECK, the migration that recounts it, and a capacity below the seats taken refused."""

import importlib
from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from kompetensi import rules, services
from kompetensi.models import Enrolment, TrainingSession
from kompetensi.services.enrolment import take_seat, transition
from tests.factories import make_pegawai

from .conftest import make_session

pytestmark = pytest.mark.django_db

S = Enrolment.Status


def seat_holders(session):
    return Enrolment.objects.filter(session=session, status__in=rules.SEAT_STATES).count()


def counter(session):
    return TrainingSession.objects.values_list("seats_taken", flat=True).get(pk=session.pk)


def assert_counter_true(session):
    assert counter(session) == seat_holders(session)
    assert counter(session) <= TrainingSession.objects.get(pk=session.pk).capacity


@pytest.mark.parametrize(
    ("state", "holds"),
    [
        (S.REQUESTED, False),
        (S.PENDING_APPROVAL, False),  # asking is not holding: the seat is taken when the supervisor approves
        (S.WAITLISTED, False),
        (S.CONFIRMED, True),
        (S.ATTENDED, True),
        (S.COMPLETED, True),  # a finished session still counts who took part
        (S.NOT_COMPLETED, True),
        (S.CANCELLED, False),
        (S.REJECTED, False),
    ],
)
def test_which_states_hold_a_seat(state, holds):
    assert rules.holds_seat(state) is holds
    assert Enrolment(status=state).holds_seat is holds


def test_the_seat_table_names_every_state():
    assert set(rules.SEAT_STATES) <= set(S.values)
    assert set(rules.ENROLMENT_TRANSITIONS) - {""} == set(S.values)


ALL_MOVES = sorted(
    (current, target) for current, targets in rules.ENROLMENT_TRANSITIONS.items() if current for target in targets
)


@pytest.mark.parametrize(
    ("current", "target", "change"),
    [
        (S.REQUESTED, S.CONFIRMED, 1),
        (S.PENDING_APPROVAL, S.CONFIRMED, 1),
        (S.WAITLISTED, S.CONFIRMED, 1),
        (S.PENDING_APPROVAL, S.WAITLISTED, 0),
        (S.CONFIRMED, S.ATTENDED, 0),
        (S.ATTENDED, S.COMPLETED, 0),
        (S.CONFIRMED, S.NOT_COMPLETED, 0),
        (S.CONFIRMED, S.CANCELLED, -1),
        (S.WAITLISTED, S.CANCELLED, 0),
        (S.PENDING_APPROVAL, S.REJECTED, 0),
    ],
)
def test_seat_change_of_a_move(current, target, change):
    assert rules.seat_change(current, target) == change


def _enrolment_in(session, state, pegawai):
    """An enrolment put straight into `state`, the counter kept true by hand (as a migration would)."""
    enrolment = Enrolment.objects.create(session=session, pegawai=pegawai, status=state)
    TrainingSession.objects.filter(pk=session.pk).update(seats_taken=seat_holders(session))
    return enrolment


@pytest.mark.parametrize(("current", "target"), ALL_MOVES)
def test_counter_follows_every_move_of_the_table(org, training, current, target):
    session = make_session(training.course, capacity=3)
    _enrolment_in(session, S.CONFIRMED, org.rekan)  # someone else already holds a seat
    enrolment = _enrolment_in(session, current, org.pegawai)
    before = counter(session)
    transition(enrolment, target, org.pelatihan.user, "uji")
    enrolment.refresh_from_db()
    assert enrolment.status == target
    assert counter(session) == before + rules.seat_change(current, target)
    assert_counter_true(session)


def test_a_move_into_a_seat_of_a_full_session_is_refused_and_changes_nothing(org, training):
    session = make_session(training.course, capacity=1)
    _enrolment_in(session, S.CONFIRMED, org.rekan)
    waiting = _enrolment_in(session, S.WAITLISTED, org.pegawai)
    with pytest.raises(ValidationError, match="sudah penuh"), transaction.atomic():
        transition(waiting, S.CONFIRMED, org.pelatihan.user)
    waiting.refresh_from_db()
    assert waiting.status == S.WAITLISTED and counter(session) == 1


def test_counter_stays_true_through_the_services(org, training):
    """A walk through every service that moves an enrolment, checking the counter after each step."""
    session = training.approval_session  # needs approval, capacity 5
    session.capacity = 2
    session.save()
    people = [org.pegawai, org.rekan, org.cucu, org.konten]
    pending = [services.enrol(p.user, p, session.pk) for p in people]
    assert_counter_true(session)
    for enrolment in pending[:3]:
        services.approve(org.atasan.user if enrolment.pegawai.atasan == org.atasan else org.pegawai.user, enrolment.pk)
        assert_counter_true(session)
    statuses = sorted(Enrolment.objects.filter(session=session).values_list("status", flat=True))
    assert statuses == [S.CONFIRMED, S.CONFIRMED, S.PENDING_APPROVAL, S.WAITLISTED]
    services.reject(org.sdm.user, pending[3].pk, "Kuota unit habis")  # konten has no atasan: HR decides
    assert_counter_true(session)
    services.cancel(org.pegawai.user, pending[0].pk)  # frees a seat: the waitlisted cucu moves up
    assert_counter_true(session)
    assert Enrolment.objects.get(pk=pending[2].pk).status == S.CONFIRMED
    services.save_session(org.pelatihan.user, session)  # saving without a change moves nothing
    assert_counter_true(session)
    direct = services.enrol(org.pelatihan.user, org.sdm, session.pk)  # the organiser enrols: no approval
    assert direct.status == S.WAITLISTED
    assert_counter_true(session)


def test_counter_stays_true_while_a_session_runs(org, training):
    session = make_session(training.course, start_in=timedelta(days=1), capacity=2)
    a = services.enrol(org.pegawai.user, org.pegawai, session.pk)
    b = services.enrol(org.rekan.user, org.rekan, session.pk)
    services.enrol(org.cucu.user, org.cucu, session.pk)  # waitlisted
    # the session started yesterday: attendance, then results
    start = session.start_at - timedelta(days=2)
    TrainingSession.objects.filter(pk=session.pk).update(
        start_at=start, end_at=start + timedelta(days=1, hours=8), enrol_opens_at=start - timedelta(days=5),
        enrol_closes_at=start,
    )  # fmt: skip
    session.refresh_from_db()
    services.mark_attendance(org.pelatihan.user, session.pk, services.session_days(session)[0], [a.pk])
    assert_counter_true(session)
    services.record_results(org.pelatihan.user, session.pk, {a.pk: (True, Decimal("80")), b.pk: (False, None)})
    assert_counter_true(session)
    assert counter(session) == 2


def test_the_database_refuses_more_seats_than_capacity_or_fewer_than_none(org, training):
    session = make_session(training.course, capacity=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSession.objects.filter(pk=session.pk).update(seats_taken=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSession.objects.filter(pk=session.pk).update(seats_taken=-1)
    assert counter(session) == 0


def test_take_seat_stops_at_capacity(org, training):
    session = make_session(training.course, capacity=2)
    assert [take_seat(session.pk) for _ in range(3)] == [True, True, False]
    assert counter(session) == 2


def test_capacity_below_seats_taken_is_a_form_error_in_indonesian(org, training, login):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)
    session = TrainingSession.objects.get(pk=training.session.pk)
    session.capacity = 1
    with pytest.raises(ValidationError) as info:
        services.save_session(org.pelatihan.user, session)
    assert info.value.message_dict["capacity"] == [
        "Kapasitas tidak boleh lebih kecil dari jumlah peserta terdaftar (2)."
    ]
    assert TrainingSession.objects.get(pk=session.pk).capacity == 2
    # the organiser's form says it next to the field (times shifted alike keep their order, which is all it checks)
    client = login(org.pelatihan)
    url = reverse("kompetensi:session_edit", args=[session.pk])
    data = {name: getattr(session, name).strftime("%Y-%m-%dT%H:%M") for name in (
        "start_at", "end_at", "enrol_opens_at", "enrol_closes_at")}  # fmt: skip
    data.update(name=session.name, place=session.place, online_url="", capacity=1)
    response = client.post(url, data)
    assert response.status_code == 200
    assert (
        "Kapasitas tidak boleh lebih kecil dari jumlah peserta terdaftar (2)."
        in response.context["form"].errors["capacity"]
    )
    assert TrainingSession.objects.get(pk=session.pk).capacity == 2


def test_more_capacity_promotes_the_waitlist_and_moves_the_counter(org, training):
    services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    services.enrol(org.rekan.user, org.rekan, training.session.pk)
    waiting = services.enrol(org.cucu.user, org.cucu, training.session.pk)
    session = TrainingSession.objects.get(pk=training.session.pk)
    session.capacity = 4
    services.save_session(org.pelatihan.user, session)
    waiting.refresh_from_db()
    assert waiting.status == S.CONFIRMED
    assert counter(session) == 3
    assert_counter_true(session)


def test_migration_recounts_the_counter_from_the_enrolments(org, training):
    migration = importlib.import_module("kompetensi.migrations.0008_seat_counter_check")
    assert set(migration.SEAT_STATES) == set(rules.SEAT_STATES)
    session = make_session(training.course, capacity=2)
    crowded = make_session(training.course, start_in=timedelta(days=40), capacity=1)
    extra = [make_pegawai(org.gorontalo, org.bidang, nama=f"Peserta {n}") for n in range(2)]
    for pegawai, status in [
        (org.pegawai, S.CONFIRMED), (org.rekan, S.PENDING_APPROVAL), (org.cucu, S.WAITLISTED),
        (org.konten, S.CANCELLED), (extra[0], S.COMPLETED),
    ]:  # fmt: skip
        Enrolment.objects.create(session=session, pegawai=pegawai, status=status)
    for pegawai in [org.pegawai, *extra]:  # three in a session of one, loaded by hand
        Enrolment.objects.create(session=crowded, pegawai=pegawai, status=S.CONFIRMED)
    migration.recount_seats(apps, None)
    session.refresh_from_db()
    crowded.refresh_from_db()
    assert (session.seats_taken, session.capacity) == (2, 2)
    assert (crowded.seats_taken, crowded.capacity) == (3, 3)
