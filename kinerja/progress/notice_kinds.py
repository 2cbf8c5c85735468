"""The wording of dialog kinerja notifications (portal.notification_kinds), in the reader's language."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import register_notification_kind

register_notification_kind(
    "kinerja.dialog_planned",
    _("Dialog kinerja direncanakan pada %(day)s"),
    _("%(supervisor)s merencanakan dialog kinerja dengan Anda. Agenda: %(agenda)s"),
)
