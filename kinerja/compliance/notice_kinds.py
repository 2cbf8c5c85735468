"""The wording of the escalation notifications, by kind (portal.notification_kinds), filled from each notification's
parameters in the reader's language."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import register_notification_kind

# to the supervisor, once per period, after the planning deadline
register_notification_kind(
    "kinerja.escalate_plan",
    _("%(count)s pegawai Anda belum mengajukan SKP %(year)s"),
    _(
        "Batas penetapan SKP %(deadline)s sudah lewat: %(names)s. Ingatkan mereka untuk menyusun dan mengajukan SKP "
        "kepada Anda."
    ),
)
# to the Atasan Pejabat Penilai, once per step and evaluator, `days` after the deadline
register_notification_kind(
    "kinerja.escalate_approve",
    _("%(count)s SKP terlambat diputuskan oleh %(name)s"),
    _(
        "SKP %(year)s bawahan %(name)s menunggu persetujuan lebih dari %(days)s hari setelah batasnya. Sebagai atasan "
        "pejabat penilai, mohon ingatkan %(name)s."
    ),
)
register_notification_kind(
    "kinerja.escalate_rate",
    _("%(count)s evaluasi %(label)s terlambat dinilai oleh %(name)s"),
    _(
        "Evaluasi %(label)s %(year)s bawahan %(name)s belum dinilai lebih dari %(days)s hari setelah batasnya. "
        "Sebagai atasan pejabat penilai, mohon ingatkan %(name)s."
    ),
)
# from the Atasan Pejabat Penilai to an evaluator of theirs, at most once a day
register_notification_kind(
    "kinerja.escalation_nudge",
    _("Pengingat dari %(name)s: keputusan dan penilaian kinerja yang terlambat"),
    _(
        "%(approvals)s SKP menunggu persetujuan Anda dan %(ratings)s evaluasi belum Anda nilai, melewati batasnya. "
        "Mohon segera diselesaikan."
    ),
)
