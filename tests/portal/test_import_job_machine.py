"""Import jobs on the platform's state machine: a conditional move, so a worker and the stale sweep never both win."""

import pytest
from django.core.exceptions import ValidationError

from portal.importing.services import _set_status
from portal.importing.state_machine import IMPORT_JOB
from portal.models import ImportJob

pytestmark = pytest.mark.django_db
S = ImportJob.Status


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (S.PREVIEWED, S.QUEUED, True), (S.PREVIEWING, S.PREVIEWED, True), (S.QUEUED, S.RUNNING, True),
        (S.RUNNING, S.DONE, True), (S.FAILED, S.QUEUED, True), (S.FAILED, S.CANCELLED, True),
        (S.DONE, S.QUEUED, False), (S.CANCELLED, S.PREVIEWING, False), (S.RUNNING, S.CANCELLED, False),
        (S.PREVIEWED, S.DONE, False),
    ],
)  # fmt: skip
def test_import_job_transition_table(current, target, allowed):
    assert IMPORT_JOB.allowed(current, target) is allowed


def _job(org, status):
    return ImportJob.objects.create(
        kind="pegawai", instansi=org.gorontalo, uploaded_by=org.sdm.user, original_name="a.csv", file_format="csv",
        status=status,
    )  # fmt: skip


def test_only_one_of_two_racers_moves_the_job(org):
    worker_copy = _job(org, S.QUEUED)
    sweep_copy = ImportJob.objects.get(pk=worker_copy.pk)
    assert _set_status(worker_copy, S.RUNNING, expected=[S.QUEUED]) is True
    assert _set_status(sweep_copy, S.FAILED, expected=[S.QUEUED], message="basi") is False
    worker_copy.refresh_from_db()
    assert worker_copy.status == S.RUNNING
    assert list(worker_copy.transitions.values_list("from_status", "to_status")) == [("queued", "running")]


def test_a_move_the_table_forbids_is_refused(org):
    job = _job(org, S.DONE)
    with pytest.raises(ValidationError):
        _set_status(job, S.QUEUED)
    job.refresh_from_db()
    assert job.status == S.DONE and not job.transitions.exists()
