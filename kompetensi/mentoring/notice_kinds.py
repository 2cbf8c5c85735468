"""The wording of mentoring notifications (portal.notification_kinds); a request to confirm a session says so once
the mentee has answered it."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import ids_where, register_notification_kind

from .models import MentoringSession


def _answered_sessions(notifications):
    ids = {n.params["session"] for n in notifications if "session" in n.params}
    waiting = set(
        MentoringSession.objects.filter(pk__in=ids, status=MentoringSession.Status.LOGGED).values_list("pk", flat=True)
    )
    return ids_where(notifications, "session", ids - waiting)


register_notification_kind(
    "kompetensi.mentoring_paired",
    _("Pasangan mentoring baru: %(name)s (%(programme)s)"),
    _("Buka halaman Mentoring untuk melihat kesepakatan dan tujuan pendampingan."),
)
register_notification_kind(
    "kompetensi.mentoring_logged",
    _("Konfirmasi sesi mentoring %(date)s dengan %(name)s"),
    _("Mentor Anda mencatat sesi ini. Konfirmasi bila sesuai, atau sanggah dengan alasan."),
    settled=_answered_sessions,
    settled_text=_("Sesi ini sudah Anda tanggapi; tidak ada lagi yang perlu Anda lakukan."),
)
register_notification_kind("kompetensi.mentoring_confirmed", _("%(name)s mengonfirmasi sesi mentoring %(date)s"))
register_notification_kind(
    "kompetensi.mentoring_disputed",
    _("%(name)s menyanggah sesi mentoring %(date)s"),
    _("Alasan: %(reason)s"),
)
register_notification_kind(
    "kompetensi.mentoring_ended",
    _("Pendampingan oleh %(name)s selesai: beri umpan balik"),
    _("Program %(programme)s. Penilaian Anda membantu SDM menilai program mentoring."),
)
