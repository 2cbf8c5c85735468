"""The wording of training notifications, by kind (portal.notification_kinds): filled from the notification's
parameters in the reader's language. Approval requests tell when the request has been decided already."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import ids_where, register_notification_kind

from .models import Enrolment, ExternalLearning


def _decided_requests(notifications):
    enrolment_ids = {n.params["enrolment"] for n in notifications if "enrolment" in n.params}
    external_ids = {n.params["external"] for n in notifications if "external" in n.params}
    decided = set()
    if enrolment_ids:
        still_waiting = set(
            Enrolment.objects.filter(pk__in=enrolment_ids, status=Enrolment.Status.PENDING_APPROVAL).values_list(
                "pk", flat=True
            )
        )
        decided |= ids_where(notifications, "enrolment", enrolment_ids - still_waiting)
    if external_ids:
        still_waiting = set(
            ExternalLearning.objects.filter(pk__in=external_ids, status=ExternalLearning.Status.SUBMITTED).values_list(
                "pk", flat=True
            )
        )
        decided |= ids_where(notifications, "external", external_ids - still_waiting)
    return decided


register_notification_kind("kompetensi.confirmed", _("Pendaftaran diterima: %(course)s (%(session)s)"))
register_notification_kind(
    "kompetensi.waitlisted",
    _("Masuk daftar tunggu: %(course)s (%(session)s)"),
    _("Kursi penuh. Anda akan diberi tahu bila ada kursi yang kosong."),
)
register_notification_kind("kompetensi.promoted", _("Anda mendapat kursi: %(course)s (%(session)s)"))
register_notification_kind(
    "kompetensi.rejected", _("Pendaftaran ditolak: %(course)s (%(session)s)"), _("Alasan: %(reason)s")
)
register_notification_kind(
    "kompetensi.approval_requested",
    _("Persetujuan diperlukan: %(name)s mendaftar %(course)s (%(session)s)"),
    settled=_decided_requests,
    settled_text=_("Permintaan ini sudah diputuskan; tidak ada lagi yang perlu Anda lakukan."),
)
register_notification_kind(
    "kompetensi.external_requested",
    _("Persetujuan JP diperlukan: %(name)s — %(title)s"),
    settled=_decided_requests,
    settled_text=_("Pengajuan ini sudah diputuskan; tidak ada lagi yang perlu Anda lakukan."),
)
register_notification_kind("kompetensi.external_approved", _("%(jp)s JP disetujui: %(title)s"))
register_notification_kind(
    "kompetensi.external_rejected", _("Pengajuan JP ditolak: %(title)s"), _("Alasan: %(reason)s")
)
register_notification_kind("kompetensi.certificate_ready", _("Sertifikat siap diunduh: %(course)s"))
register_notification_kind(
    "kompetensi.reminder", _("Besok: %(course)s (%(session)s)"), _("Mulai %(when)s di %(place)s.")
)
