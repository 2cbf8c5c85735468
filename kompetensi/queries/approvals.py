"""What a supervisor (or HR standing in) has to decide."""

from django.db.models import Q

from portal.navigation import count_together
from portal.permissions import is_superadmin
from portal.scoping import pegawai_of

from ..competency.queries import pending_reviews
from ..models import (
    Enrolment,
    ExternalLearning,
)
from ..permissions import approves_whole_instansi, may_approve_anything

S = Enrolment.Status


# --- approvals -------------------------------------------------------------------------------------------------


def _approvable_pegawai_q(user, path):
    """Rows whose employee the user decides for: direct reports; HR: everyone of the instansi."""
    if is_superadmin(user):
        return Q()
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])
    q = Q(**{f"{path}__atasan_id": me.pk})
    if approves_whole_instansi(user):
        q |= Q(**{f"{path}__instansi_id": me.instansi_id})
    return q & ~Q(**{f"{path}__user_id": user.pk})


def pending_approvals(user):
    return (
        Enrolment.objects.filter(_approvable_pegawai_q(user, "pegawai"), status=S.PENDING_APPROVAL)
        .select_related("pegawai__unit", "pegawai__jabatan", "session__course", "session__instansi")
        .order_by("requested_at", "pk")
    )


def pending_external(user):
    return (
        ExternalLearning.objects.filter(
            _approvable_pegawai_q(user, "pegawai"), status=ExternalLearning.Status.SUBMITTED
        )
        .select_related("pegawai__unit", "bentuk")
        .order_by("submitted_at", "pk")
    )


def is_approver(user):
    return may_approve_anything(user)


def pending_querysets(user):
    """What waits for the user's decision: enrolment requests, JP claims and competency claims."""
    return [pending_approvals(user), pending_external(user), pending_reviews(user)]


def pending_count(user):
    """How many of them, counted in one query."""
    return sum(count_together(pending_querysets(user)))
