"""The training module's machines on the platform's state-machine helper: tables, history, audit log, refusals."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from kompetensi import services
from kompetensi.models import Enrolment
from kompetensi.state_machines import ENROLMENT, EXTERNAL_LEARNING
from portal.state_machine import StateMachine

pytestmark = pytest.mark.django_db

S = Enrolment.Status


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("", S.REQUESTED, True),
        (S.REQUESTED, S.CONFIRMED, True),
        (S.PENDING_APPROVAL, S.REJECTED, True),
        (S.WAITLISTED, S.CONFIRMED, True),
        (S.CONFIRMED, S.ATTENDED, True),
        (S.ATTENDED, S.COMPLETED, True),
        (S.CONFIRMED, S.COMPLETED, False),  # attendance comes first
        (S.COMPLETED, S.CANCELLED, False),  # closed states stay closed
        (S.CANCELLED, S.CONFIRMED, False),
        (S.REJECTED, S.PENDING_APPROVAL, False),
    ],
)
def test_enrolment_transition_table(current, target, allowed):
    assert ENROLMENT.allowed(current, target) is allowed


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [("", "submitted", True), ("submitted", "approved", True), ("submitted", "rejected", True),
     ("approved", "rejected", False), ("rejected", "approved", False)],
)  # fmt: skip
def test_external_learning_transition_table(current, target, allowed):
    assert EXTERNAL_LEARNING.allowed(current, target) is allowed


def test_apply_writes_state_history_and_audit_log(org, training):
    enrolment = services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    ENROLMENT.apply(enrolment, S.CANCELLED, actor=org.pegawai.user, reason="Bentrok dengan rapat")
    enrolment.refresh_from_db()
    assert enrolment.status == S.CANCELLED
    last = enrolment.transitions.last()
    assert (last.from_status, last.to_status, last.actor, last.reason) == (
        S.CONFIRMED, S.CANCELLED, org.pegawai.user, "Bentrok dengan rapat",
    )  # fmt: skip
    entry = ModelLogEntry.objects.filter(action="kompetensi.enrolment.cancelled", object_id=str(enrolment.pk)).get()
    assert entry.user_id == org.pegawai.user.pk and entry.data["from"] == S.CONFIRMED


def test_a_refused_move_changes_nothing_and_says_why_in_indonesian(org, training):
    enrolment = services.enrol(org.pegawai.user, org.pegawai, training.session.pk)
    history = enrolment.transitions.count()
    with pytest.raises(ValidationError, match="tidak dapat diubah dari"):
        ENROLMENT.apply(enrolment, S.COMPLETED, actor=org.pegawai.user)
    enrolment.refresh_from_db()
    assert enrolment.status == S.CONFIRMED and enrolment.transitions.count() == history


def test_external_claim_history_follows_the_machine(org):
    from .test_ledger import _external

    item = _external(org.pegawai, "seminar", units=1, claimed=3)
    services.reject_external_learning(org.atasan.user, item.pk, "Sertifikat tidak terbaca")
    steps = list(item.transitions.values_list("from_status", "to_status", "actor"))
    assert steps == [("", "submitted", org.pegawai.user.pk), ("submitted", "rejected", org.atasan.user.pk)]
    with pytest.raises(ValidationError):
        services.approve_external_learning(org.atasan.user, item.pk)


def test_on_enter_callbacks_run_after_the_move():
    seen = []

    class Thing:
        status = "draft"
        pk = None

        def save(self, update_fields):
            seen.append(("saved", tuple(update_fields)))

    class QuietMachine(StateMachine):
        def log(self, *args, **kwargs):
            seen.append("logged")

    machine = QuietMachine(
        name="uji.thing", transitions={"draft": {"done"}}, on_enter={"done": lambda obj, actor, why: seen.append(why)}
    )
    machine.apply(Thing(), "done", reason="selesai")
    assert seen == [("saved", ("status",)), "logged", "selesai"]


def test_session_changes_are_audited_field_by_field(org, training):
    session = training.session
    session.capacity = 7
    session.place = "Aula BKD lantai 2"
    services.save_session(org.pelatihan.user, session)
    entry = ModelLogEntry.objects.filter(object_id=str(session.pk), action="wagtail.edit").latest("pk")
    assert entry.user_id == org.pelatihan.user.pk
    assert entry.data["changes"]["capacity"] == ["2", "7"] and "place" in entry.data["changes"]
    assert set(entry.data["changes"]) == {"capacity", "place"}
