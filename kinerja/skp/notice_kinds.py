"""The wording of SKP notifications, by kind (portal.notification_kinds), filled from each notification's parameters
in the reader's language. A request for a decision tells when the SKP has been decided already."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import ids_where, register_notification_kind

from .models import Skp


def _decided(notifications):
    ids = {n.params["skp"] for n in notifications if "skp" in n.params}
    if not ids:
        return set()
    waiting = set(Skp.objects.filter(pk__in=ids, status=Skp.Status.SUBMITTED).values_list("pk", flat=True))
    return ids_where(notifications, "skp", ids - waiting)


register_notification_kind(
    "kinerja.skp_submitted",
    _("SKP %(year)s menunggu persetujuan: %(name)s"),
    _("Periksa rencana hasil kerja dan indikatornya, lalu setujui atau kembalikan dengan catatan."),
    settled=_decided,
    settled_text=_("SKP ini sudah diputuskan; tidak ada lagi yang perlu Anda lakukan."),
)
register_notification_kind("kinerja.skp_approved", _("SKP %(year)s Anda disetujui"), _("Catatan: %(reason)s"))
register_notification_kind(
    "kinerja.skp_returned", _("SKP %(year)s Anda dikembalikan untuk diperbaiki"), _("Catatan: %(reason)s")
)

# reminders before a deadline (kinerja/skp/reminders.py), once per step and person
register_notification_kind(
    "kinerja.remind_plan",
    _("SKP %(year)s Anda belum diajukan: batas %(deadline)s"),
    _("Lengkapi rencana hasil kerja dan indikatornya, lalu ajukan kepada pejabat penilai sebelum batas penetapan SKP."),
)
register_notification_kind(
    "kinerja.remind_approve",
    _("%(count)s SKP menunggu persetujuan Anda: batas %(deadline)s"),
    _("Setujui atau kembalikan SKP pegawai Anda sebelum batas penetapan SKP %(year)s."),
)
register_notification_kind(
    "kinerja.remind_rate",
    _("%(count)s evaluasi %(label)s belum Anda nilai: batas %(deadline)s"),
    _("Beri rating hasil kerja dan perilaku kerja sebelum batas evaluasi."),
)
register_notification_kind(
    "kinerja.skp_split",
    _("SKP %(year)s Anda dipecah per %(day)s"),
    _(
        "Jabatan, unit, atau atasan Anda berubah. Bagian baru SKP berisi rencana sebelumnya sebagai titik awal: "
        "sesuaikan dengan jabatan dan pejabat penilai yang baru, lalu ajukan."
    ),
)
