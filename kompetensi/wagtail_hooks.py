"""Admin of the training module: audit-log action labels, regulation data as snippets, and the guard that
keeps training organisers to their own instansi's catalogue."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .models import Enrolment

LOG_ACTIONS = [
    *[
        (f"kompetensi.enrolment.{value}", _("Pendaftaran: %(label)s") % {"label": label})
        for value, label in Enrolment.Status.choices
    ],  # fmt: skip
    ("kompetensi.enrolment.evaluated", _("Pendaftaran: evaluasi diisi")),
    ("kompetensi.session.enrol_unit", _("Angkatan: pendaftaran satu unit")),
    ("kompetensi.session.attendance", _("Angkatan: presensi dicatat")),
    ("kompetensi.certificate.revoked", _("Sertifikat dicabut")),
    ("kompetensi.external.approved", _("JP eksternal disetujui")),
    ("kompetensi.external.rejected", _("JP eksternal ditolak")),
]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label in LOG_ACTIONS:
        actions.register_action(action, label, label)
