"""The wording of HR service desk notifications (portal.notification_kinds). A new request tells HR when a colleague
has already taken it up."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import ids_where, register_notification_kind

from .models import ServiceRequest


def _taken(notifications):
    ids = {n.params["request"] for n in notifications if "request" in n.params}
    if not ids:
        return set()
    waiting = set(
        ServiceRequest.objects.filter(pk__in=ids, status=ServiceRequest.Status.SUBMITTED).values_list("pk", flat=True)
    )
    return ids_where(notifications, "request", ids - waiting)


register_notification_kind(
    "kinerja.service_filed",
    _("Permohonan layanan baru: %(type)s"),
    _("%(name)s — %(number)s. Batas waktu %(due)s."),
    settled=_taken,
    settled_text=_("Permohonan ini sudah ditangani petugas SDM."),
)
register_notification_kind(
    "kinerja.service_taken", _("Permohonan %(type)s Anda sedang diproses"), _("%(number)s, oleh %(handler)s.")
)
register_notification_kind(
    "kinerja.service_waiting", _("Admin SDM menunggu tanggapan Anda: %(type)s"), _("%(number)s. %(reason)s")
)
register_notification_kind(
    "kinerja.service_resumed", _("Pegawai menanggapi permohonan %(type)s"), _("%(name)s — %(number)s.")
)
register_notification_kind(
    "kinerja.service_completed",
    _("Permohonan %(type)s Anda selesai"),
    _("%(number)s. Berikan penilaian Anda atas layanan ini."),
)
register_notification_kind(
    "kinerja.service_rejected", _("Permohonan %(type)s Anda ditolak"), _("%(number)s. Alasan: %(reason)s")
)
register_notification_kind(
    "kinerja.service_message", _("Pesan baru tentang permohonan %(type)s"), _("%(author)s: %(excerpt)s")
)
