"""Services queue work by task name; the tasks modules are found even when nothing imported them yet."""

import pytest

from portal.task_queue import enqueue

pytestmark = pytest.mark.django_db


def test_enqueue_finds_a_task_by_name_and_runs_it_inline(settings):
    result = enqueue("portal.tasks.ping", "uji")
    assert result.get() == {"pong": "uji"}


def test_unknown_task_names_fail_loudly():
    with pytest.raises(KeyError):
        enqueue("portal.tasks.tidak_ada")
