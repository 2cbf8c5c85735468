"""The wording of career-decision notifications (portal.notification_kinds)."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import register_notification_kind

register_notification_kind(
    "kinerja.decision_proposed",
    _("Usulan keputusan karier menunggu keputusan Anda"),
    _("%(title)s — %(name)s. Bukti pendukung sudah dikunci saat diusulkan."),
)
register_notification_kind(
    "kinerja.decision_approved", _("Usulan keputusan karier disetujui"), _("%(title)s — %(name)s.")
)
register_notification_kind(
    "kinerja.decision_rejected", _("Usulan keputusan karier ditolak"), _("%(title)s — %(name)s.")
)
register_notification_kind(
    "kinerja.decision_about_me_approved",
    _("Keputusan karier tentang Anda: disetujui"),
    _("%(title)s. Lihat dasar pertimbangan dan buktinya."),
)
register_notification_kind(
    "kinerja.decision_about_me_rejected",
    _("Keputusan karier tentang Anda: tidak disetujui"),
    _("%(title)s. Lihat alasannya."),
)
