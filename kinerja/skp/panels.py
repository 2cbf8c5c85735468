"""The SKP panel of the home dashboard: my SKP's state and the next deadline; for whoever may decide, how many SKP
wait for them."""

from django.utils import timezone

from portal.dashboard import register_panel
from portal.scoping import pegawai_of

from . import queries


@register_panel("kinerja-skp", "kinerja/panels/skp.html", order=14)
def skp_panel(request):
    me = pegawai_of(request.user)
    if me is None:
        return None
    period = queries.open_period_for(me)
    skp = queries.my_skp(me, period)
    today = timezone.localdate()
    deadline = None
    if period is not None:
        if skp is None or skp.status != skp.Status.APPROVED:
            deadline = period.planning_deadline
        else:
            deadline = period.windows.filter(deadline__gte=today).order_by("deadline").values_list(
                "deadline", flat=True
            ).first() or period.annual_deadline  # fmt: skip
    waiting = queries.to_decide(request.user).count() if queries.may_decide_anything(request.user) else 0
    return {"period": period, "skp": skp, "deadline": deadline, "late": bool(deadline and deadline < today),
            "waiting": waiting}  # fmt: skip
