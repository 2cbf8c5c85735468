"""What the evaluation pages add to the menu, worked out once per user (the frame) plus live counts."""

from portal.frame import remember
from portal.navigation import badge_counts
from portal.scoping import pegawai_of

from ..skp.queries import officials_acted_for
from .models import Appeal, Evaluation


def evaluation_menu(user) -> dict:
    """The user's evaluation entries (kept in their frame) and how many evaluations wait for their rating."""
    me = pegawai_of(user)
    if me is None:
        return {}

    def entries():
        return {
            "evaluator": me.has_reports or bool(officials_acted_for(user)),
            "decider": Appeal.objects.filter(decider=me).exists(),
        }

    return dict(remember(user, "evaluation_menu", entries))


def for_request(request) -> dict:
    """`evaluation_menu` once per request: the menu's key, the menu and the dashboard all ask."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(request, "_evaluation_menu", None)
    if cached is None:
        cached = request._evaluation_menu = {
            **evaluation_menu(user),
            "to_rate": badge_counts(request).get("kinerja-evaluation-to-rate", 0),
        }
    return cached


def to_rate_badge(request):
    """Evaluations waiting for the user's first rating as pejabat penilai."""
    user = request.user
    if not user.is_authenticated or not evaluation_menu(user).get("evaluator"):
        return None
    return Evaluation.objects.filter(skp__evaluator=pegawai_of(user), status=Evaluation.Status.OPEN)
