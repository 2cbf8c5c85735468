from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TransitionRecord(models.Model):
    """One step of a state machine's history: from which state to which, who moved it, when, and why. Each machine
    has its own concrete table with a foreign key to its subject (see `portal.state_machine.StateMachine`)."""

    from_status = models.CharField(_("dari"), max_length=30, blank=True)
    to_status = models.CharField(_("ke"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("waktu"), auto_now_add=True)
    reason = models.CharField(_("alasan"), max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"
