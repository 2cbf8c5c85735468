"""What a supervisor (or HR standing in) has to decide."""

from django.db.models import Q

from portal import roles
from portal.scoping import has_role, pegawai_of

from ..models import (
    Enrolment,
    ExternalLearning,
)

S = Enrolment.Status


# --- approvals -------------------------------------------------------------------------------------------------


def _approvable_pegawai_q(user, path):
    """Rows whose employee the user decides for: direct reports; HR: everyone of the instansi."""
    if getattr(user, "is_superuser", False):
        return Q()
    me = pegawai_of(user)
    if me is None:
        return Q(pk__in=[])
    q = Q(**{f"{path}__atasan_id": me.pk})
    if has_role(user, roles.ADMIN_SDM):
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
    me = pegawai_of(user)
    return (
        getattr(user, "is_superuser", False)
        or has_role(user, roles.ATASAN, roles.ADMIN_SDM)
        or (me is not None and me.has_reports)
    )
