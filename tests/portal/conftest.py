import uuid

import pytest

from .celery_worker import require_broker, start_worker, stop_worker, tasks_to_broker, wait_until_ready


@pytest.fixture
def worker_queue():
    """A queue of this test's own, so a stray worker of another run never takes its tasks."""
    require_broker()
    return f"lentera-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def worker(worker_queue):
    """A real `celery worker` on a queue of its own, pointed at the test database.

    The worker reads committed rows, so these tests use a transactional database; serialized rollback puts back
    what data migrations loaded (ranks, groups, Wagtail's root page) for the tests that follow."""
    proc = start_worker(worker_queue)
    try:
        with tasks_to_broker():
            wait_until_ready(proc, worker_queue)
            yield worker_queue
    finally:
        stop_worker(proc)
