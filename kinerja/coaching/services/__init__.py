"""The only writers of coaching plans, one module per concern: the proposal a low final result makes (and its
withdrawal when an appeal raises the predikat), the plan's own steps, its actions (enrolling or pairing through
kompetensi's services) and its check-ins."""

from .actions import add_action, enrol_in_session, mark_action_done, start_mentoring
from .checkins import plan_checkin, record_checkin, respond_to_checkin
from .plans import cancel, complete, confirm, start_plan
from .proposals import propose_for_evaluation, react_to_result, sweep, withdraw_overtaken

__all__ = [
    "add_action", "enrol_in_session", "mark_action_done", "start_mentoring",
    "plan_checkin", "record_checkin", "respond_to_checkin",
    "cancel", "complete", "confirm", "start_plan",
    "propose_for_evaluation", "react_to_result", "sweep", "withdraw_overtaken",
]  # fmt: skip
