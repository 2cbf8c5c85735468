"""The wording of competency notifications (portal.notification_kinds): a claim waiting for the supervisor (settled
once a verdict is recorded or the claim is corrected), and the verdict told to the employee."""

from django.utils.translation import gettext_lazy as _

from portal.notification_kinds import ids_where, register_notification_kind

from .queries import waiting_claims


def _settled_claims(notifications):
    claim_ids = {n.params["claim"] for n in notifications if "claim" in n.params}
    if not claim_ids:
        return set()
    still_waiting = set(waiting_claims().filter(pk__in=claim_ids).values_list("pk", flat=True))
    return ids_where(notifications, "claim", claim_ids - still_waiting)


register_notification_kind(
    "kompetensi.competency_claim",
    _("Verifikasi kompetensi: %(name)s — %(competency)s level %(level)s"),
    settled=_settled_claims,
    settled_text=_("Klaim ini sudah diverifikasi; tidak ada lagi yang perlu Anda lakukan."),
)
register_notification_kind(
    "kompetensi.competency_confirmed",
    _("Level kompetensi dikonfirmasi: %(competency)s level %(level)s"),
    _("Catatan: %(reason)s"),
)
register_notification_kind(
    "kompetensi.competency_rejected",
    _("Klaim kompetensi tidak dikonfirmasi: %(competency)s level %(claimed)s"),
    _("Alasan: %(reason)s"),
)
