"""The wording of promotion-eligibility notifications (portal.notification_kinds)."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import register_notification_kind

register_notification_kind(
    "kinerja.eligibility_changed",
    _("Kelayakan kenaikan pangkat periode %(period)s berubah untuk %(count)s pegawai"),
    _("Kini memenuhi syarat: %(now_eligible)s. Tidak lagi memenuhi syarat: %(no_longer)s."),
)
