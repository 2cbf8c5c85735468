"""The wording of talent placement notifications (portal.notification_kinds)."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import register_notification_kind

register_notification_kind(
    "kinerja.talent_changed",
    _("Kotak talenta %(count)s pegawai berubah"),
    _("Penempatan baru hasil perhitungan malam ini: %(names)s."),
)
