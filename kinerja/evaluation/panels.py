"""The evaluation side of the home dashboard: what waits for a pejabat penilai, and the predikat distribution of
the leader's organisation."""

from django.db.models import Count

from portal import roles
from portal.dashboard import register_panel
from portal.permissions import acts_as
from portal.scoping import pegawai_of

from ..skp.models import PerformancePeriod
from . import queries
from .menu import for_request
from .models import Evaluation, Predikat


@register_panel("kinerja-to-rate", "kinerja/panels/to_rate.html", order=16)
def to_rate_panel(request):
    menu = for_request(request)
    if not menu.get("evaluator") and not menu.get("decider"):
        return None
    waiting = queries.to_rate(request.user)
    first = list(waiting[:5])
    return {
        "first": first,
        "total": waiting.count() if len(first) == 5 else len(first),
        "appeals": queries.appeals_to_decide(request.user).count() if menu.get("decider") else 0,
    }


def distribution(instansi_id):
    """The predikat of the final evaluations of the instansi's latest period: the annual ones when there are any,
    else the latest periodic window with final results. One aggregate query plus the period."""
    period = PerformancePeriod.objects.filter(instansi_id=instansi_id).order_by("-year").first()
    if period is None:
        return None
    final = Evaluation.objects.filter(skp__period=period, status=Evaluation.Status.FINALISED)
    rows = list(final.values("kind", "window__sequence", "window__label", "predikat").annotate(n=Count("pk")))
    if not rows:
        return {"period": period, "label": "", "rows": [], "total": 0}
    annual = [row for row in rows if row["kind"] == Evaluation.Kind.ANNUAL]
    if annual:
        chosen, label = annual, str(Evaluation.Kind.ANNUAL.label)
    else:
        latest = max(row["window__sequence"] for row in rows)
        chosen = [row for row in rows if row["window__sequence"] == latest]
        label = chosen[0]["window__label"]
    counts = {row["predikat"]: row["n"] for row in chosen}
    total = sum(counts.values())
    return {
        "period": period,
        "label": label,
        "total": total,
        "rows": [
            {"code": code, "name": name, "n": counts.get(code, 0), "percent": round(100 * counts.get(code, 0) / total)}
            for code, name in Predikat.choices
        ],
    }


@register_panel("kinerja-predikat", "kinerja/panels/predikat.html", order=14)
def predikat_panel(request):
    me = pegawai_of(request.user)
    if me is None or not acts_as(request.user, (roles.PIMPINAN, roles.ADMIN_SDM), me.instansi_id):
        return None
    return distribution(me.instansi_id)
