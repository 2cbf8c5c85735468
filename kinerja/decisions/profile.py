"""The career-decision section of an employee's profile: the decisions taken about them, for themselves and for HR
and Pimpinan of their instansi (who also see a link to propose one)."""

from portal.dashboard import register_profile_section

from . import permissions, queries


@register_profile_section("kinerja-decisions", "kinerja/decisions/profile_section.html", order=46)
def decisions_section(request, pegawai):
    own = pegawai.user_id == request.user.pk
    if not (own or permissions.can_view_list(request.user, pegawai.instansi_id)):
        return None
    decisions = list(queries.about(pegawai)[:5])
    may_manage = permissions.can_manage(request.user, pegawai.instansi_id)
    if not decisions and not may_manage:
        return None
    return {"decisions": decisions, "own": own, "may_manage": may_manage, "pegawai": pegawai}
