"""Who may do what with SKP, named once, on portal's one check."""

from django.utils import timezone

from portal import roles
from portal.permissions import acts_as
from portal.scoping import pegawai_of, scope_q

from .models import ActingEvaluator


def can_manage_periods(user, instansi_id) -> bool:
    return acts_as(user, roles.ADMIN_SDM, instansi_id)


def can_write(user, skp) -> bool:
    """The employee writes their own SKP while it is a draft or returned."""
    return skp.pegawai.user_id == user.pk and skp.editable


def acting_for(user, official, on=None):
    """The official (a Pegawai) that `user` may act for as pejabat penilai today: the official themselves, or the
    official whose Plt/Plh the user is on that date. Returns (may_act, on_behalf_of)."""
    me = pegawai_of(user)
    if me is None or not me.is_active or official is None:
        return False, None
    if me.pk == official.pk:
        return True, None
    on = on or timezone.localdate()
    acting = ActingEvaluator.objects.filter(official=official, acting=me, starts_on__lte=on, ends_on__gte=on).exists()
    return (True, official) if acting else (False, None)


def can_view(user, skp) -> bool:
    """The employee, the pejabat penilai (or their Plt/Plh), and whoever sees the employee in the platform's scope
    (the supervisor chain, HR and leaders of the instansi)."""
    if skp.pegawai.user_id == user.pk or acting_for(user, skp.evaluator)[0]:
        return True
    return type(skp.pegawai)._default_manager.filter(scope_q(user, indirect=True), pk=skp.pegawai_id).exists()
