"""Pure rules of career decisions: the moves of their state machine and the four-eyes rule of deciding."""

DRAFT, PROPOSED, APPROVED, REJECTED = "draft", "proposed", "approved", "rejected"

# a proposal may go back to draft (withdrawn by HR, or returned by a Pimpinan); a decision is final
TRANSITIONS = {
    "": {DRAFT},
    DRAFT: {PROPOSED},
    PROPOSED: {APPROVED, REJECTED, DRAFT},
}


def may_decide(*, decider_id, subject_user_id, proposer_id) -> bool:
    """Nobody decides about themselves, and nobody approves what they proposed."""
    return decider_id not in (subject_user_id, proposer_id)
