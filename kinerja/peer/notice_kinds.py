"""The wording of peer feedback notifications (portal.notification_kinds), in the reader's language."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import register_notification_kind

register_notification_kind(
    "kinerja.peer_assigned",
    _("Umpan balik rekan untuk %(subject)s"),
    _("Anda diminta memberi umpan balik tentang %(subject)s pada nilai-nilai BerAKHLAK sampai %(day)s. Jawaban Anda "
      "tidak dapat dikaitkan dengan nama Anda."),
)  # fmt: skip
