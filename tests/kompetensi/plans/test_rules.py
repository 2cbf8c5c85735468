"""The pure rules of plans: the transition table, how the training data becomes each activity's progress, and when
a plan is behind."""

import pytest

from kompetensi.plans import rules
from kompetensi.plans.rules import ActivityInput as A
from kompetensi.plans.rules import LedgerInput as L


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("", "draft", True), ("draft", "submitted", True), ("draft", "approved", False),
        ("submitted", "approved", True), ("submitted", "returned", True), ("submitted", "in_progress", False),
        ("returned", "submitted", True), ("returned", "approved", False), ("approved", "in_progress", True),
        ("approved", "completed", False), ("in_progress", "completed", True), ("in_progress", "draft", False),
        ("completed", "in_progress", False), ("completed", "draft", False),
    ],
)  # fmt: skip
def test_transition_table(current, target, allowed):
    assert (target in rules.PLAN_TRANSITIONS[current]) is allowed


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        ("", "planned"), ("requested", "requested"), ("pending_approval", "requested"), ("waitlisted", "requested"),
        ("confirmed", "started"), ("attended", "started"), ("completed", "done"), ("not_completed", "not_done"),
        ("cancelled", "planned"), ("rejected", "planned"),
    ],
)  # fmt: skip
def test_a_catalogue_activity_follows_its_enrolment(status, outcome):
    progress = rules.derive_progress([A(1, "session", 12, 5, session_id=7)], {7: status} if status else {}, [])
    assert progress[1].outcome == outcome
    assert progress[1].enrolment_status == status


def test_a_catalogue_activity_with_its_course_entry_is_done_with_its_jp():
    progress = rules.derive_progress([A(1, "session", 12, 5, session_id=7)], {7: "completed"}, [L("course", 12, 7)])
    assert progress[1] == rules.Progress("done", 12, "completed")


@pytest.mark.parametrize(
    ("kind", "entries", "expected"),
    [
        ("external", [L("external", 4)], ("started", 4)),
        ("external", [L("external", 4), L("external", 4)], ("done", 6)),
        ("external", [L("course", 8)], ("planned", 0)),
        ("mentoring", [L("mentoring", 2)], ("started", 2)),
        ("mentoring", [L("mentoring", 2), L("mentoring", 4)], ("done", 6)),
        ("mentoring", [L("external", 6)], ("planned", 0)),
        ("other", [L("course", 3), L("external", 3)], ("done", 6)),
        ("other", [], ("planned", 0)),
    ],
)  # fmt: skip
def test_ledger_activities_draw_on_their_sources(kind, entries, expected):
    progress = rules.derive_progress([A(1, kind, 6, 3)], {}, entries)
    assert (progress[1].outcome, progress[1].jp_done) == expected


def test_jp_is_shared_in_the_order_of_the_plan_and_never_counted_twice():
    activities = [A(1, "external", 6, 9), A(2, "external", 6, 2), A(3, "other", 5, 1), A(4, "session", 8, 4, 70)]
    entries = [L("external", 8), L("course", 8, 70), L("course", 3, 99)]
    progress = rules.derive_progress(activities, {70: "completed"}, entries)
    assert progress[2] == rules.Progress("done", 6)  # planned for February: first in line
    assert progress[1] == rules.Progress("started", 2)
    assert progress[4].jp_done == 8  # its own course entry only
    assert progress[3] == rules.Progress("started", 3)  # the course outside the plan
    assert rules.has_progress(progress)


def test_nothing_moved_is_no_progress():
    progress = rules.derive_progress([A(1, "session", 8, 4, 70), A(2, "external", 4, 4)], {70: "pending_approval"}, [])
    assert not rules.has_progress(progress)


@pytest.mark.parametrize(
    ("done", "planned", "day", "behind"),
    [
        (0, 0, 200, False), (0, 20, 1, True), (10, 20, 182, False), (10, 20, 184, True), (20, 20, 365, False),
        (19, 20, 365, True), (0, 20, 0, False),
    ],
)  # fmt: skip
def test_behind_means_below_the_share_of_the_year_elapsed(done, planned, day, behind):
    assert rules.is_behind(jp_done=done, jp_planned=planned, day_of_year=day, days_in_year=365) is behind
