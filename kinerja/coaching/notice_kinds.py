"""The wording of coaching-plan notifications (portal.notification_kinds). HR's request to confirm a proposal tells
when it has been confirmed or cancelled already."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import ids_where, register_notification_kind

from .models import CoachingPlan


def _decided(notifications):
    ids = {n.params["plan"] for n in notifications if "plan" in n.params}
    if not ids:
        return set()
    waiting = set(
        CoachingPlan.objects.filter(pk__in=ids, status=CoachingPlan.Status.PROPOSED).values_list("pk", flat=True)
    )
    return ids_where(notifications, "plan", ids - waiting)


register_notification_kind(
    "kinerja.coaching_proposed",
    _("Usulan rencana pembinaan menunggu konfirmasi: %(name)s"),
    _("Predikat akhir %(year)s: %(predikat)s. Lengkapi sasaran, tanggal dan atasan pembina, lalu konfirmasi."),
    settled=_decided,
    settled_text=_("Usulan ini sudah dikonfirmasi atau dibatalkan; tidak ada lagi yang perlu Anda lakukan."),
)
register_notification_kind(
    "kinerja.coaching_started",
    _("Rencana pembinaan kinerja Anda dimulai"),
    _("Bersama %(supervisor)s, %(starts)s sampai %(ends)s. Lihat sasaran dan tindakannya."),
)
register_notification_kind(
    "kinerja.coaching_supervise",
    _("Anda menjadi atasan pembina: %(name)s"),
    _("Rencana pembinaan kinerja %(starts)s sampai %(ends)s. Jadwalkan pertemuan dan catat perkembangannya."),
)
register_notification_kind(
    "kinerja.coaching_checkin_planned",
    _("Pertemuan pembinaan dijadwalkan %(date)s"),
    _("Agenda: %(agenda)s"),
)
register_notification_kind(
    "kinerja.coaching_checkin_recorded",
    _("Catatan pertemuan pembinaan %(date)s dari atasan Anda"),
    _("Baca catatannya; Anda dapat menambahkan tanggapan."),
)
register_notification_kind(
    "kinerja.coaching_completed", _("Rencana pembinaan kinerja Anda selesai"), _("Kesimpulan: %(result)s.")
)
register_notification_kind(
    "kinerja.coaching_cancelled", _("Rencana pembinaan kinerja dibatalkan: %(name)s"), _("Alasan: %(reason)s")
)
