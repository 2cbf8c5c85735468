"""The pure rules of career decisions: the state machine's moves and the four-eyes rule, as tables."""

import pytest

from kinerja.decisions import rules


@pytest.mark.parametrize(
    "current, target, allowed",
    [
        ("", "draft", True),
        ("", "proposed", False),
        ("draft", "proposed", True),
        ("draft", "approved", False),
        ("draft", "rejected", False),
        ("proposed", "approved", True),
        ("proposed", "rejected", True),
        ("proposed", "draft", True),
        ("approved", "draft", False),
        ("approved", "rejected", False),
        ("rejected", "approved", False),
        ("rejected", "draft", False),
    ],
)
def test_moves(current, target, allowed):
    assert (target in rules.TRANSITIONS.get(current, set())) is allowed


@pytest.mark.parametrize(
    "decider, subject, proposer, allowed",
    [
        (1, 2, 3, True),
        (2, 2, 3, False),  # about themselves
        (3, 2, 3, False),  # their own proposal
        (1, 2, None, True),
    ],
)
def test_four_eyes(decider, subject, proposer, allowed):
    assert rules.may_decide(decider_id=decider, subject_user_id=subject, proposer_id=proposer) is allowed
