"""The service desk section of an employee's profile: their latest requests to HR, for themselves and for HR of their
instansi."""

from portal.dashboard import register_profile_section

from . import permissions, queries


@register_profile_section("kinerja-service-desk", "kinerja/service_desk/profile_section.html", order=47)
def service_section(request, pegawai):
    own = pegawai.user_id == request.user.pk
    if not (own or permissions.can_manage(request.user, pegawai.instansi_id)):
        return None
    found = queries.recent_of(pegawai)
    if not found and not own:
        return None
    return {"requests": found, "own": own}
