"""Audit-log labels of mentoring (imported by `kompetensi.wagtail_hooks`, which Wagtail discovers)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .services import SESSION

LOG_ACTIONS = [
    ("kompetensi.mentoring_pair.ended", _("Pendampingan mentoring diakhiri")),
    ("kompetensi.mentoring_pair.feedback", _("Umpan balik mentee diberikan")),
]


@hooks.register("register_log_actions")
def register_mentoring_log_actions(actions):
    for action, label in [*SESSION.log_actions(_("Sesi mentoring")), *LOG_ACTIONS]:
        actions.register_action(action, label, label)
