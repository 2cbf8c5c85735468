"""The competency section of an employee's profile page (portal.dashboard profile sections): the match with the
position and the largest gaps, linking to the full profile."""

from portal.dashboard import register_profile_section

from . import permissions, queries


@register_profile_section("kompetensi-competency", "kompetensi/competency/profile_section.html", order=35)
def competency_section(request, pegawai):
    if not permissions.can_view_profile(request.user, pegawai):
        return None
    profile = queries.profile_of(pegawai)
    return {"pegawai": pegawai, "profile": profile, "gaps": profile.gaps[:3], "own": pegawai.user_id == request.user.pk}
