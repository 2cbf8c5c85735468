"""Who sees lateness, named once on portal's one check: HR the whole instansi, Pimpinan their own unit and every
unit below it; the Atasan Pejabat Penilai nudges their direct reports who evaluate."""

from dataclasses import dataclass

from portal import roles
from portal.models import Pegawai
from portal.org_tree import unit_descendant_ids
from portal.permissions import acts_as
from portal.scoping import pegawai_of, scope_for


@dataclass(frozen=True)
class Reach:
    """The part of the organisation a reader of the lateness report sees: an instansi, and its units (None: all)."""

    instansi_id: int
    unit_ids: frozenset | None = None


def report_reach(user) -> Reach | None:
    """HR (and a superadmin with an instansi): the instansi; Pimpinan: their organisation subtree; others: None."""
    me = pegawai_of(user)
    if me is None:
        return None
    if acts_as(user, roles.ADMIN_SDM, me.instansi_id):
        return Reach(me.instansi_id)
    if acts_as(user, roles.PIMPINAN, me.instansi_id):
        return Reach(me.instansi_id, frozenset(unit_descendant_ids([me.unit_id], [me.instansi_id])))
    return None


def can_view_report(user) -> bool:
    me = pegawai_of(user)
    return me is not None and acts_as(user, (roles.ADMIN_SDM, roles.PIMPINAN), me.instansi_id)


def opens_records(user, instansi_id) -> bool:
    """Whether the reader may open every SKP and evaluation of the instansi (HR and leaders, whose scope is the
    instansi): the report then links each row to its page; decided once per page, not once per row."""
    scope = scope_for(user)
    return scope.everything or scope.instansi_id == instansi_id


def nudgeable(user, evaluator_id) -> Pegawai | None:
    """The evaluator the user may nudge: an active direct report of the user in the same instansi (the user is
    their Atasan Pejabat Penilai), or None."""
    me = pegawai_of(user)
    if me is None or not me.is_active:
        return None
    return (
        Pegawai.objects.select_related("user", "instansi")
        .filter(pk=evaluator_id, atasan_id=me.pk, instansi_id=me.instansi_id, is_active=True)
        .first()
    )
