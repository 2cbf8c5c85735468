"""What the performance module adds to the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .evaluation.state_machines import APPEAL, EVALUATION
from .skp.state_machines import SKP


@hooks.register("register_log_actions")
def register_log_actions(actions):
    machines = [
        *SKP.log_actions(_("SKP")),
        *EVALUATION.log_actions(_("Evaluasi kinerja")),
        *APPEAL.log_actions(_("Keberatan")),
        ("kinerja.appeal.predikat_changed", _("Predikat diubah oleh keputusan keberatan")),
    ]
    for action, label in machines:
        actions.register_action(action, label, label)
