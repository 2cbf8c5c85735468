"""The coaching section of an employee's profile: the plans its reader may see (HR all of the instansi's, the
employee and the supervisor the confirmed ones), with HR's link to start one."""

from portal.dashboard import register_profile_section

from . import permissions, queries


@register_profile_section("kinerja-coaching", "kinerja/coaching/profile_section.html", order=47)
def coaching_section(request, pegawai):
    plans = list(queries.about(pegawai, request.user)[:5])
    may_manage = permissions.can_manage(request.user, pegawai.instansi_id) and pegawai.user_id != request.user.pk
    if not plans and not may_manage:
        return None
    return {"plans": plans, "may_manage": may_manage, "pegawai": pegawai}
