"""The "Eskalasi" section of the approval queue: for an Atasan Pejabat Penilai, the decisions and ratings overdue
with their direct reports who evaluate, read-only, with a nudge per evaluator (registered in `registrations.py`)."""

from django.utils import timezone

from portal import roles
from portal.models import Notification
from portal.scoping import has_role, pegawai_of

from . import queries, services


def escalation_section(request):
    """None for whoever leads nobody or whose reports have nothing overdue; three queries otherwise."""
    me = pegawai_of(request.user)
    if me is None or not has_role(request.user, roles.ATASAN):
        return None
    today = timezone.localdate()
    subordinates = queries.subordinates_overdue(me, today)
    if not subordinates:
        return None
    keys = {f"kinerja:nudge:{s.evaluator.pk}:{today.isoformat()}": s.evaluator.pk for s in subordinates}
    # with the recipients, the lookup is the unique (recipient, dedupe_key) index's, not a scan of every notification
    nudged = Notification.objects.filter(
        recipient_id__in={s.evaluator.user_id for s in subordinates}, dedupe_key__in=keys
    ).values_list("dedupe_key", flat=True)
    return {
        "subordinates": subordinates,
        "nudged": {keys[key] for key in nudged},
        "escalation_days": services.escalation_days(),
    }
