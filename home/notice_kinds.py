"""The wording of the intranet's notifications (portal.notification_kinds); a reading reminder says when the page has
been acknowledged since."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import register_notification_kind

from .models import Acknowledgement


def _acknowledged(notifications):
    wanted = Q(pk__in=[])
    for n in notifications:
        wanted |= Q(page_id=n.params["page"], generation=n.params["generation"], user_id=n.recipient_id)
    done = set(Acknowledgement.objects.filter(wanted).values_list("page_id", "generation", "user_id"))
    return {n.pk for n in notifications if (n.params["page"], n.params["generation"], n.recipient_id) in done}


register_notification_kind(
    "home.reading_reminder",
    _("Bacaan wajib: %(title)s (batas %(date)s)"),
    _("Mohon baca dan konfirmasi halaman ini sebelum batas waktu."),
    settled=_acknowledged,
    settled_text=_("Anda sudah mengonfirmasi halaman ini; tidak ada lagi yang perlu Anda lakukan."),
)
register_notification_kind(
    "home.review_due",
    _("Halaman perlu ditinjau: %(title)s"),
    _("Tanggal tinjauan halaman ini sudah lewat. Periksa dan perbarui isinya."),
)
